package com.tapstack.modules.alarms;

import java.util.List;
import java.util.Optional;

/**
 * What the alarms and the dashboard watch, resolved to the names CloudWatch dimensions use.
 *
 * @param region          the stack's region
 * @param title           the dashboard's heading
 * @param clusterName     the ECS cluster
 * @param services        the services
 * @param loadBalancer    the load balancer's ARN suffix ({@code app/<name>/<id>}), when there is one
 * @param database        the database, when there is one
 */
public record Monitored(String region, String title, String clusterName, List<Service> services,
                        Optional<String> loadBalancer, Optional<Database> database) {

    public Monitored {
        services = List.copyOf(services);
    }

    /** A service: its short name, its ECS service name and its target group's ARN suffix if public. */
    public record Service(String name, String ecsServiceName, Optional<String> targetGroup) {
    }

    /**
     * The database: its identifier, whether it is an Aurora cluster, and its instances' identifiers (an Aurora
     * cluster's metrics per instance are read by these).
     */
    public record Database(String identifier, boolean aurora, List<String> instanceIdentifiers) {
        public Database {
            instanceIdentifiers = List.copyOf(instanceIdentifiers);
        }

        public String dimension() {
            return aurora ? "DBClusterIdentifier" : "DBInstanceIdentifier";
        }
    }
}
