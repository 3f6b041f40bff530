package com.tapstack.config.service;

import com.tapstack.config.ConfigNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rules between the services' Service Connect endpoints, and what Cloud Map discovery makes of them: with Cloud
 * Map a {@code serviceConnect} block would do nothing, so it is refused, and no service keeps an endpoint; with
 * Service Connect each discovery name, and each client alias name and port, is unique in the namespace (ECS API
 * ServiceConnectService: "This must be unique within the Cloud Map namespace"; "Each name and port mapping must be
 * unique within the namespace").
 */
final class ServiceConnectEndpoints {

    private ServiceConnectEndpoints() {
    }

    /** The services as the environment's discovery uses them; one config error for the first endpoint clash. */
    static Map<String, ServiceConfig> check(ConfigNode services, Map<String, ServiceConfig> all, Discovery discovery) {
        if (discovery == Discovery.CLOUD_MAP) {
            var result = new LinkedHashMap<String, ServiceConfig>();
            for (var service : all.values()) {
                if (services.object(service.name(), "a mapping of service settings").has(ServiceConnectSettings.BLOCK.name())) {
                    throw services.error(service.name() + "." + ServiceConnectSettings.BLOCK.name(), "is set, but"
                            + " services find each other through Cloud Map DNS", "the block only with <project>:discovery:"
                            + " serviceConnect");
                }
                result.put(service.name(), service.toBuilder().serviceConnect(Optional.empty()).build());
            }
            return result;
        }
        var discoveryNames = new HashMap<String, String>();
        var aliases = new HashMap<String, String>();
        for (var service : all.values()) {
            // "Only the tasks that Amazon ECS services create are supported with Service Connect" (ECS API
            // ServiceConnectConfiguration), and Service Connect makes no DNS records: a task RunTask starts
            // resolves no alias.
            if (service.schedule().isPresent() && !service.calls().isEmpty()) {
                throw services.error(service.name() + "." + ServiceKeys.CALLS.name(), ConfigNode.show(service.calls())
                        + " cannot be reached from a scheduled task: EventBridge Scheduler starts it with RunTask,"
                        + " which runs no Service Connect proxy", "no calls on a scheduled task with <project>:discovery:"
                        + " serviceConnect (cloudMap's DNS names resolve from any task)");
            }
            if (service.serviceConnect().isEmpty()) {
                continue;
            }
            var endpoint = service.serviceConnect().get();
            var key = service.name() + "." + ServiceConnectSettings.BLOCK.name();
            var other = discoveryNames.putIfAbsent(endpoint.discoveryName(), service.name());
            if (other != null) {
                throw services.error(key + "." + ServiceConnectSettings.DISCOVERY_NAME.name(), ConfigNode.show(
                        endpoint.discoveryName()) + " is service " + other + "'s discovery name too",
                        "a discovery name no other service has");
            }
            endpoint.dnsName().ifPresent(name -> {
                var clash = aliases.putIfAbsent(name + ":" + endpoint.port(), service.name());
                if (clash != null) {
                    throw services.error(key + "." + ServiceConnectSettings.DNS_NAME_KEY.name(), ConfigNode.show(name)
                            + " on port " + endpoint.port() + " is service " + clash + "'s client alias too",
                            "a name and port no other service has");
                }
            });
        }
        return all;
    }
}
