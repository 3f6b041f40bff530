package com.tapstack.config.service;

import java.util.Optional;

/** A secret injected into a container through the task definition's {@code secrets}, never as plain text. */
public sealed interface SecretRef {

    /** The customer managed KMS key protecting the value, when it is not the AWS managed key. */
    Optional<String> kmsKeyArn();

    /** An SSM parameter, by name ({@code /app/db-password}) or ARN. */
    record SsmParameter(String name, Optional<String> arn, Optional<String> kmsKeyArn) implements SecretRef {
    }

    /** A parameter this stack creates from {@code tap:parameters}, by name; encrypted (if secure) with the stack key. */
    record StackParameter(String name) implements SecretRef {
        @Override
        public Optional<String> kmsKeyArn() {
            return Optional.empty();
        }
    }

    /** A Secrets Manager secret by its full ARN, optionally one key of its JSON value. */
    record SecretsManager(String secretArn, Optional<String> jsonKey, Optional<String> kmsKeyArn)
            implements SecretRef {
    }
}
