package com.tapstack.service;

import com.tapstack.aws.AwsAccount;
import com.tapstack.config.service.SecretRef;
import java.util.Optional;

/**
 * A secret as ECS and IAM need it: the {@code valueFrom} the task definition carries, the ARN the execution role
 * may read, the service that stores it and the KMS key that protects it (when customer managed).
 */
public record ResolvedSecret(String variable, String valueFrom, String resourceArn, Store store,
                             Optional<String> kmsKeyArn) {

    /** Where the value is stored. */
    public enum Store {
        SSM("ssm"), SECRETS_MANAGER("secretsmanager");

        private final String service;

        Store(String service) {
            this.service = service;
        }

        public String service() {
            return service;
        }
    }

    /**
     * Resolves a configured secret in this account and region. An SSM parameter given by name becomes its full
     * ARN ({@code parameter/} plus the name without its leading slash: a doubled slash would silently fail IAM).
     * A JSON key becomes the {@code <arn>:<key>::} form ECS expects (version stage and id left empty).
     */
    public static ResolvedSecret resolve(String variable, SecretRef ref, AwsAccount account) {
        return resolve(variable, ref, account, new SecretSources(java.util.Map.of(), java.util.Set.of(),
                Optional.empty(), ""));
    }

    /** Resolves a secret, also one that names a parameter of this stack ({@code {parameter: NAME}}). */
    public static ResolvedSecret resolve(String variable, SecretRef ref, AwsAccount account, SecretSources sources) {
        if (ref instanceof SecretRef.StackParameter parameter) {
            var arn = sources.parameterArns().get(parameter.name());
            var key = sources.secureParameters().contains(parameter.name())
                    ? Optional.of(sources.stackKeyArn()) : Optional.<String>empty();
            return new ResolvedSecret(variable, arn, arn, Store.SSM, key);
        }
        if (ref instanceof SecretRef.SsmParameter parameter) {
            var arn = parameter.arn().orElseGet(() -> account.arn("ssm",
                    "parameter/" + (parameter.name().startsWith("/") ? parameter.name().substring(1) : parameter.name())));
            return new ResolvedSecret(variable, arn, arn, Store.SSM, parameter.kmsKeyArn());
        }
        var secret = (SecretRef.SecretsManager) ref;
        return secretsManager(variable, secret);
    }

    /** One key of the database's managed secret ({@code username} or {@code password}), encrypted with the stack key. */
    public static ResolvedSecret databaseKey(String variable, String jsonKey, SecretSources sources) {
        var arn = sources.databaseSecretArn().orElseThrow();
        return new ResolvedSecret(variable, arn + ":" + jsonKey + "::", arn, Store.SECRETS_MANAGER,
                Optional.of(sources.stackKeyArn()));
    }

    private static ResolvedSecret secretsManager(String variable, SecretRef.SecretsManager secret) {
        var valueFrom = secret.jsonKey().map(key -> secret.secretArn() + ":" + key + "::").orElse(secret.secretArn());
        return new ResolvedSecret(variable, valueFrom, secret.secretArn(), Store.SECRETS_MANAGER, secret.kmsKeyArn());
    }
}
