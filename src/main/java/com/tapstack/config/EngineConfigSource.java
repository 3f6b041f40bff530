package com.tapstack.config;

import com.google.gson.JsonParser;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Configuration as the Pulumi engine hands it to the program during {@code pulumi up}: the language host
 * passes every key of the stack (project defaults applied) as JSON in {@code PULUMI_CONFIG}, with the secret
 * keys listed in {@code PULUMI_CONFIG_SECRET_KEYS}. This is the same contract the SDK's own {@code Config}
 * reads; reading it whole lets the loader reject unknown keys, which {@code Config.get} cannot.
 *
 * <p>Structured values ({@code tap:tags}, {@code tap:services}) arrive as JSON text; {@link ConfigText} decodes
 * them, as it does the texts {@link StackFileSource} derives from a stack file offline.
 */
public final class EngineConfigSource implements ConfigSource {

    private final String origin;
    private final Map<String, String> values;
    private final Set<String> secretKeys;

    EngineConfigSource(String stackName, Map<String, String> values, Set<String> secretKeys) {
        this.origin = "Pulumi." + stackName + ".yaml";
        this.values = values;
        this.secretKeys = secretKeys;
    }

    public static EngineConfigSource fromEnvironment(String stackName) {
        return fromJson(stackName, System.getenv("PULUMI_CONFIG"), System.getenv("PULUMI_CONFIG_SECRET_KEYS"));
    }

    static EngineConfigSource fromJson(String stackName, String configJson, String secretKeysJson) {
        var values = new LinkedHashMap<String, String>();
        if (configJson != null && !configJson.isBlank()) {
            for (var entry : JsonParser.parseString(configJson).getAsJsonObject().entrySet()) {
                values.put(StackFileSource.cleanKey(entry.getKey()), entry.getValue().getAsString());
            }
        }
        var secrets = new HashSet<String>();
        if (secretKeysJson != null && !secretKeysJson.isBlank()) {
            JsonParser.parseString(secretKeysJson).getAsJsonArray()
                    .forEach(key -> secrets.add(StackFileSource.cleanKey(key.getAsString())));
        }
        return new EngineConfigSource(stackName, values, secrets);
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public Map<String, Object> namespace(String namespace) {
        var prefix = namespace + ":";
        var result = new LinkedHashMap<String, Object>();
        values.forEach((key, text) -> {
            if (key.startsWith(prefix)) {
                result.put(key.substring(prefix.length()), ConfigText.decode(text, secretKeys.contains(key)));
            }
        });
        return result;
    }

    @Override
    public Set<String> keys() {
        return java.util.Collections.unmodifiableSet(values.keySet());
    }

    /** The keys, as full names ({@code tap:azCount}), and the text each has. */
    Map<String, String> texts() {
        return java.util.Collections.unmodifiableMap(values);
    }
}
