package com.tapstack.config.modules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The optional modules of the stack; each is off unless its block is present in the stack file.
 *
 * @param database      tap:database
 * @param parameters    tap:parameters, by name
 * @param https         tap:https: a certificate ARN, or a domain to request a DNS-validated certificate for
 * @param dns           tap:dns: a Route 53 zone and the record name that points at the load balancer
 * @param waf           tap:waf
 * @param endpoints     tap:endpoints: interface endpoints to create (the S3 gateway endpoint comes with them)
 * @param albLogs       tap:albLogs: days to keep load balancer access logs
 * @param alarms        tap:alarms
 */
public record ModulesConfig(Optional<DatabaseConfig> database, Map<String, ParameterConfig> parameters,
                            Optional<HttpsConfig> https, Optional<DnsConfig> dns, Optional<WafConfig> waf,
                            Optional<List<String>> endpoints, Optional<Integer> albLogs,
                            Optional<AlarmsConfig> alarms) {

    public ModulesConfig {
        parameters = Map.copyOf(parameters);
    }

    public static ModulesConfig none() {
        return new ModulesConfig(Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** HTTPS: a given certificate, or one requested for {@code domainName} and validated in the DNS zone. */
    public record HttpsConfig(Optional<String> certificateArn, Optional<String> domainName) {
    }

    /** An alias record {@code recordName} in Route 53 zone {@code zoneId} for the load balancer. */
    public record DnsConfig(String zoneId, String recordName) {
    }

    /** A WAFv2 web ACL on the load balancer: AWS managed rule groups and a per-IP rate limit (per 5 minutes). */
    public record WafConfig(List<String> managedRuleGroups, int rateLimit) {
        public WafConfig {
            managedRuleGroups = List.copyOf(managedRuleGroups);
        }
    }

    /**
     * Alarms to an SNS topic (with optional e-mail subscribers) and a dashboard.
     *
     * @param databaseAcuPercent        Aurora Serverless v2: ACUUtilization (capacity used of the maximum ACUs)
     * @param databaseFreeableMemoryMiB memory left on the database's instances (for Serverless v2: left at the
     *                                  maximum capacity)
     * @param databaseFreeStorageGiB    RDS only: free storage of the instance (Aurora's volume grows by itself)
     */
    public record AlarmsConfig(List<String> emails, int cpuPercent, int memoryPercent, int alb5xxPerMinute,
                               int databaseCpuPercent, int databaseAcuPercent, int databaseFreeableMemoryMiB,
                               int databaseFreeStorageGiB) {
        public AlarmsConfig {
            emails = List.copyOf(emails);
        }
    }
}
