package com.tapstack.tooling.offline;

import java.util.HashMap;
import java.util.Map;

/**
 * How the simulator answers for each resource type: the id AWS would assign and the computed outputs
 * (ARNs, generated addresses, DNS names) in AWS's formats. Inputs are echoed back as outputs, as the
 * provider does; {@code tags} also come back as {@code tagsAll}.
 */
final class ResourceModels {

    /** What a model returns: the resource id and the outputs computed on top of the inputs. */
    record Answer(String id, Map<String, Object> outputs) {
    }

    /** The data a model may use: the account, deterministic ids, the resource's name and inputs. */
    record Request(SimulatedAccount account, FakeIds ids, String type, String name, Map<String, Object> inputs) {
        String string(String key) {
            var value = inputs.get(key);
            return value == null ? null : String.valueOf(value);
        }

        /** The physical name: the {@code name} input when the program set one, else the logical name. */
        String physicalName() {
            var explicit = string("name");
            return explicit != null ? explicit : name;
        }
    }

    @FunctionalInterface
    interface Model {
        Answer answer(Request request);
    }

    private static final Map<String, Model> MODELS = new HashMap<>();

    static {
        MODELS.put("random:index/randomString:RandomString", ResourceModels::randomString);
        MODELS.put("aws:ec2/vpc:Vpc", r -> {
            var id = r.ids().ec2("vpc", r.name());
            return answer(id, "arn", r.account().arn("ec2", "vpc/" + id),
                    "ownerId", r.account().accountId(),
                    "defaultSecurityGroupId", r.ids().ec2("sg", r.name() + "/default"),
                    "defaultRouteTableId", r.ids().ec2("rtb", r.name() + "/main"),
                    "mainRouteTableId", r.ids().ec2("rtb", r.name() + "/main"),
                    "defaultNetworkAclId", r.ids().ec2("acl", r.name() + "/default"));
        });
        MODELS.put("aws:ec2/subnet:Subnet", r -> {
            var id = r.ids().ec2("subnet", r.name());
            var names = r.account().zoneNames();
            var ids = r.account().zoneIds();
            // AWS fills in whichever of zone name and zone id the subnet was not placed by.
            int zone = r.string("availabilityZoneId") != null ? ids.indexOf(r.string("availabilityZoneId"))
                    : names.indexOf(r.string("availabilityZone"));
            return answer(id, "arn", r.account().arn("ec2", "subnet/" + id),
                    "ownerId", r.account().accountId(),
                    "availabilityZone", zone >= 0 ? names.get(zone) : "",
                    "availabilityZoneId", zone >= 0 ? ids.get(zone) : "");
        });
        MODELS.put("aws:ec2/internetGateway:InternetGateway", r -> {
            var id = r.ids().ec2("igw", r.name());
            return answer(id, "arn", r.account().arn("ec2", "internet-gateway/" + id), "ownerId", r.account().accountId());
        });
        MODELS.put("aws:ec2/eip:Eip", r -> {
            var id = "eipalloc-0" + r.ids().hex("eip" + r.name(), 16);
            var address = documentationAddress(r.ids(), id);
            return answer(id, "allocationId", id, "publicIp", address, "domain", "vpc",
                    "arn", r.account().arn("ec2", "elastic-ip/" + id));
        });
        MODELS.put("aws:ec2/natGateway:NatGateway", r -> {
            var id = r.ids().ec2("nat", r.name());
            return answer(id, "publicIp", documentationAddress(r.ids(), r.string("allocationId")),
                    "networkInterfaceId", r.ids().ec2("eni", r.name()));
        });
        MODELS.put("aws:ec2/routeTable:RouteTable", r -> {
            var id = r.ids().ec2("rtb", r.name());
            return answer(id, "arn", r.account().arn("ec2", "route-table/" + id), "ownerId", r.account().accountId());
        });
        MODELS.put("aws:ec2/route:Route", r -> answer(
                "r-" + r.string("routeTableId") + r.ids().number(r.string("destinationCidrBlock"), 1_000_000_000),
                "state", "active", "origin", "CreateRoute"));
        MODELS.put("aws:ec2/routeTableAssociation:RouteTableAssociation",
                r -> answer(r.ids().ec2("rtbassoc", r.name())));
        MODELS.put("aws:ec2/flowLog:FlowLog", r -> {
            var id = "fl-0" + r.ids().hex("fl" + r.name(), 16);
            return answer(id, "arn", r.account().arn("ec2", "vpc-flow-log/" + id));
        });
        MODELS.put("aws:kms/key:Key", r -> {
            var keyId = r.ids().uuid("key" + r.name());
            return answer(keyId, "keyId", keyId, "arn", r.account().arn("kms", "key/" + keyId));
        });
        MODELS.put("aws:kms/alias:Alias", r -> {
            var alias = r.physicalName();
            return answer(alias, "arn", r.account().arn("kms", alias),
                    "targetKeyArn", r.account().arn("kms", "key/" + r.string("targetKeyId")));
        });
        MODELS.put("aws:cloudwatch/logGroup:LogGroup", r -> {
            var name = r.physicalName();
            return answer(name, "arn", r.account().arn("logs", "log-group:" + name));
        });
        MODELS.put("aws:iam/role:Role", r -> {
            var name = r.physicalName();
            return answer(name, "arn", r.account().globalArn("iam", "role/" + name),
                    "uniqueId", "AROA" + r.ids().text("role" + name, 17, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
                    "createDate", "2026-01-01T00:00:00Z");
        });
        MODELS.put("aws:iam/rolePolicy:RolePolicy", r -> answer(r.string("role") + ":" + r.physicalName()));
        // The deploy identity (bootstrap/): IAM ARNs as IAM writes them.
        MODELS.put("aws:iam/openIdConnectProvider:OpenIdConnectProvider", r -> {
            var arn = r.account().globalArn("iam", "oidc-provider/" + r.string("url").replaceFirst("^https://", ""));
            return answer(arn, "arn", arn);
        });
        MODELS.put("aws:iam/policy:Policy", r -> {
            var arn = r.account().globalArn("iam", "policy/" + r.physicalName());
            return answer(arn, "arn", arn, "policyId", "ANPA" + r.ids().text("policy" + r.name(), 17,
                    "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), "attachmentCount", 1);
        });
        MODELS.put("aws:iam/rolePolicyAttachment:RolePolicyAttachment", r -> answer(r.string("role") + "-"
                + r.ids().hex("attachment" + r.name(), 8)));
        MODELS.put("aws:ec2/securityGroup:SecurityGroup", r -> {
            var id = r.ids().ec2("sg", r.name());
            return answer(id, "arn", r.account().arn("ec2", "security-group/" + id), "ownerId", r.account().accountId());
        });
        MODELS.put("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", ResourceModels::securityGroupRule);
        MODELS.put("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", ResourceModels::securityGroupRule);
        MODELS.put("aws:ecr/repository:Repository", r -> {
            var name = r.physicalName();
            return answer(name, "arn", r.account().arn("ecr", "repository/" + name),
                    "registryId", r.account().accountId(),
                    "repositoryUrl", r.account().accountId() + ".dkr.ecr." + r.account().region() + "."
                            + r.account().dnsSuffix() + "/" + name);
        });
        // A pull through cache rule and a repository creation template are known by their prefix (their id in the
        // provider), in the account's registry.
        MODELS.put("aws:ecr/pullThroughCacheRule:PullThroughCacheRule", r -> answer(r.string("ecrRepositoryPrefix"),
                "registryId", r.account().accountId()));
        MODELS.put("aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate", r -> answer(r.string("prefix"),
                "registryId", r.account().accountId()));
        MODELS.put("aws:ecr/lifecyclePolicy:LifecyclePolicy", r -> answer(r.string("repository"),
                "registryId", r.account().accountId()));
        MODELS.put("aws:sqs/queue:Queue", r -> {
            // A queue's id is its URL.
            var url = "https://sqs." + r.account().region() + "." + r.account().dnsSuffix() + "/"
                    + r.account().accountId() + "/" + r.physicalName();
            return answer(url, "arn", r.account().arn("sqs", r.physicalName()), "url", url);
        });
        MODELS.put("aws:sqs/queuePolicy:QueuePolicy", r -> answer(r.string("queueUrl")));
        // A schedule group's id is its name; a schedule's is <group>/<name> (terraform-provider-aws
        // internal/service/scheduler: ResourceScheduleIDFromARN), its ARN schedule/<group>/<name>.
        MODELS.put("aws:scheduler/scheduleGroup:ScheduleGroup", r -> answer(r.physicalName(),
                "arn", r.account().arn("scheduler", "schedule-group/" + r.physicalName()), "state", "ACTIVE"));
        MODELS.put("aws:scheduler/schedule:Schedule", r -> {
            var group = r.string("groupName") == null ? "default" : r.string("groupName");
            return answer(group + "/" + r.physicalName(), "arn", r.account().arn("scheduler", "schedule/" + group + "/"
                    + r.physicalName()));
        });
        MODELS.put("aws:ecs/cluster:Cluster", r -> {
            var arn = r.account().arn("ecs", "cluster/" + r.physicalName());
            return answer(arn, "arn", arn);
        });
        MODELS.put("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", r -> answer(r.string("clusterName")));
        MODELS.put("aws:ecs/taskDefinition:TaskDefinition", r -> {
            var family = r.string("family");
            var withoutRevision = r.account().arn("ecs", "task-definition/" + family);
            return answer(family, "arn", withoutRevision + ":1", "arnWithoutRevision", withoutRevision,
                    "revision", 1);
        });
        MODELS.put("aws:ecs/service:Service", r -> {
            var cluster = r.string("cluster");
            var clusterName = cluster == null ? "default" : cluster.substring(cluster.lastIndexOf('/') + 1);
            var arn = r.account().arn("ecs", "service/" + clusterName + "/" + r.physicalName());
            return answer(arn, "arn", arn);
        });
        MODELS.put("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", r -> {
            var id = "ns-" + r.ids().hex("ns" + r.name(), 16);
            return answer(id, "arn", r.account().arn("servicediscovery", "namespace/" + id),
                    "hostedZone", "Z" + r.ids().text("zone" + r.name(), 20, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"));
        });
        MODELS.put("aws:servicediscovery/service:Service", r -> {
            var id = "srv-" + r.ids().hex("srv" + r.name(), 16);
            return answer(id, "arn", r.account().arn("servicediscovery", "service/" + id));
        });
        MODELS.put("aws:lb/loadBalancer:LoadBalancer", r -> {
            var name = r.physicalName();
            var arnSuffix = "app/" + name + "/" + r.ids().hex("lb" + r.name(), 16);
            var arn = r.account().arn("elasticloadbalancing", "loadbalancer/" + arnSuffix);
            return answer(arn, "arn", arn, "arnSuffix", arnSuffix,
                    "dnsName", name + "-" + (1_000_000_000L + r.ids().number("dns" + r.name(), 1_000_000_000)) + "."
                            + r.account().region() + ".elb." + r.account().dnsSuffix(),
                    "zoneId", r.account().albHostedZoneId());
        });
        MODELS.put("aws:lb/targetGroup:TargetGroup", r -> {
            var arnSuffix = "targetgroup/" + r.physicalName() + "/" + r.ids().hex("tg" + r.name(), 16);
            var arn = r.account().arn("elasticloadbalancing", arnSuffix);
            return answer(arn, "arn", arn, "arnSuffix", arnSuffix);
        });
        MODELS.put("aws:lb/listener:Listener", r -> {
            var lb = r.string("loadBalancerArn");
            var arn = lb.replace(":loadbalancer/", ":listener/") + "/" + r.ids().hex("listener" + r.name(), 16);
            return answer(arn, "arn", arn);
        });
        MODELS.put("aws:lb/listenerRule:ListenerRule", r -> {
            var listener = r.string("listenerArn");
            var arn = listener.replace(":listener/", ":listener-rule/") + "/" + r.ids().hex("rule" + r.name(), 16);
            return answer(arn, "arn", arn);
        });
        MODELS.put("aws:appautoscaling/target:Target", r -> answer(r.string("resourceId"),
                "arn", r.account().arn("application-autoscaling", "scalable-target/" + r.ids().hex("at" + r.name(), 32))));
        MODELS.put("aws:appautoscaling/policy:Policy", r -> {
            var arn = r.account().arn("autoscaling", "scalingPolicy:" + r.ids().uuid("policy" + r.name())
                    + ":resource/ecs/" + r.string("resourceId") + ":policyName/" + r.physicalName());
            return answer(r.physicalName(), "arn", arn, "alarmArns", java.util.List.of());
        });
        ModuleModels.register(MODELS);
        StorageModels.register(MODELS);
    }

    private static Answer securityGroupRule(Request r) {
        var id = "sgr-0" + r.ids().hex("sgr" + r.name(), 16);
        return answer(id, "securityGroupRuleId", id, "arn", r.account().arn("ec2", "security-group-rule/" + id));
    }

    private ResourceModels() {
    }

    static Answer answer(Request request) {
        return MODELS.getOrDefault(request.type(), ResourceModels::generic).answer(request);
    }

    /** Whether the simulator has a model written for this type, rather than the generic answer. */
    static boolean isModeled(String type) {
        return MODELS.containsKey(type);
    }

    /** For types without a model: the physical name as id and an ARN in the module's service. */
    private static Answer generic(Request r) {
        var service = r.type().split(":")[1].split("/")[0];
        var name = r.physicalName();
        return answer(name + "-" + r.ids().hex(r.type() + r.name(), 8), "arn", r.account().arn(service, name));
    }

    /** The random provider: characters from the alphabets the inputs enable, stable per stack. */
    private static Answer randomString(Request r) {
        var alphabet = new StringBuilder();
        if (!Boolean.FALSE.equals(r.inputs().get("lower"))) {
            alphabet.append("abcdefghijklmnopqrstuvwxyz");
        }
        if (!Boolean.FALSE.equals(r.inputs().get("upper"))) {
            alphabet.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        }
        if (!Boolean.FALSE.equals(r.inputs().get("numeric"))) {
            alphabet.append("0123456789");
        }
        if (!Boolean.FALSE.equals(r.inputs().get("special"))) {
            alphabet.append("!@#$%&*()-_=+[]{}<>:?");
        }
        var length = ((Number) r.inputs().get("length")).intValue();
        var result = r.ids().text("random" + r.name(), length, alphabet.toString());
        return answer(result, "result", result);
    }

    /** A public address from TEST-NET-3 (RFC 5737), plainly not a real one; the same for one allocation. */
    private static String documentationAddress(FakeIds ids, String allocationId) {
        return "203.0.113." + (1 + ids.number("ip" + allocationId, 254));
    }

    static Answer answer(String id, Object... keyValues) {
        var outputs = new HashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            outputs.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new Answer(id, outputs);
    }
}
