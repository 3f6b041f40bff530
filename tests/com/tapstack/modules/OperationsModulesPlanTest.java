package com.tapstack.modules;

import static com.tapstack.support.PlanAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.aws.AwsAccount;
import com.tapstack.modules.alarms.Alarms;
import com.tapstack.modules.alblogs.AlbAccessLogs;
import com.tapstack.modules.database.Database;
import com.tapstack.support.Checks;
import com.tapstack.support.Reference;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlanValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** VPC endpoints, ALB access logs, alarms and the dashboard: exact inputs and wiring. */
class OperationsModulesPlanTest {

    private static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private static final String BUCKET = Reference.P + "prod-core-alb-logs-123456789012";

    private static String id(Plan plan, String type, String name) {
        return plan.named(type, name).id().orElseThrow();
    }

    @Test
    void endpointsGiveThePrivateSubnetsS3ThroughTheRouteTablesAndTheApisThroughInterfaces() {
        var plan = Reference.plan("prod");
        var privateSubnets = plan.byType("aws:ec2/subnet:Subnet").stream()
                .filter(s -> "private".equals(s.inputAt("tags.Tier"))).map(s -> s.id().orElseThrow()).toList();
        var privateTables = plan.byType("aws:ec2/routeTableAssociation:RouteTableAssociation").stream()
                .filter(a -> privateSubnets.contains(a.input("subnetId"))).map(a -> a.input("routeTableId")).toList();
        var group = id(plan, "aws:ec2/securityGroup:SecurityGroup", Reference.P + "security-groups-endpoints");

        assertThat(privateTables).hasSize(3).doesNotHaveDuplicates();
        assertThat(plan.named(ENDPOINT, Reference.P + "endpoints-s3").inputs()).containsAllEntriesOf(Map.of(
                "serviceName", "com.amazonaws.us-east-1.s3", "vpcEndpointType", "Gateway"));
        assertThat(plan.named(ENDPOINT, Reference.P + "endpoints-s3").input("routeTableIds")).asList()
                .containsExactlyInAnyOrderElementsOf(privateTables);
        var interfaces = plan.byType(ENDPOINT).stream().filter(e -> "Interface".equals(e.input("vpcEndpointType")))
                .toList();
        assertThat(interfaces).extracting(e -> e.input("serviceName")).containsExactlyInAnyOrder(
                "com.amazonaws.us-east-1.ecr.api", "com.amazonaws.us-east-1.ecr.dkr", "com.amazonaws.us-east-1.logs",
                "com.amazonaws.us-east-1.secretsmanager", "com.amazonaws.us-east-1.ssm");
        assertThat(interfaces).allSatisfy(e -> assertThat(e.inputs()).containsAllEntriesOf(Map.of(
                "subnetIds", privateSubnets, "securityGroupIds", List.of(group), "privateDnsEnabled", true)));
    }

    @Test
    void theEndpointsGroupTakesHttpsFromEachServiceAndNothingElse() {
        var plan = Reference.plan("prod");
        var group = id(plan, "aws:ec2/securityGroup:SecurityGroup", Reference.P + "security-groups-endpoints");
        var services = List.of("api", "web", "worker").stream()
                .map(s -> id(plan, "aws:ec2/securityGroup:SecurityGroup", Reference.P + "security-groups-" + s)).toList();

        var ingress = plan.byType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").stream()
                .filter(rule -> group.equals(rule.input("securityGroupId"))).toList();
        assertThat(ingress).extracting(rule -> rule.input("referencedSecurityGroupId"))
                .containsExactlyInAnyOrderElementsOf(services);
        assertThat(ingress).allSatisfy(rule -> assertThat(rule.inputs()).containsAllEntriesOf(
                Map.of("ipProtocol", "tcp", "fromPort", 443L, "toPort", 443L)));
    }

    @Test
    void withEndpointsTasksNeedNoNat() {
        var ecrImage = Map.of("repository", "self", "digest", "sha256:" + "ab".repeat(32));
        var plan = Reference.plan("dev", Reference.values("dev").set(Reference.NS + "natStrategy", "none")
                .set(Reference.NS + "endpoints", Map.of("interfaces", List.of("ecr.api", "ecr.dkr", "logs", "ssmmessages", "kms")))
                .setIn(Reference.NS + "services", "web.image", ecrImage).setIn(Reference.NS + "services", "api.image", ecrImage)
                .setIn(Reference.NS + "services", "worker.image", ecrImage).toMap());

        assertThat(plan.byType("aws:ec2/natGateway:NatGateway")).isEmpty();
        assertThat(plan.byType(ENDPOINT)).hasSize(6);
        assertThat(Checks.findings(plan, false)).isEmpty();
    }

    @Test
    void theAccessLogBucketIsSseS3PrivateTlsOnlyAndExpires() {
        var plan = Reference.plan("prod");
        var bucket = plan.named("aws:s3/bucketV2:BucketV2", Reference.P + "alb-logs");

        assertThat(bucket.input("bucket")).isEqualTo(BUCKET);
        assertThat(bucket.input("forceDestroy")).isEqualTo(false);
        assertThat(bucket.protect()).isTrue();
        assertThat(plan.named("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                Reference.P + "alb-logs-encryption").input("rules")).isEqualTo(List.of(Map.of("applyServerSideEncryptionByDefault",
                Map.of("sseAlgorithm", "AES256"))));
        assertThat(plan.named("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", Reference.P + "alb-logs-public-access")
                .inputs()).isEqualTo(Map.of("bucket", BUCKET, "blockPublicAcls", true, "blockPublicPolicy", true,
                "ignorePublicAcls", true, "restrictPublicBuckets", true));
        assertThat(plan.named("aws:s3/bucketOwnershipControls:BucketOwnershipControls", Reference.P + "alb-logs-ownership")
                .input("rule")).isEqualTo(Map.of("objectOwnership", "BucketOwnerEnforced"));
        assertThat(plan.named("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                Reference.P + "alb-logs-lifecycle").input("rules")).isEqualTo(List.of(Map.of("id", "expire-access-logs",
                "status", "Enabled", "filter", Map.of("prefix", ""), "expiration", Map.of("days", 90L),
                "abortIncompleteMultipartUpload", Map.of("daysAfterInitiation", 7L))));
        assertThat(json(plan.named("aws:s3/bucketPolicy:BucketPolicy", Reference.P + "alb-logs-policy"), "policy"))
                .isEqualTo(json("""
                        {"Version": "2012-10-17", "Statement": [
                          {"Sid": "AllowLoadBalancerLogDelivery", "Effect": "Allow",
                           "Principal": {"AWS": "arn:aws:iam::127311923021:root"}, "Action": ["s3:PutObject"],
                           "Resource": ["arn:aws:s3:::%1$s/alb/AWSLogs/123456789012/*"]},
                          {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": {"AWS": "*"},
                           "Action": ["s3:*"], "Resource": ["arn:aws:s3:::%1$s", "arn:aws:s3:::%1$s/*"],
                           "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}""".formatted(BUCKET)));
    }

    @Test
    void theLoadBalancerLogsThereOnceThePolicyLetsItWrite() {
        var plan = Reference.plan("prod");
        var alb = plan.byType("aws:lb/loadBalancer:LoadBalancer").get(0);

        assertThat(alb.input("accessLogs")).isEqualTo(Map.of("bucket", BUCKET, "prefix", "alb", "enabled", true));
        assertThat(alb.dependencies()).contains(plan.named("aws:s3/bucketPolicy:BucketPolicy", Reference.P + "alb-logs-policy").urn());
    }

    @Test
    void regionsOpenedAfter2022AdmitTheLogDeliveryServiceInsteadOfAnElbAccount() {
        var policy = AlbAccessLogs.policy("arn:aws:s3:::b", new AwsAccount("111122223333", "aws", "ap-southeast-4", "amazonaws.com"))
                .toJson();

        assertThat(policy).contains("\"Principal\":{\"Service\":\"logdelivery.elasticloadbalancing.amazonaws.com\"}")
                .contains("arn:aws:s3:::b/alb/AWSLogs/111122223333/*");
    }

    @Test
    void regionsOpenedBefore2022AdmitTheirElbAccount() {
        var policy = AlbAccessLogs.policy("arn:aws:s3:::b", new AwsAccount("111122223333", "aws", "af-south-1",
                "amazonaws.com")).toJson();

        assertThat(policy).contains("\"Principal\":{\"AWS\":\"arn:aws:iam::098369216593:root\"}");
    }

    @Test
    void inDevTheBucketCanBeDestroyedWithItsLogs() {
        var plan = Reference.plan("dev", Reference.values("dev").set(Reference.NS + "albLogs", Map.of("expirationDays", 7)).toMap());
        var bucket = plan.named("aws:s3/bucketV2:BucketV2", Reference.P + "alb-logs");

        assertThat(bucket.input("forceDestroy")).isEqualTo(true);
        assertThat(bucket.protect()).isFalse();
        assertThat(PlanValues.at(plan.named("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                Reference.P + "alb-logs-lifecycle").inputs(), "rules.0.expiration.days")).isEqualTo(7L);
    }

    @Test
    void alarmsGoToAnEncryptedTopicOnlyThisAccountsAlarmsMayPublishTo() {
        var plan = Reference.plan("prod");
        var topic = plan.named("aws:sns/topic:Topic", Reference.P + "alarms");
        var arn = "arn:aws:sns:us-east-1:123456789012:" + Reference.P + "prod-core-alarms";

        assertThat(topic.input("kmsMasterKeyId")).isEqualTo(plan.byType("aws:kms/key:Key").get(0).output("arn"));
        assertThat(plan.named("aws:kms/key:Key", Reference.P + "key").inputString("policy"))
                .contains("\"Principal\":{\"Service\":\"cloudwatch.amazonaws.com\"}");
        assertThat(json(plan.named("aws:sns/topicPolicy:TopicPolicy", Reference.P + "alarms-policy"), "policy")).isEqualTo(json("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "AccountAdministersTopic", "Effect": "Allow",
                   "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                   "Action": ["sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:AddPermission",
                              "sns:RemovePermission", "sns:DeleteTopic", "sns:Subscribe",
                              "sns:ListSubscriptionsByTopic", "sns:Publish"],
                   "Resource": ["%1$s"]},
                  {"Sid": "CloudWatchAlarmsPublish", "Effect": "Allow",
                   "Principal": {"Service": "cloudwatch.amazonaws.com"}, "Action": ["sns:Publish"],
                   "Resource": ["%1$s"],
                   "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"},
                                 "ArnLike": {"aws:SourceArn": "arn:aws:cloudwatch:us-east-1:123456789012:alarm:*"}}}]}
                """.formatted(arn)));
        assertThat(plan.byType("aws:sns/topicSubscription:TopicSubscription")).isEmpty();
        assertThat(plan.byType(ALARM)).allSatisfy(alarm -> {
            assertThat(alarm.input("alarmActions")).isEqualTo(List.of(arn));
            assertThat(alarm.input("okActions")).isEqualTo(List.of(arn));
        });
    }

    @Test
    void eachEmailIsSubscribed() {
        var plan = Reference.plan("prod", Reference.values("prod").set(Reference.NS + "alarms",
                Map.of("emails", List.of("oncall@shop.io", "platform@shop.io"))).toMap());

        assertThat(plan.byType("aws:sns/topicSubscription:TopicSubscription")).extracting(s -> s.input("endpoint"))
                .containsExactly("oncall@shop.io", "platform@shop.io");
        assertThat(plan.byType("aws:sns/topicSubscription:TopicSubscription"))
                .allSatisfy(s -> assertThat(s.input("protocol")).isEqualTo("email"));
    }

    @Test
    void everyServiceTheLoadBalancerAndTheDatabaseAreWatched() {
        var plan = Reference.plan("prod");

        assertThat(plan.byType(ALARM)).extracting(a -> a.input("name")).containsExactlyInAnyOrder(
                Reference.P + "prod-core-api-cpu-high", Reference.P + "prod-core-api-memory-high", Reference.P + "prod-core-api-tasks-below-desired",
                Reference.P + "prod-core-web-cpu-high", Reference.P + "prod-core-web-memory-high", Reference.P + "prod-core-web-tasks-below-desired",
                Reference.P + "prod-core-web-unhealthy-targets", Reference.P + "prod-core-web-target-5xx",
                Reference.P + "prod-core-worker-cpu-high", Reference.P + "prod-core-worker-memory-high",
                Reference.P + "prod-core-worker-tasks-below-desired",
                Reference.P + "prod-core-alb-5xx", Reference.P + "prod-core-db-cpu-high", Reference.P + "prod-core-db-capacity-high",
                Reference.P + "prod-core-db-memory-low",
                // api reads the rotating database secret: its redeploy after a rotation is watched too.
                Reference.P + "prod-core-api-rotation-redeploy-missed", Reference.P + "prod-core-api-rotation-redeploy-failed");
        assertThat(plan.named(ALARM, Reference.P + "alarms-api-cpu").inputs()).containsAllEntriesOf(Map.of(
                "namespace", "AWS/ECS", "metricName", "CPUUtilization", "statistic", "Average", "period", 60L,
                "dimensions", Map.of("ClusterName", Reference.P + "prod-core-cluster", "ServiceName", Reference.P + "prod-core-api"),
                "threshold", 80L, "comparisonOperator", "GreaterThanThreshold", "evaluationPeriods", 5L,
                "datapointsToAlarm", 3L, "treatMissingData", "notBreaching"));
        var targetGroup = plan.byType("aws:lb/targetGroup:TargetGroup").get(0).output("arnSuffix");
        var loadBalancer = plan.byType("aws:lb/loadBalancer:LoadBalancer").get(0).output("arnSuffix");
        assertThat(plan.named(ALARM, Reference.P + "alarms-web-unhealthy").input("dimensions"))
                .isEqualTo(Map.of("TargetGroup", targetGroup, "LoadBalancer", loadBalancer));
        // The worst of the two Aurora instances, each by its own identifier.
        assertThat(plan.named(ALARM, Reference.P + "alarms-db-capacity").inputAt("metricQueries.1.metric.dimensions"))
                .isEqualTo(Map.of("DBInstanceIdentifier", Reference.P + "prod-core-db-2"));
        assertThat(plan.named(ALARM, Reference.P + "alarms-db-memory").inputAt("metricQueries.2.expression"))
                .isEqualTo("MIN(METRICS())");
    }

    @Test
    void eachPublicServiceRollsBackOnItsTargetGroupsSignalsWhichExistFirst() {
        var plan = Reference.plan("prod");
        var targetGroup = plan.byType("aws:lb/targetGroup:TargetGroup").get(0).output("arnSuffix");
        var loadBalancer = plan.byType("aws:lb/loadBalancer:LoadBalancer").get(0).output("arnSuffix");

        assertThat(plan.named(ALARM, Reference.P + "alarms-web-5xx").inputs()).containsAllEntriesOf(Map.of(
                "namespace", "AWS/ApplicationELB", "metricName", "HTTPCode_Target_5XX_Count", "statistic", "Sum",
                "dimensions", Map.of("TargetGroup", targetGroup, "LoadBalancer", loadBalancer), "threshold", 10L));
        var expected = Map.of("web", List.of(Reference.P + "prod-core-web-unhealthy-targets", Reference.P + "prod-core-web-target-5xx"));
        for (var name : List.of("api", "worker")) {
            assertThat(plan.named("aws:ecs/service:Service", Reference.P + name).input("alarms")).as(name)
                    .isEqualTo(Map.of("alarmNames", List.of(Reference.P + "prod-core-" + name + "-cpu-high"), "enable", false,
                            "rollback", false));
        }
        expected.forEach((name, alarms) -> {
            var service = plan.named("aws:ecs/service:Service", Reference.P + name);
            assertThat(service.input("alarms")).as(name).isEqualTo(Map.of("alarmNames", alarms, "enable", true,
                    "rollback", true));
            var alarmUrns = plan.byType(ALARM).stream().filter(a -> alarms.contains(a.input("name")))
                    .map(a -> a.urn()).toList();
            assertThat(service.dependencies()).as(name).containsAll(alarmUrns);
            // The alarms watch the service by the name it gets.
            assertThat(plan.find(a -> a.type().equals(ALARM) && (Reference.P + "prod-core-" + name + "-cpu-high")
                    .equals(a.input("name"))).orElseThrow().inputAt("dimensions.ServiceName"))
                    .isEqualTo(service.input("name"));
        });
    }

    @Test
    void withoutAlarmsDeploymentsStillRollBackOnTheCircuitBreaker() {
        var service = Reference.plan("dev").named("aws:ecs/service:Service", Reference.P + "web");

        assertThat(service.input("alarms")).isNull();
        assertThat(service.input("deploymentCircuitBreaker")).isEqualTo(Map.of("enable", true, "rollback", true));
    }

    @Test
    @SuppressWarnings("unchecked")
    void runningTasksBelowDesiredIsMetricMathOverContainerInsights() {
        var queries = (List<Map<String, Object>>) Reference.plan("prod").named(ALARM, Reference.P + "alarms-worker-tasks")
                .input("metricQueries");

        assertThat(queries).extracting(q -> q.get("id")).containsExactly("running", "desired", "result");
        assertThat(queries.get(0).get("metric")).isEqualTo(Map.of("namespace", "ECS/ContainerInsights",
                "metricName", "RunningTaskCount", "stat", "Average", "period", 60L,
                "dimensions", Map.of("ClusterName", Reference.P + "prod-core-cluster", "ServiceName", Reference.P + "prod-core-worker")));
        assertThat(queries.get(2)).containsEntry("expression", "desired - running").containsEntry("returnData", true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneDashboardShowsTheWatchedMetricsAndTheAlarms() {
        var plan = Reference.plan("prod");
        var dashboard = plan.byType("aws:cloudwatch/dashboard:Dashboard");

        assertThat(dashboard).singleElement().satisfies(d -> {
            assertThat(d.input("dashboardName")).isEqualTo(Reference.P + "prod-core-overview");
            var widgets = (List<Map<String, Object>>) ((Map<String, Object>) json(d, "dashboardBody")).get("widgets");
            assertThat(widgets).extracting(w -> ((Map<String, Object>) w.get("properties")).get("title"))
                    .contains("CPU by service (%)", "Memory by service (%)", "Running tasks",
                            "Load balancer requests and 5xx", "Database CPU (%) and connections", "Alarms");
            var alarms = widgets.stream().filter(w -> "alarm".equals(w.get("type"))).findFirst().orElseThrow();
            assertThat((List<String>) ((Map<String, Object>) alarms.get("properties")).get("alarms"))
                    .containsExactlyInAnyOrderElementsOf(plan.byType(ALARM).stream()
                            .filter(a -> a.urn().contains("$" + com.tapstack.modules.alarms.Alarms.TYPE + "$"))
                            .map(a -> (String) a.output("arn")).toList());
            // Key order is fixed (not Map.of's, which changes from one JVM to the next): the body is the same text
            // on every run, so a preview shows no change to it.
            assertThat((String) d.input("dashboardBody")).contains("\"properties\":{\"title\":\"Alarms\",\"alarms\":[");
        });
    }

    @Test
    void devHasNoneOfTheseModules() {
        var plan = Reference.plan("dev");

        for (var type : List.of(ENDPOINT, ALARM, "aws:s3/bucketV2:BucketV2", "aws:sns/topic:Topic",
                "aws:rds/cluster:Cluster", "aws:ssm/parameter:Parameter")) {
            assertThat(plan.byType(type)).as(type).isEmpty();
        }
        assertThat(plan.byType("aws:lb/loadBalancer:LoadBalancer").get(0).input("accessLogs")).isNull();
    }
}
