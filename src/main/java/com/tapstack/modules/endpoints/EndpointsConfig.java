package com.tapstack.modules.endpoints;

import com.tapstack.config.ConfigKey.ListKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * VPC endpoints ({@code <project>:endpoints}): the interface endpoints to create; the S3 gateway endpoint comes
 * with them.
 */
public record EndpointsConfig(List<String> interfaces) {

    /** The interface endpoints this stack knows how to create and secure. */
    public static final List<String> INTERFACE_SERVICES = List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager",
            "ssm", "ssmmessages", "kms", "sts", "monitoring", "sqs", "xray");
    public static final ListKey INTERFACES = ListKey.of("interfaces", List.of("ecr.api", "ecr.dkr", "logs",
            "secretsmanager", "ssm"), String.join(", ", INTERFACE_SERVICES), "Interface endpoints with private DNS");
    public static final KeyTable KEYS = KeyTable.of("<project>:endpoints", "VPC endpoints", "Interface endpoints in"
            + " the private subnets, plus an S3 gateway endpoint on the private route tables. With them tasks run"
            + " without NAT (natStrategy: none).", INTERFACES);
    public static final Structured BLOCK = Structured.table("endpoints", "off", "VPC endpoints for the private"
            + " subnets", KEYS);

    public EndpointsConfig {
        interfaces = List.copyOf(interfaces);
    }

    /** The block's settings, or empty without it. */
    public static Optional<EndpointsConfig> read(ConfigNode parent) {
        return BLOCK.optional(parent).map(node -> {
            var interfaces = INTERFACES.read(node);
            for (var service : interfaces) {
                if (!INTERFACE_SERVICES.contains(service)) {
                    throw node.error(INTERFACES.name(), ConfigNode.show(service) + " is not an endpoint this stack"
                            + " creates", INTERFACES.allowed());
                }
            }
            return new EndpointsConfig(List.copyOf(new LinkedHashSet<>(interfaces)));
        });
    }
}
