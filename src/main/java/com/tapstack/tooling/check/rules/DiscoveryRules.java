package com.tapstack.tooling.check.rules;

import static com.tapstack.tooling.check.CheckContext.ECS_SERVICE;
import static com.tapstack.tooling.check.rules.ComputeRules.maps;

import com.tapstack.tooling.check.CheckContext;
import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ECS Service Connect (TAP13x): what ECS refuses when a service is created or updated, and names callers cannot
 * resolve. Sources: the ECS API reference, ServiceConnectService ("The portName must match the name of one of the
 * portMappings from all the containers in the task definition"; the discovery name "must be unique within the Cloud
 * Map namespace"; "Each name and port mapping must be unique within the namespace") and
 * ServiceConnectServiceResource ("A task can resolve the dnsName for each of the clientAliases of a service. However
 * a task can't resolve the discovery names").
 */
public final class DiscoveryRules {

    static final String NAMESPACE = "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace";
    static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    /** A host name inside a URL or a plain value: labels of letters, digits, _ and -, joined by dots. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+");

    private DiscoveryRules() {
    }

    public static List<Rule> rules() {
        return List.of(PORT_NAME_MAPPED, ENDPOINTS_UNIQUE, CALLERS_USE_ALIASES, PROXY_LOGS_ENCRYPTED);
    }

    static final Rule PORT_NAME_MAPPED = Rule.of("TAP131", Severity.CRITICAL,
            "Service Connect endpoints name a port mapping of their task",
            "ECS refuses a Service Connect service whose portName no container's port mapping has.",
            (context, findings) -> serviceConnectServices(context).forEach(service -> {
                var names = new LinkedHashSet<String>();
                context.taskDefinitionOf(service).ifPresent(task -> context.containersOf(task).forEach(container ->
                        maps(container.get("portMappings")).forEach(mapping -> {
                            if (mapping.get("name") != null) {
                                names.add(String.valueOf(mapping.get("name")));
                            }
                        })));
                for (var endpoint : endpoints(service)) {
                    if (!names.contains(String.valueOf(endpoint.get("portName")))) {
                        findings.report(service, "serves Service Connect port " + endpoint.get("portName") + ", but its"
                                + " task's port mappings are named " + (names.isEmpty() ? "nothing" : String.join(", ",
                                names)) + "; name the container's port mapping " + endpoint.get("portName"));
                    }
                }
            }));

    static final Rule ENDPOINTS_UNIQUE = Rule.of("TAP132", Severity.CRITICAL,
            "Service Connect endpoints are unique in the namespace",
            "ECS refuses a second endpoint with a discovery name, or a client alias name and port, already in use.",
            (context, findings) -> {
                var discoveryNames = new HashMap<String, String>();
                var aliases = new HashMap<String, String>();
                for (var service : serviceConnectServices(context)) {
                    var name = service.inputString("name");
                    for (var endpoint : endpoints(service)) {
                        var discovery = String.valueOf(endpoint.get("discoveryName"));
                        var first = discoveryNames.putIfAbsent(discovery, name);
                        if (first != null && !first.equals(name)) {
                            findings.report(service, "uses discovery name " + discovery + ", which service " + first
                                    + " uses too; give it another (" + context.key("services.<name>.serviceConnect"
                                    + ".discoveryName") + ")");
                        }
                        for (var alias : maps(endpoint.get("clientAlias"))) {
                            var address = alias.get("dnsName") + ":" + ComputeRules.number(alias.get("port"));
                            var owner = aliases.putIfAbsent(address, name);
                            if (owner != null && !owner.equals(name)) {
                                findings.report(service, "offers " + address + ", which service " + owner + " offers"
                                        + " too; give it another dnsName or port (" + context.key(
                                        "services.<name>.serviceConnect") + ")");
                            }
                        }
                    }
                }
            });

    static final Rule CALLERS_USE_ALIASES = Rule.of("TAP133", Severity.HIGH,
            "Service Connect callers use names their proxy resolves",
            "With Service Connect no DNS record is made in the namespace: a caller resolves only the client aliases.",
            (context, findings) -> {
                var services = serviceConnectServices(context);
                var namespaces = context.all(NAMESPACE).stream().map(n -> n.inputString("name")).toList();
                if (services.isEmpty() || namespaces.isEmpty()) {
                    return;
                }
                var aliases = new LinkedHashSet<String>();
                services.forEach(service -> endpoints(service).forEach(endpoint ->
                        maps(endpoint.get("clientAlias")).forEach(alias -> aliases.add(String.valueOf(alias.get("dnsName"))))));
                for (var service : services) {
                    context.taskDefinitionOf(service).ifPresent(task -> context.containersOf(task).forEach(container ->
                            maps(container.get("environment")).forEach(variable -> {
                                for (var host : hostsIn(String.valueOf(variable.get("value")), namespaces)) {
                                    if (!aliases.contains(host)) {
                                        findings.report(service, "sets " + variable.get("name") + " to " + host
                                                + ", which no Service Connect endpoint offers, so it does not resolve;"
                                                + " use a client alias: " + String.join(", ", aliases));
                                    }
                                }
                            })));
                }
            });

    static final Rule PROXY_LOGS_ENCRYPTED = Rule.of("TAP134", Severity.MEDIUM,
            "Service Connect proxies log to an encrypted group with a retention",
            "Without a log configuration the proxy's access and error logs are lost; a group of its own keeps them"
                    + " encrypted and expiring like the application's.",
            (context, findings) -> serviceConnectServices(context).forEach(service -> {
                var group = service.inputAt("serviceConnectConfiguration.logConfiguration.options.awslogs-group");
                var planned = group == null ? null : context.all(LOG_GROUP).stream()
                        .filter(g -> group.equals(g.input("name"))).findFirst().orElse(null);
                if (planned == null || planned.input("kmsKeyId") == null || planned.input("retentionInDays") == null) {
                    findings.report(service, "sends its Service Connect proxy's logs "
                            + (group == null ? "nowhere" : "to " + group + ", which is no encrypted group with a"
                            + " retention of this stack") + "; log them with awslogs to a group of the stack");
                }
            }));

    /** The ECS services whose tasks run the Service Connect proxy. */
    static List<PlannedResource> serviceConnectServices(CheckContext context) {
        return context.all(ECS_SERVICE).stream()
                .filter(service -> Boolean.TRUE.equals(service.inputAt("serviceConnectConfiguration.enabled")))
                .toList();
    }

    static List<Map<String, Object>> endpoints(PlannedResource service) {
        return maps(service.inputAt("serviceConnectConfiguration.services"));
    }

    /** Host names in {@code value} that lie in one of the namespaces. */
    static Set<String> hostsIn(String value, List<String> namespaces) {
        var hosts = new LinkedHashSet<String>();
        var matcher = HOST.matcher(value);
        while (matcher.find()) {
            var host = matcher.group().toLowerCase(java.util.Locale.ROOT);
            if (namespaces.stream().anyMatch(namespace -> host.endsWith("." + namespace))) {
                hosts.add(host);
            }
        }
        return hosts;
    }
}
