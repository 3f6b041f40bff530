package com.tapstack.ingress;

import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHostHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tapstack.config.service.PlatformConfig;
import com.tapstack.config.service.ServiceConfig;
import com.tapstack.naming.NameLimit;
import com.tapstack.naming.Naming;
import com.tapstack.scope.StackScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The internet-facing Application Load Balancer of the public services: one target group per public service
 * (IP targets, the configured health check), an HTTP listener that forwards (or, with a certificate, redirects
 * to the HTTPS listener), and listener rules only for public services beyond the one that takes the default
 * action, so no rule ever repeats the default.
 */
public final class LoadBalancer extends ComponentResource {

    public static final String TYPE = "tap:ingress:LoadBalancer";
    /** TLS 1.3 and 1.2 with forward secrecy only: passes Security Hub ELB.17 in both of its revisions. */
    public static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06";
    public static final int FIRST_RULE_PRIORITY = 100;
    public static final int RULE_PRIORITY_STEP = 10;
    /** Fargate tasks (awsvpc) register by IP. */
    static final String TARGET_TYPE = "ip";
    static final String TARGET_PROTOCOL = "HTTP";

    private final com.pulumi.aws.lb.LoadBalancer alb;
    private final Map<String, TargetGroup> targetGroups = new LinkedHashMap<>();
    private final List<Resource> listenersAndRules = new ArrayList<>();
    private final boolean https;

    /**
     * @param certificateArn the certificate of the HTTPS listener, when the stack serves HTTPS
     * @param accessLogs     where access logs go, when the stack keeps them
     */
    public LoadBalancer(String name, PlatformConfig platform, Optional<Output<String>> certificateArn,
                        Optional<AccessLogsTarget> accessLogs, Output<String> vpcId, Output<List<String>> publicSubnetIds,
                        Output<List<String>> securityGroupIds, StackScope scope, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        this.https = certificateArn.isPresent();
        var args = LoadBalancerArgs.builder();
        accessLogs.ifPresent(logs -> args.accessLogs(LoadBalancerAccessLogsArgs.builder()
                .bucket(logs.bucket()).prefix(logs.prefix()).enabled(true).build()));
        var albOptions = CustomResourceOptions.builder().parent(this);
        accessLogs.ifPresent(logs -> albOptions.dependsOn(logs.ready()));
        this.alb = new com.pulumi.aws.lb.LoadBalancer(name, args
                .name(scope.name("alb", NameLimit.LOAD_BALANCER))
                .internal(false)
                .loadBalancerType("application")
                .securityGroups(securityGroupIds)
                .subnets(publicSubnetIds)
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(scope.protect())
                .tags(scope.commonTags())
                .build(), albOptions.build());

        var publicServices = platform.services().values().stream().filter(ServiceConfig::isPublic).toList();
        for (var service : publicServices) {
            targetGroups.put(service.name(), targetGroup(name + "-" + service.name(), service, vpcId, scope, child));
        }
        var fallback = publicServices.stream().filter(s -> !s.hasRoutingRule()).findFirst().orElseThrow();
        var forwardToFallback = ListenerDefaultActionArgs.builder().type("forward")
                .targetGroupArn(targetGroups.get(fallback.name()).arn()).build();

        var http = new Listener(name + "-http", ListenerArgs.builder()
                .loadBalancerArn(alb.arn())
                .port(80)
                .protocol("HTTP")
                .defaultActions(https ? redirectToHttps() : forwardToFallback)
                .tags(scope.commonTags())
                .build(), child);
        listenersAndRules.add(http);
        var forwarding = http;
        if (https) {
            forwarding = new Listener(name + "-https", ListenerArgs.builder()
                    .loadBalancerArn(alb.arn())
                    .port(443)
                    .protocol("HTTPS")
                    .sslPolicy(TLS_POLICY)
                    .certificateArn(certificateArn.get())
                    .defaultActions(forwardToFallback)
                    .tags(scope.commonTags())
                    .build(), child);
            listenersAndRules.add(forwarding);
        }
        int priority = FIRST_RULE_PRIORITY;
        for (var service : publicServices) {
            if (service.hasRoutingRule()) {
                listenersAndRules.add(rule(name + "-" + service.name(), forwarding, service, priority, scope, child));
                priority += RULE_PRIORITY_STEP;
            }
        }
        registerOutputs(Map.of("dnsName", alb.dnsName(), "arn", alb.arn()));
    }

    private static ListenerDefaultActionArgs redirectToHttps() {
        return ListenerDefaultActionArgs.builder().type("redirect")
                .redirect(ListenerDefaultActionRedirectArgs.builder()
                        .protocol("HTTPS").port("443").statusCode("HTTP_301").build())
                .build();
    }

    private TargetGroup targetGroup(String logicalName, ServiceConfig service, Output<String> vpcId,
                                    StackScope scope, CustomResourceOptions options) {
        var check = service.targetHealthCheck();
        int port = service.port().orElseThrow();
        return new TargetGroup(logicalName, TargetGroupArgs.builder()
                .name(Output.tuple(scope.naming(), vpcId).applyValue(t ->
                        targetGroupName(t.t1, service.name(), port, TARGET_PROTOCOL, TARGET_TYPE, t.t2)))
                .port(port)
                .protocol(TARGET_PROTOCOL)
                .targetType(TARGET_TYPE)
                .vpcId(vpcId)
                .deregistrationDelay(service.deregistrationDelaySeconds())
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .enabled(true)
                        .path(check.path())
                        .port("traffic-port")
                        .protocol("HTTP")
                        .interval(check.interval())
                        .timeout(check.timeout())
                        .healthyThreshold(check.healthyThreshold())
                        .unhealthyThreshold(check.unhealthyThreshold())
                        .matcher(check.matcher())
                        .build())
                .tags(scope.commonTags())
                .build(), options);
    }

    /**
     * {@code <prefix><service>-<hash>}, the hash taken over every input that replaces a target group when it
     * changes (port, protocol, target type, VPC: ForceNew in terraform-provider-aws v5
     * internal/service/elbv2/target_group.go; ip_address_type and protocol_version are left to their defaults).
     * Target group names are unique per account and region, and Pulumi creates the replacement before it deletes
     * the old group, so a fixed name would collide; with the hash the new group gets a new name, the listener,
     * its rules and the service (load balancers update in place) move to it, and the old group is deleted last.
     * The name stays within 32 characters ({@link Naming#name} shortens the part and keeps it unique).
     */
    public static String targetGroupName(Naming naming, String service, int port, String protocol,
                                         String targetType, String vpcId) {
        var replacementKey = String.join("|", String.valueOf(port), protocol, targetType, vpcId);
        return naming.name(service + "-" + Naming.hash(replacementKey), NameLimit.TARGET_GROUP);
    }

    private ListenerRule rule(String logicalName, Listener listener, ServiceConfig service, int priority,
                              StackScope scope, CustomResourceOptions options) {
        var conditions = new ArrayList<ListenerRuleConditionArgs>();
        if (!service.pathPatterns().isEmpty()) {
            conditions.add(ListenerRuleConditionArgs.builder().pathPattern(ListenerRuleConditionPathPatternArgs
                    .builder().values(service.pathPatterns()).build()).build());
        }
        if (!service.hostHeaders().isEmpty()) {
            conditions.add(ListenerRuleConditionArgs.builder().hostHeader(ListenerRuleConditionHostHeaderArgs
                    .builder().values(service.hostHeaders()).build()).build());
        }
        return new ListenerRule(logicalName, ListenerRuleArgs.builder()
                .listenerArn(listener.arn())
                .priority(priority)
                .actions(ListenerRuleActionArgs.builder().type("forward")
                        .targetGroupArn(targetGroups.get(service.name()).arn()).build())
                .conditions(conditions)
                .tags(scope.commonTags())
                .build(), options);
    }

    public Output<String> arn() {
        return alb.arn();
    }

    /** {@code app/<name>/<id>}: the LoadBalancer dimension of CloudWatch metrics. */
    public Output<String> arnSuffix() {
        return alb.arnSuffix();
    }

    public Output<String> zoneId() {
        return alb.zoneId();
    }

    /** {@code targetgroup/<name>/<id>}: the TargetGroup dimension of CloudWatch metrics. */
    public Optional<Output<String>> targetGroupArnSuffixOf(ServiceConfig service) {
        return Optional.ofNullable(targetGroups.get(service.name())).map(TargetGroup::arnSuffix);
    }

    public Optional<Output<String>> targetGroupArnOf(ServiceConfig service) {
        return Optional.ofNullable(targetGroups.get(service.name())).map(TargetGroup::arn);
    }

    /** Services behind the load balancer start after its listeners exist, so registration finds a listener. */
    public List<Resource> listenersAndRules() {
        return List.copyOf(listenersAndRules);
    }

    public Output<String> dnsName() {
        return alb.dnsName();
    }

    /** {@code https://} with a certificate, else {@code http://}, and the load balancer's DNS name. */
    public Output<String> url() {
        return alb.dnsName().applyValue(dns -> (https ? "https://" : "http://") + dns);
    }
}
