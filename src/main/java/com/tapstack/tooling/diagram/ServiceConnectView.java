package com.tapstack.tooling.diagram;

import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What an ECS service's planned inputs say about Service Connect, for the diagram. */
final class ServiceConnectView {

    private ServiceConnectView() {
    }

    /** The service's tasks run the Service Connect proxy. */
    static boolean enabled(PlannedResource service) {
        return Boolean.TRUE.equals(service.inputAt("serviceConnectConfiguration.enabled"));
    }

    /** The name callers use: the first endpoint's client alias, if the service serves one. */
    static Optional<String> alias(PlannedResource service) {
        if (!(service.inputAt("serviceConnectConfiguration.services") instanceof List<?> endpoints)
                || endpoints.isEmpty() || !(endpoints.get(0) instanceof Map<?, ?> endpoint)
                || !(endpoint.get("clientAlias") instanceof List<?> aliases) || aliases.isEmpty()
                || !(aliases.get(0) instanceof Map<?, ?> alias) || alias.get("dnsName") == null) {
            return Optional.empty();
        }
        return Optional.of(String.valueOf(alias.get("dnsName")));
    }
}
