package com.tapstack.service;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a service's secrets may point at inside this stack, once created: the ARNs of the stack's SSM parameters
 * (and which are SecureStrings), the database's managed secret, and the stack key that encrypts them.
 */
public record SecretSources(Map<String, String> parameterArns, Set<String> secureParameters,
                            Optional<String> databaseSecretArn, String stackKeyArn) {

    public SecretSources {
        parameterArns = Map.copyOf(parameterArns);
        secureParameters = Set.copyOf(secureParameters);
    }
}
