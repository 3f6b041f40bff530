package com.tapstack.config.service;

import com.tapstack.config.ConfigKey.ChoiceKey;
import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A service's Service Connect endpoint, when the environment uses Service Connect ({@code discovery:
 * serviceConnect}) and the service has a port: the named port mapping, the Cloud Map service ECS creates for it,
 * the one client alias callers use, and the proxy's timeouts. A service without a port is a client only and has
 * none of this.
 *
 * <p>Rules from the ECS API reference (ServiceConnectService, ServiceConnectClientAlias, PortMapping,
 * TimeoutConfiguration; read in the AWS SDKs' generated model docs): the port name is up to 64 lowercase letters,
 * digits, _ or -, not starting with -; the discovery name likewise, unique in the namespace; a service takes at most
 * one client alias, whose name (up to 127 lowercase letters, digits, _ - and ., not starting with -) and port are
 * unique in the namespace; timeouts are 0 (off) to 2147483647 seconds (terraform-provider-aws
 * internal/service/ecs/service.go validates the same), and a per-request timeout only with an HTTP, HTTP/2 or gRPC
 * app protocol ("perRequestTimeout can only be set if Service Connect appProtocol isn't TCP").
 *
 * @param portName          the container's port mapping name, which the Service Connect service refers to
 * @param discoveryName     the Cloud Map service ECS creates in the namespace for this endpoint
 * @param dnsName           the name callers use; empty: {@code <service>.<namespace>}, the name Cloud Map DNS gives
 *                          the service, so callers keep their addresses when an environment switches
 * @param port              the port callers use (the client alias port)
 * @param appProtocol       http, http2 or grpc; empty: TCP
 * @param idleTimeout       seconds a connection may stay idle; empty: AWS's default
 * @param perRequestTimeout seconds the proxy waits for a complete response; empty: AWS's default
 */
public record ServiceConnectSettings(String portName, String discoveryName, Optional<String> dnsName, int port,
                                     Optional<AppProtocol> appProtocol, Optional<Integer> idleTimeout,
                                     Optional<Integer> perRequestTimeout) {

    private static final Pattern NAME = Pattern.compile("^[a-z0-9_][a-z0-9_-]{0,63}$");
    private static final Pattern DNS_NAME = Pattern.compile("^[a-z0-9_.][a-z0-9_.-]{0,126}$");
    static final String NAME_RULE = "1 to 64 lowercase letters, digits, _ or -, not starting with -";
    static final String DNS_NAME_RULE = "1 to 127 lowercase letters, digits, _ - or ., not starting with -";

    public static final TextKey PORT_NAME = TextKey.derived("portName", "the service's name", NAME_RULE, "Name of"
            + " the container's port mapping, which the Service Connect endpoint refers to");
    public static final TextKey DISCOVERY_NAME = TextKey.derived("discoveryName", "the service's name", NAME_RULE
            + ", unique among the services", "Name of the Cloud Map service ECS creates for the endpoint");
    public static final TextKey DNS_NAME_KEY = TextKey.derived("dnsName", "<service>.<environment>.<project>.local"
            + " (its Cloud Map DNS name)", DNS_NAME_RULE, "The name callers use (the client alias); resolvable only"
            + " in tasks of this environment");
    public static final IntKey PORT = IntKey.derived("port", 1, 65_535, "the service's port", "The port callers"
            + " use (the client alias port); the proxy forwards to the container port");
    public static final ChoiceKey<AppProtocol> APP_PROTOCOL = ChoiceKey.derived("appProtocol", AppProtocol.class,
            "TCP", "is not an app protocol Service Connect knows", "http, http2 or grpc: the proxy then reports"
                    + " HTTP status metrics and may time out single requests");
    public static final IntKey IDLE_TIMEOUT = IntKey.derived("idleTimeout", 0, Integer.MAX_VALUE, "AWS's: 300 for"
            + " http, http2 and grpc, 3600 for TCP", "Seconds a connection through the proxy may stay idle; 0 turns"
            + " the timeout off").unit("seconds");
    public static final IntKey PER_REQUEST_TIMEOUT = IntKey.derived("perRequestTimeout", 0, Integer.MAX_VALUE,
            "AWS's", "Seconds the proxy waits for a complete response; 0 turns it off; needs an appProtocol")
            .unit("seconds");
    public static final KeyTable KEYS = KeyTable.of("<project>:services.<name>.serviceConnect", "Service Connect"
            + " endpoint", "With <project>:discovery: serviceConnect, every service with a port is a Service Connect"
            + " endpoint with these settings (the block only changes them); services without a port are clients"
            + " only. Refused with Cloud Map discovery and on a service without a port.", PORT_NAME, DISCOVERY_NAME,
            DNS_NAME_KEY, PORT, APP_PROTOCOL, IDLE_TIMEOUT, PER_REQUEST_TIMEOUT);
    public static final Structured BLOCK = Structured.table("serviceConnect", "derived from the service's name and"
            + " port", "The service's Service Connect endpoint (with <project>:discovery: serviceConnect)", KEYS);

    public ServiceConnectSettings {
        if (perRequestTimeout.isPresent() && appProtocol.isEmpty()) {
            throw new IllegalArgumentException("a per-request timeout needs an app protocol");
        }
    }

    /** The endpoint of a service that sets nothing: named after the service, at its container port, over TCP. */
    public static ServiceConnectSettings defaults(String service, int containerPort) {
        return new ServiceConnectSettings(service, service, Optional.empty(), containerPort, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * The endpoint of a service with a port (defaults without the block), or empty for a service without one; the
     * block on a service without a port is refused (it has nothing to serve).
     */
    static Optional<ServiceConnectSettings> read(ConfigNode service, String name, Optional<Integer> containerPort) {
        var block = BLOCK.optional(service);
        if (containerPort.isEmpty()) {
            if (block.isPresent()) {
                throw service.error(BLOCK.name(), "is set on a service without a port, which can only call others",
                        "a serviceConnect block only on a service with a port");
            }
            return Optional.empty();
        }
        if (block.isEmpty()) {
            return Optional.of(defaults(name, containerPort.get()));
        }
        var node = block.get();
        var portName = name(node, PORT_NAME, NAME, name);
        var discoveryName = name(node, DISCOVERY_NAME, NAME, name);
        var dnsName = DNS_NAME_KEY.optional(node);
        if (dnsName.isPresent() && !DNS_NAME.matcher(dnsName.get()).matches()) {
            throw node.invalid(DNS_NAME_KEY.name(), "is not a Service Connect client alias", DNS_NAME_RULE);
        }
        var appProtocol = APP_PROTOCOL.optional(node);
        var perRequest = PER_REQUEST_TIMEOUT.optional(node);
        if (perRequest.isPresent() && appProtocol.isEmpty()) {
            throw node.error(PER_REQUEST_TIMEOUT.name(), "is set for a TCP port, where the proxy sees no requests",
                    "a perRequestTimeout next to appProtocol: http, http2 or grpc");
        }
        return Optional.of(new ServiceConnectSettings(portName, discoveryName, dnsName,
                PORT.optional(node).orElse(containerPort.get()), appProtocol, IDLE_TIMEOUT.optional(node), perRequest));
    }

    private static String name(ConfigNode node, TextKey key, Pattern rule, String fallback) {
        var value = key.optional(node);
        if (value.isPresent() && !rule.matcher(value.get()).matches()) {
            throw node.invalid(key.name(), "is not a Service Connect name", key.allowed());
        }
        return value.orElse(fallback);
    }
}
