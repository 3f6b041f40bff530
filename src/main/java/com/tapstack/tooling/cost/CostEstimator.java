package com.tapstack.tooling.cost;

import com.tapstack.config.CostAssumptions;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The monthly cost of a plan at list prices: what runs by the hour (NAT gateways, public IPv4 addresses, Fargate
 * tasks at their desired count by capacity provider, load balancers, interface endpoints, database instances)
 * and by the month (KMS keys, secrets, alarms, dashboards, web ACLs), plus logs and NAT traffic at the assumed
 * daily volumes. Read from the plan graph, like the checks, so it prices what would be created.
 */
public final class CostEstimator {

    public static final String NAT = "NAT gateways";
    public static final String PUBLIC_IPV4 = "Public IPv4 addresses";
    public static final String FARGATE = "Fargate tasks";
    public static final String LOAD_BALANCER = "Load balancer";
    public static final String ENDPOINTS = "Interface endpoints";
    public static final String DATABASE = "Database";
    public static final String LOGS = "CloudWatch Logs";
    public static final String KMS = "KMS keys";
    public static final String SECRETS = "Secrets Manager";
    public static final String MONITORING = "Alarms and dashboards";
    public static final String WAF = "WAF";
    public static final String QUEUES = "SQS queues";
    public static final String SCHEDULED_TASKS = "Scheduled tasks";
    public static final String SCHEDULER = "EventBridge Scheduler";
    public static final String PULL_THROUGH_CACHE = CachedImages.FAMILY;
    private static final int DAYS_PER_MONTH = 30;

    private CostEstimator() {
    }

    public static CostEstimate estimate(Plan plan, CostAssumptions usage, int logRetentionDays, PriceTable prices) {
        var hours = prices.hoursPerMonth();
        var lines = new ArrayList<CostEstimate.Line>();

        var nats = plan.byType("aws:ec2/natGateway:NatGateway").size();
        if (nats > 0) {
            var gb = usage.natGBPerDay() * DAYS_PER_MONTH;
            lines.add(line(NAT, nats + " x " + hours + " h + " + fmt(gb) + " GB processed",
                    nats * hours * prices.price("natGatewayHour") + gb * prices.price("natGatewayGB")));
        }
        var albs = plan.byType("aws:lb/loadBalancer:LoadBalancer");
        var albAddresses = albs.stream().mapToInt(lb -> list(lb.input("subnets")).size()).sum();
        var addresses = plan.byType("aws:ec2/eip:Eip").size() + albAddresses;
        if (addresses > 0) {
            lines.add(line(PUBLIC_IPV4, addresses + " x " + hours + " h (NAT and load balancer addresses)",
                    addresses * hours * prices.price("publicIpv4Hour")));
        }
        fargate(plan, prices, lines);
        lines.addAll(StorageCosts.lines(plan, usage, prices));
        ScheduledTaskCost.add(plan, usage, prices, lines);
        if (!albs.isEmpty()) {
            lines.add(line(LOAD_BALANCER, albs.size() + " x " + hours + " h + " + fmt(usage.albLcu()) + " LCU",
                    albs.size() * hours * (prices.price("albHour") + usage.albLcu() * prices.price("albLcuHour"))));
        }
        var endpointAzs = plan.byType("aws:ec2/vpcEndpoint:VpcEndpoint").stream()
                .filter(e -> "Interface".equals(e.input("vpcEndpointType")))
                .mapToInt(e -> list(e.input("subnetIds")).size()).sum();
        if (endpointAzs > 0) {
            lines.add(line(ENDPOINTS, endpointAzs + " endpoint-AZs x " + hours + " h",
                    endpointAzs * hours * prices.price("interfaceEndpointAzHour")));
        }
        database(plan, prices, lines);
        var logGroups = plan.byType("aws:cloudwatch/logGroup:LogGroup").size();
        if (logGroups > 0) {
            var ingested = usage.logGBPerDay() * DAYS_PER_MONTH;
            var stored = usage.logGBPerDay() * logRetentionDays;
            lines.add(line(LOGS, fmt(ingested) + " GB ingested, " + fmt(stored) + " GB kept (" + logRetentionDays
                    + " days) in " + logGroups + " groups",
                    ingested * prices.price("logsIngestedGB") + stored * prices.price("logsStoredGBMonth")));
        }
        var keys = plan.byType("aws:kms/key:Key").size();
        if (keys > 0) {
            lines.add(line(KMS, keys + " customer managed key" + (keys == 1 ? "" : "s"),
                    keys * prices.price("kmsKeyMonth")));
        }
        var secrets = managedSecrets(plan) + plan.byType("aws:secretsmanager/secret:Secret").size();
        if (secrets > 0) {
            lines.add(line(SECRETS, secrets + " secret" + (secrets == 1 ? "" : "s"), secrets * prices.price("secretMonth")));
        }
        var alarmMetrics = plan.byType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .mapToInt(CostEstimator::metricsOf).sum();
        var dashboards = plan.byType("aws:cloudwatch/dashboard:Dashboard").size();
        if (alarmMetrics + dashboards > 0) {
            lines.add(line(MONITORING, alarmMetrics + " alarm metrics, " + dashboards + " dashboard"
                            + (dashboards == 1 ? "" : "s"),
                    alarmMetrics * prices.price("alarmMetricMonth") + dashboards * prices.price("dashboardMonth")));
        }
        var acls = plan.byType("aws:wafv2/webAcl:WebAcl");
        if (!acls.isEmpty()) {
            var rules = acls.stream().mapToInt(acl -> list(acl.input("rules")).size()).sum();
            lines.add(line(WAF, acls.size() + " web ACL, " + rules + " rules",
                    acls.size() * prices.price("wafWebAclMonth") + rules * prices.price("wafRuleMonth")));
        }
        QueueCosts.add(plan, usage, prices, lines);
        lines.addAll(CachedImages.lines(plan, usage.cachedImageGB(), prices));
        return new CostEstimate(prices, lines);
    }

    /** Each service's desired tasks, placed by its capacity provider strategy: the base first, then by weight. */
    private static void fargate(Plan plan, PriceTable prices, List<CostEstimate.Line> lines) {
        double onDemandVcpu = 0;
        double onDemandGb = 0;
        double spotVcpu = 0;
        double spotGb = 0;
        double total = 0;
        var hours = prices.hoursPerMonth();
        for (var service : plan.byType("aws:ecs/service:Service")) {
            var taskDefinition = plan.find(r -> r.type().equals("aws:ecs/taskDefinition:TaskDefinition")
                    && r.output("arn") != null && r.output("arn").equals(service.input("taskDefinition"))).orElse(null);
            if (taskDefinition == null) {
                continue;
            }
            var vcpu = Double.parseDouble(taskDefinition.inputString("cpu")) / 1024;
            var gb = Double.parseDouble(taskDefinition.inputString("memory")) / 1024;
            var arm = "ARM64".equals(taskDefinition.inputAt("runtimePlatform.cpuArchitecture"));
            var tasks = ((Number) service.input("desiredCount")).intValue();
            var split = split(tasks, list(service.input("capacityProviderStrategies")));
            var onDemand = split[0];
            var spot = split[1];
            onDemandVcpu += onDemand * vcpu;
            onDemandGb += onDemand * gb;
            spotVcpu += spot * vcpu;
            spotGb += spot * gb;
            total += hours * (onDemand * (vcpu * prices.price(arm ? "fargateArmVcpuHour" : "fargateVcpuHour")
                    + gb * prices.price(arm ? "fargateArmGBHour" : "fargateGBHour"))
                    + spot * (vcpu * prices.price("fargateSpotVcpuHour") + gb * prices.price("fargateSpotGBHour")));
        }
        if (total > 0) {
            lines.add(line(FARGATE, "FARGATE " + fmt(onDemandVcpu) + " vCPU / " + fmt(onDemandGb) + " GB, FARGATE_SPOT "
                    + fmt(spotVcpu) + " vCPU / " + fmt(spotGb) + " GB, x " + hours + " h", total));
        }
    }

    /** Tasks on FARGATE and on FARGATE_SPOT for a desired count and a capacity provider strategy. */
    static double[] split(int tasks, List<?> strategy) {
        if (strategy.isEmpty()) {
            return new double[] {tasks, 0};
        }
        double onDemand = 0;
        double spot = 0;
        int remaining = tasks;
        double weights = 0;
        for (var item : strategy) {
            var share = (Map<?, ?>) item;
            var base = share.get("base") instanceof Number n ? n.intValue() : 0;
            var placed = Math.min(base, remaining);
            remaining -= placed;
            if ("FARGATE_SPOT".equals(share.get("capacityProvider"))) {
                spot += placed;
            } else {
                onDemand += placed;
            }
            weights += share.get("weight") instanceof Number n ? n.doubleValue() : 0;
        }
        for (var item : strategy) {
            var share = (Map<?, ?>) item;
            var weight = share.get("weight") instanceof Number n ? n.doubleValue() : 0;
            if (weights > 0 && weight > 0) {
                var part = remaining * weight / weights;
                if ("FARGATE_SPOT".equals(share.get("capacityProvider"))) {
                    spot += part;
                } else {
                    onDemand += part;
                }
            }
        }
        return new double[] {onDemand, spot};
    }

    private static void database(Plan plan, PriceTable prices, List<CostEstimate.Line> lines) {
        var hours = prices.hoursPerMonth();
        double cost = 0;
        var basis = new ArrayList<String>();
        for (var instance : plan.byType("aws:rds/clusterInstance:ClusterInstance")) {
            var instanceClass = instance.inputString("instanceClass");
            if ("db.serverless".equals(instanceClass)) {
                var cluster = plan.byType("aws:rds/cluster:Cluster").stream()
                        .filter(c -> c.inputString("clusterIdentifier").equals(instance.inputString("clusterIdentifier")))
                        .findFirst().orElseThrow();
                var minimum = ((Number) cluster.inputAt("serverlessv2ScalingConfiguration.minCapacity")).doubleValue();
                cost += minimum * hours * prices.price("auroraAcuHour");
                basis.add("serverless instance at its minimum " + fmt(minimum) + " ACU");
            } else {
                cost += hours * prices.auroraPostgresHour().getOrDefault(instanceClass, 0.0);
                basis.add(instanceClass);
            }
        }
        for (var instance : plan.byType("aws:rds/instance:Instance")) {
            var instanceClass = instance.inputString("instanceClass");
            var copies = Boolean.TRUE.equals(instance.input("multiAz")) ? 2 : 1;
            cost += copies * hours * prices.rdsPostgresHour().getOrDefault(instanceClass, 0.0)
                    + ((Number) instance.input("allocatedStorage")).doubleValue() * prices.price("rdsGp3GBMonth");
            basis.add(instanceClass + (copies == 2 ? " Multi-AZ" : "") + " + " + instance.input("allocatedStorage") + " GB");
        }
        if (!basis.isEmpty()) {
            var counted = new java.util.LinkedHashMap<String, Integer>();
            basis.forEach(b -> counted.merge(b, 1, Integer::sum));
            var text = counted.entrySet().stream().map(e -> (e.getValue() > 1 ? e.getValue() + " x " : "") + e.getKey())
                    .collect(java.util.stream.Collectors.joining(", "));
            lines.add(line(DATABASE, text + " (storage and I/O by use, not included)", cost));
        }
    }

    /** RDS creates one secret for a managed master password. */
    private static int managedSecrets(Plan plan) {
        return (int) java.util.stream.Stream.concat(plan.byType("aws:rds/cluster:Cluster").stream(),
                plan.byType("aws:rds/instance:Instance").stream())
                .filter(db -> Boolean.TRUE.equals(db.input("manageMasterUserPassword"))).count();
    }

    /** CloudWatch bills an alarm per metric it evaluates (metric math counts each metric it reads). */
    private static int metricsOf(PlannedResource alarm) {
        var queries = list(alarm.input("metricQueries"));
        if (queries.isEmpty()) {
            return 1;
        }
        return (int) queries.stream().filter(q -> q instanceof Map<?, ?> m && m.get("metric") != null).count();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    static CostEstimate.Line line(String family, String basis, double monthly) {
        return new CostEstimate.Line(family, basis, Math.round(monthly * 100) / 100.0);
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
