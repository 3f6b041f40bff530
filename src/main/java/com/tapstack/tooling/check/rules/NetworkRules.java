package com.tapstack.tooling.check.rules;

import static com.tapstack.tooling.check.CheckContext.ECS_SERVICE;

import com.tapstack.tooling.check.CheckContext;
import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Security groups and routes (TAP6xx). */
public final class NetworkRules {

    static final Set<String> ANYWHERE = Set.of("0.0.0.0/0", "::/0");
    static final Set<Integer> WEB_PORTS = Set.of(80, 443);

    private NetworkRules() {
    }

    public static List<Rule> rules() {
        return List.of(OPEN_TO_INTERNET, PRIVATE_EGRESS, HTTPS_EGRESS, EGRESS_TO_EVERYTHING, RECORDED_ZONES);
    }

    static final Rule OPEN_TO_INTERNET = Rule.of("TAP601", Severity.CRITICAL,
            "Only the load balancer takes traffic from the internet, on 80/443",
            "A task or other group open to 0.0.0.0/0 is reachable by anyone, past the load balancer and its checks.",
            (context, findings) -> {
                var internetFacing = internetFacingGroups(context);
                for (var rule : context.all("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")) {
                    if (anywhere(rule.inputString("cidrIpv4")) || anywhere(rule.inputString("cidrIpv6"))) {
                        check(findings, rule, rule.inputString("securityGroupId"), rule.input("fromPort"),
                                rule.input("toPort"), internetFacing);
                    }
                }
                for (var rule : context.all("aws:ec2/securityGroupRule:SecurityGroupRule")) {
                    if ("ingress".equals(rule.input("type"))
                            && ComputeRules.strings(rule.input("cidrBlocks")).stream().anyMatch(NetworkRules::anywhere)) {
                        check(findings, rule, rule.inputString("securityGroupId"), rule.input("fromPort"),
                                rule.input("toPort"), internetFacing);
                    }
                }
                for (var group : context.all("aws:ec2/securityGroup:SecurityGroup")) {
                    for (var ingress : ComputeRules.maps(group.input("ingress"))) {
                        var cidrs = new HashSet<>(ComputeRules.strings(ingress.get("cidrBlocks")));
                        cidrs.addAll(ComputeRules.strings(ingress.get("ipv6CidrBlocks")));
                        if (cidrs.stream().anyMatch(NetworkRules::anywhere)) {
                            check(findings, group, group.id().orElse(""), ingress.get("fromPort"), ingress.get("toPort"),
                                    internetFacing);
                        }
                    }
                }
            });

    static final Rule PRIVATE_EGRESS = Rule.of("TAP602", Severity.HIGH,
            "Tasks without NAT have a private path to everything they use",
            "A task in a subnet with no route to a NAT gateway reaches AWS only through VPC endpoints, and registries"
                    + " outside ECR not at all: a missing path means no task starts.",
            (context, findings) -> context.taskLaunchers().forEach(launcher -> privateEgress(context, findings,
                    launcher)));

    /** TAP602 for the tasks one service or schedule starts (a scheduled task's runs are RunTask's). */
    private static void privateEgress(CheckContext context, Rule.Sink findings, CheckContext.TaskLauncher launcher) {
        var starter = launcher.launcher();
        var subnets = launcher.privateSubnets();
        // A subnet the plan does not create is the user's (tap:existingVpc): the program looked its routes and
        // endpoints up and stopped unless the tasks have a way out, before planning anything.
        var withoutNat = subnets.stream().filter(subnet -> context.resolve(subnet).isPresent())
                .filter(subnet -> context.defaultRouteOfSubnet(subnet)
                .map(route -> route.get("natGatewayId") == null).orElse(true)).toList();
        if (withoutNat.isEmpty()) {
            return;
        }
        var paths = PrivatePaths.of(context, launcher.taskDefinition(), launcher.exec(), launcher.cluster(),
                withoutNat);
        for (var image : paths.unreachableImages()) {
            findings.report(starter, "subnet " + withoutNat.get(0) + " has no route to a NAT gateway,"
                    + " and image " + image + " is outside this region's ECR, the only registry tasks"
                    + " reach without NAT (through its endpoints); push it to ECR (image: {repository:"
                    + " self, digest: ...}), pull it through " + context.key("pullThroughCache")
                    + " (Docker Hub, ghcr.io, Quay, ECR Public) or use " + context.key("natStrategy")
                    + " single or perAz");
        }
        if (!paths.missing().isEmpty()) {
            findings.report(starter, "subnet " + withoutNat.get(0) + " has no route to a NAT gateway,"
                    + " and its tasks have no private path to " + String.join(", ", paths.missing())
                    + "; add " + (paths.missingInterfaces().isEmpty() ? "the S3 gateway endpoint"
                    : context.key("endpoints") + ".interfaces " + String.join(", ", paths.missingInterfaces()))
                    + " or use " + context.key("natStrategy") + " single or perAz");
        }
    }

    static final Rule HTTPS_EGRESS = Rule.of("TAP603", Severity.HIGH, "Tasks may leave on HTTPS",
            "Fargate pulls images and sends logs over 443; a security group without that egress stops every task.",
            (context, findings) -> context.all(ECS_SERVICE).forEach(service -> {
                var groups = ComputeRules.strings(service.inputAt("networkConfiguration.securityGroups"));
                if (groups.isEmpty()) {
                    return;
                }
                boolean https = context.all("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").stream()
                        .anyMatch(rule -> groups.contains(rule.inputString("securityGroupId")) && covers(rule.inputs(), 443));
                https |= context.all("aws:ec2/securityGroup:SecurityGroup").stream()
                        .filter(group -> groups.contains(group.id().orElse("")))
                        .flatMap(group -> ComputeRules.maps(group.input("egress")).stream())
                        .anyMatch(egress -> covers(egress, 443));
                if (!https) {
                    findings.report(service, "its security groups allow no egress on 443; allow tcp 443 to 0.0.0.0/0"
                            + " (or to the VPC endpoints' security group)");
                }
            }));

    static final Rule EGRESS_TO_EVERYTHING = Rule.of("TAP604", Severity.MEDIUM,
            "Egress is limited to the ports tasks use",
            "Egress on every port to 0.0.0.0/0 lets a compromised task reach anything (Checkov CKV_AWS_382).",
            (context, findings) -> {
                context.all("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").forEach(rule -> {
                    if (anywhere(rule.inputString("cidrIpv4")) && "-1".equals(rule.inputString("ipProtocol"))) {
                        findings.report(rule, "allows every protocol and port to 0.0.0.0/0; allow tcp 443, DNS and"
                                + " the ports of the services called");
                    }
                });
                context.all("aws:ec2/securityGroup:SecurityGroup").forEach(group -> {
                    for (var egress : ComputeRules.maps(group.input("egress"))) {
                        if ("-1".equals(String.valueOf(egress.get("protocol")))
                                && ComputeRules.strings(egress.get("cidrBlocks")).stream().anyMatch(NetworkRules::anywhere)) {
                            findings.report(group, "allows every protocol and port to 0.0.0.0/0; allow tcp 443, DNS"
                                    + " and the ports of the services called");
                        }
                    }
                });
            });

    static final Rule RECORDED_ZONES = Rule.of("TAP605", Severity.MEDIUM,
            "Protected environments keep their availability zones",
            "Zones looked up on every run move when the lookup's answer changes (a zone impaired, a new one listed"
                    + " first), and the subnets, and everything in them, are replaced.",
            (context, findings) -> {
                if (!context.protectedEnvironment()) {
                    return;
                }
                for (var vpc : context.all("aws:ec2/vpc:Vpc")) {
                    var byName = context.all("aws:ec2/subnet:Subnet").stream()
                            .filter(subnet -> vpc.id().map(id -> id.equals(subnet.inputString("vpcId"))).orElse(false))
                            .filter(subnet -> subnet.input("availabilityZoneId") == null)
                            .map(subnet -> String.valueOf(subnet.input("availabilityZone")))
                            .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
                    if (!byName.isEmpty()) {
                        findings.report(vpc, "places its subnets in zones looked up on every run ("
                                + String.join(", ", byName) + "); record the zones by id in "
                                + context.key("availabilityZones") + " (the plan prints them)");
                    }
                }
            });

    /** Whether an egress rule (separate or inline) allows tcp on {@code port} anywhere or to a group/prefix list. */
    private static boolean covers(java.util.Map<String, Object> rule, int port) {
        var protocol = String.valueOf(rule.getOrDefault("ipProtocol", rule.get("protocol")));
        if (protocol.equals("-1")) {
            return true;
        }
        var from = ComputeRules.number(rule.get("fromPort"));
        var to = ComputeRules.number(rule.get("toPort"));
        return protocol.equals("tcp") && from != null && to != null && from <= port && port <= to;
    }

    private static boolean anywhere(String cidr) {
        return cidr != null && ANYWHERE.contains(cidr);
    }

    private static void check(Rule.Sink findings, PlannedResource resource, String groupId, Object from, Object to,
                              Set<String> internetFacing) {
        var low = ComputeRules.number(from);
        var high = ComputeRules.number(to);
        boolean webOnly = low != null && high != null && low.equals(high) && WEB_PORTS.contains(low);
        if (internetFacing.contains(groupId) && webOnly) {
            return;
        }
        var ports = low == null ? "all ports" : low.equals(high) ? "port " + low : "ports " + low + "-" + high;
        findings.report(resource, "security group " + groupId + " accepts " + ports + " from anywhere; admit only"
                + (internetFacing.contains(groupId) ? " 80 and 443 on the load balancer"
                : " the load balancer's or the calling services' security groups"));
    }

    private static Set<String> internetFacingGroups(CheckContext context) {
        var groups = new HashSet<String>();
        for (var balancer : context.all("aws:lb/loadBalancer:LoadBalancer")) {
            if (!Boolean.TRUE.equals(balancer.input("internal"))) {
                groups.addAll(ComputeRules.strings(balancer.input("securityGroups")));
            }
        }
        return groups;
    }

}
