package com.tapstack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.tapstack.modules.parameters.ParameterConfig;
import com.tapstack.stack.ConfigLoader;
import com.tapstack.support.Reference;
import com.tapstack.tooling.offline.OfflineEngine;
import com.tapstack.tooling.offline.PlanValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Secrets as {@code pulumi up} hands them over: decrypted, and every value of a key secret once one inside it
 * is. The loader must read the same stack as the stack file gives offline.
 */
class EngineSecretsTest {

    private static ConfigSource engine(Map<String, Object> values, List<String> secretKeys) {
        var gson = new Gson();
        var config = new LinkedHashMap<String, String>();
        values.forEach((key, value) -> config.put(key,
                value instanceof Map || value instanceof List ? gson.toJson(value) : String.valueOf(value)));
        return EngineConfigSource.fromJson("prod", gson.toJson(config), gson.toJson(secretKeys));
    }

    private static Map<String, Object> prodWithParameters(Object apiTokenValue) {
        return Reference.values("prod").set(Reference.NS + "parameters", Map.of(
                "LOG_LEVEL", Map.of("type", "String", "value", "info"),
                "API_TOKEN", Map.of("type", "SecureString", "value", apiTokenValue))).toMap();
    }

    @Test
    void aSecureStringArrivesDecryptedAndStaysSecretUpToTheParameter() {
        var config = ConfigLoader.load(engine(prodWithParameters("tok-123"), List.of(Reference.NS + "parameters")), Reference.NAME);

        assertThat(config.modules().parameters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "API_TOKEN", new ParameterConfig("API_TOKEN", true, SecretValue.of("tok-123")),
                // Marked secret by the engine along with its neighbour; still a String parameter.
                "LOG_LEVEL", new ParameterConfig("LOG_LEVEL", false, SecretValue.of("info"))));

        var plan = OfflineEngine.plan(config, "prod");
        var token = plan.named("aws:ssm/parameter:Parameter", Reference.P + "parameters-API_TOKEN");
        assertThat(token.input("type")).isEqualTo("SecureString");
        assertThat(token.input("keyId")).isEqualTo(plan.byType("aws:kms/key:Key").get(0).output("arn"));
        assertThat(token.input("value")).isEqualTo(new PlanValues.Secret("tok-123"));
        assertThat(token.input("name")).isEqualTo("/" + Reference.NAME + "/prod/core/API_TOKEN");
        var level = plan.named("aws:ssm/parameter:Parameter", Reference.P + "parameters-LOG_LEVEL");
        assertThat(level.input("type")).isEqualTo("String");
        assertThat(level.input("keyId")).isNull();
    }

    @Test
    void theStackFileAndTheEngineAgreeOnParametersWithSecrets() {
        var fromFile = Reference.load("prod", prodWithParameters(Map.of("secure", "v1:AAABAGhlbGxv")));
        var fromEngine = ConfigLoader.load(engine(prodWithParameters("tok-123"), List.of(Reference.NS + "parameters")), Reference.NAME);

        assertThat(fromEngine.modules().parameters().keySet()).isEqualTo(fromFile.modules().parameters().keySet());
        fromFile.modules().parameters().forEach((name, parameter) ->
                assertThat(fromEngine.modules().parameters().get(name).secure()).as(name).isEqualTo(parameter.secure()));
    }

    @Test
    void aSecretInsideTheServicesIsRefusedUnderTheEngineAsOffline() {
        var values = Reference.values("prod").setIn(Reference.NS + "services", "web.environment", Map.of("API_KEY", "k")).toMap();

        assertThatThrownBy(() -> ConfigLoader.load(engine(values, List.of(Reference.NS + "services")), Reference.NAME))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Pulumi.prod.yaml: " + Reference.NS + "services: holds a Pulumi secret, and no value of this key is"
                        + " secret; allowed: plain values; a secret goes in " + Reference.NS + "parameters as a SecureString, or in"
                        + " SSM or Secrets Manager referenced from a service's secrets");
    }
}
