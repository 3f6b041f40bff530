package com.tapstack.tooling.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Checks;
import com.tapstack.support.PlanEditor;
import com.tapstack.support.Reference;
import com.tapstack.tooling.offline.Plan;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every failure class of the post-mortems in ../shared/seeds, introduced into the dev stack, is reported with
 * its rule and severity. Where configuration can express the failure it is introduced into a copy of
 * Pulumi.dev.yaml; the loader refuses most of them outright, so those are introduced into the plan the program
 * would have produced, as a faulty program would.
 */
class SeedFailureClassesTest {

    private static final String TD = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String SERVICE = "aws:ecs/service:Service";
    private static final String POLICY = "aws:iam/rolePolicy:RolePolicy";

    static Stream<Arguments> seedFailures() {
        return Stream.of(
                failure("004 invalid Fargate CPU/memory pair", "TAP101", Severity.CRITICAL,
                        () -> edit().set(TD, Reference.P + "web-task-definition", "memory", "4096").build()),
                failure("004 'latest' image tag", "TAP103", Severity.HIGH,
                        () -> edit().container(Reference.P + "web-task-definition", "web", c -> put(c, "image", "nginx:latest"))
                                .build()),
                failure("003 container without a valid pinned image", "TAP103", Severity.HIGH,
                        () -> edit().container(Reference.P + "worker-task-definition", "worker",
                                c -> put(c, "image", "busybox:latest")).build()),
                failure("000/002/004 Resource \"*\" and service-wide actions in IAM", "TAP301", Severity.HIGH,
                        () -> edit().set(POLICY, Reference.P + "api-execution-policy", "policy", "{\"Statement\":[{\"Effect\":"
                                + "\"Allow\",\"Action\":[\"secretsmanager:GetSecretValue\",\"kms:Decrypt\"],"
                                + "\"Resource\":\"*\"}]}").build()),
                failure("001/003 AmazonECSTaskExecutionRolePolicy attached", "TAP305", Severity.HIGH,
                        () -> edit().add("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "managed",
                                Map.of("role", Reference.prefix("dev") + "web-execution", "policyArn",
                                        "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"),
                                "m", null).build()),
                failure("003 execution role without the secret it injects", "TAP304", Severity.CRITICAL,
                        () -> edit().container(Reference.P + "api-task-definition", "api", c -> put(c, "secrets",
                                List.of(Map.of("name", "DB_SECRET", "valueFrom",
                                        "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf")))).build()),
                failure("003 Secrets Manager reference ECS cannot resolve", "TAP108", Severity.CRITICAL,
                        () -> edit().container(Reference.P + "api-task-definition", "api", c -> put(c, "secrets",
                                List.of(Map.of("name", "DB_SECRET", "valueFrom",
                                        "arn:aws:secretsmanager:us-east-1:123456789012:secret")))).build()),
                failure("001 secrets hard-coded as environment variables", "TAP107", Severity.HIGH,
                        () -> edit().container(Reference.P + "api-task-definition", "api", c -> put(c, "environment",
                                List.of(Map.of("name", "JWT_SECRET", "value", "s3cr3t")))).build()),
                failure("003 missing NAT (" + Reference.NS + "natStrategy none, no endpoints)", "TAP602", Severity.HIGH,
                        () -> Reference.plan("dev", Reference.values("dev").set(Reference.NS + "natStrategy", "none").toMap())),
                failure("003 KMS key CloudWatch Logs cannot use", "TAP404", Severity.CRITICAL,
                        () -> edit().set("aws:kms/key:Key", Reference.P + "key", "policy", "{\"Statement\":[{\"Effect\":\"Allow\","
                                + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"kms:*\","
                                + "\"Resource\":\"*\"}]}").build()),
                failure("003 security group egress that blocks startup", "TAP603", Severity.HIGH,
                        () -> edit().removeResource("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
                                Reference.P + "security-groups-api-https").build()),
                failure("002 security group egress to everything", "TAP604", Severity.MEDIUM,
                        () -> edit().set("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
                                Reference.P + "security-groups-api-https", "ipProtocol", "-1").build()),
                failure("003 Cloud Map records awsvpc tasks cannot use", "TAP113", Severity.HIGH,
                        () -> edit().set("aws:servicediscovery/service:Service", Reference.P + "api-discovery",
                                "dnsConfig.dnsRecords", List.of()).build()),
                failure("003 service without its network configuration", "TAP112", Severity.CRITICAL,
                        () -> edit().remove(SERVICE, Reference.P + "api", "networkConfiguration").build()),
                failure("003 autoscaling without scaling targets", "TAP114", Severity.MEDIUM,
                        () -> edit().removeResource("aws:appautoscaling/target:Target", Reference.P + "api-scaling").build()),
                failure("002 autoscaling without cooldowns", "TAP114", Severity.MEDIUM,
                        () -> edit().remove("aws:appautoscaling/policy:Policy", Reference.P + "api-scaling-memory",
                                "targetTrackingScalingPolicyConfiguration.scaleOutCooldown").build()),
                failure("004 health check timeout not below the interval", "TAP501", Severity.CRITICAL,
                        () -> edit().set("aws:lb/targetGroup:TargetGroup", Reference.P + "alb-web", "healthCheck.timeout", 30L)
                                .build()),
                failure("001 health check thresholds out of range", "TAP502", Severity.CRITICAL,
                        () -> edit().set("aws:lb/targetGroup:TargetGroup", Reference.P + "alb-web",
                                "healthCheck.unhealthyThreshold", 11L).build()),
                failure("004 listener rule repeating the default action", "TAP503", Severity.MEDIUM,
                        SeedFailureClassesTest::redundantRule),
                failure("002 HTTPS forced without a certificate", "TAP504", Severity.CRITICAL,
                        () -> edit().set("aws:lb/listener:Listener", Reference.P + "alb-http", "protocol", "HTTPS").build()),
                failure("004 service without circuit breaker", "TAP104", Severity.HIGH,
                        () -> edit().remove(SERVICE, Reference.P + "web", "deploymentCircuitBreaker").build()),
                failure("002 service created before its listener", "TAP115", Severity.HIGH,
                        () -> edit().dependencies(SERVICE, Reference.P + "web", List.of()).build()),
                failure("001 EC2 launch type instead of Fargate", "TAP116", Severity.HIGH,
                        () -> edit().set(SERVICE, Reference.P + "worker", "launchType", "EC2").build()),
                failure("001 desiredCount fighting autoscaling", "TAP117", Severity.MEDIUM,
                        () -> edit().ignoreChanges(SERVICE, Reference.P + "web", List.of()).build()),
                failure("004/001 logs kept forever", "TAP401", Severity.HIGH,
                        () -> edit().remove("aws:cloudwatch/logGroup:LogGroup", Reference.P + "web-logs", "retentionInDays").build()),
                failure("004/001/002 resources without cost allocation tags", "TAP702", Severity.MEDIUM,
                        () -> edit().remove("aws:ecs/cluster:Cluster", Reference.P + "cluster", "tags").build()),
                failure("001/002 names without the environment suffix", "TAP703", Severity.MEDIUM,
                        () -> edit().set(SERVICE, Reference.P + "api", "name", "api-service").build()),
                failure("names past AWS's length limits", "TAP701", Severity.CRITICAL,
                        () -> edit().set("aws:lb/loadBalancer:LoadBalancer", Reference.P + "alb", "name",
                                Reference.prefix("dev") + "application-load-balancer").build()),
                failure("002 resources that cannot be destroyed in dev", "TAP802", Severity.HIGH,
                        () -> edit().set("aws:ecr/repository:Repository", Reference.P + "registry-web", "forceDelete", false)
                                .build()),
                failure("002 Performance Insights on an Aurora db.t3.micro", "TAP901", Severity.CRITICAL,
                        () -> withModules().set(DB_INSTANCE, Reference.P + "database-1", "instanceClass", "db.t3.micro")
                                .set(DB_INSTANCE, Reference.P + "database-1", "performanceInsightsEnabled", true).build()),
                failure("002 final snapshot required, so destroy fails", "TAP907", Severity.HIGH,
                        () -> withModules().set("aws:rds/cluster:Cluster", Reference.P + "database", "skipFinalSnapshot", false)
                                .build()),
                failure("001 hard-coded database password", "TAP905", Severity.HIGH,
                        () -> withModules().remove("aws:rds/cluster:Cluster", Reference.P + "database", "manageMasterUserPassword")
                                .set("aws:rds/cluster:Cluster", Reference.P + "database", "masterPassword", "Passw0rd!").build()),
                failure("000 SSM parameters created with placeholder values", "TAP917", Severity.HIGH,
                        () -> withModules().set("aws:ssm/parameter:Parameter", Reference.P + "parameters-LOG_LEVEL", "value",
                                "placeholder").build()),
                failure("002 ALB log bucket without a lifecycle policy", "TAP914", Severity.MEDIUM,
                        () -> withModules().removeResource("aws:s3/bucketLifecycleConfigurationV2:"
                                + "BucketLifecycleConfigurationV2", Reference.P + "alb-logs-lifecycle").build()));
    }

    private static Arguments failure(String seed, String rule, Severity severity, Supplier<Plan> plan) {
        return Arguments.of(seed, rule, severity, plan);
    }

    private static final String DB_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";

    /** The dev stack with the modules the post-mortems' systems used: a database, parameters, ALB logs. */
    private static PlanEditor withModules() {
        return PlanEditor.of(Reference.plan("dev", Reference.values("dev")
                .set(Reference.NS + "database", Map.of("instanceClass", "db.t4g.medium"))
                .set(Reference.NS + "parameters", Map.of("LOG_LEVEL", "info"))
                .set(Reference.NS + "albLogs", Map.of("expirationDays", 30))
                .setIn(Reference.NS + "services", "api.database", true).toMap()));
    }

    private static PlanEditor edit() {
        return PlanEditor.of(Reference.plan("dev"));
    }

    private static Map<String, Object> put(Map<String, Object> container, String key, Object value) {
        container.put(key, value);
        return container;
    }

    private static Plan redundantRule() {
        var plan = Reference.plan("dev");
        var listener = plan.named("aws:lb/listener:Listener", Reference.P + "alb-http");
        return edit().add("aws:lb/listenerRule:ListenerRule", "catch-all", Map.of("listenerArn", listener.output("arn"),
                "priority", 100L, "actions", listener.input("defaultActions"),
                "conditions", List.of(Map.of("pathPattern", Map.of("values", List.of("/*"))))), "r", "arn:r").build();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("seedFailures")
    void isReportedWithItsRuleAndSeverity(String seed, String rule, Severity severity, Supplier<Plan> plan) {
        var findings = Checks.findings(plan.get(), false);

        assertThat(findings).filteredOn(f -> f.rule().id().equals(rule)).isNotEmpty()
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(severity));
        assertThat(RuleCatalog.byId(rule).orElseThrow().severity()).isEqualTo(severity);
    }
}
