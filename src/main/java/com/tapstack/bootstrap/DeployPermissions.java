package com.tapstack.bootstrap;

import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a deploy role may do: create, change and delete the resources of one TapStack environment, and nothing of
 * another. Every name the stack gives starts with {@code <project>-<environment>-} (Naming), so actions that take
 * resource-level permissions are limited to ARNs of that prefix; the KMS key and EFS file systems and access points,
 * whose ARNs are generated ids, by their Project and Environment tags. Resource {@code "*"} appears only where AWS's
 * Service Authorization Reference gives the action no resource type (creating a VPC's parts, registering a task
 * definition, Describe and List calls, creating a key or a file system, Cloud Map namespaces and their hosted zones)
 * or the resource has neither our name nor our tags (a mount target's network interface), each statement saying so,
 * and is then held to the stack's region; what such a statement would also allow on another environment's or
 * project's resources is denied by their tags ("isolation"). Five managed policies per role, each under IAM's
 * 6,144-character limit.
 */
public final class DeployPermissions {

    /** Services that create their service-linked roles on first use, by the deploying principal. */
    static final List<String> SERVICE_LINKED = List.of("ecs.amazonaws.com", "elasticloadbalancing.amazonaws.com",
            "ecs.application-autoscaling.amazonaws.com", "rds.amazonaws.com",
            // ECR's roles for pull through cache and repository creation templates (slr-pullthroughcache, slr-rct).
            "pullthroughcache.ecr.amazonaws.com", "ecr.amazonaws.com",
            // EFS's AWSServiceRoleForAmazonElasticFileSystem, made when the first mount target is created (EFS user
            // guide, using-service-linked-roles.html, "Creating a service-linked role for Amazon EFS").
            "elasticfilesystem.amazonaws.com");
    /** Services the stack's roles are handed to. */
    static final List<String> PASSED_TO = List.of("ecs-tasks.amazonaws.com", "vpc-flow-logs.amazonaws.com",
            "states.amazonaws.com", "events.amazonaws.com", "monitoring.rds.amazonaws.com",
            // A repository creation template's role (repository-creation-templates-create: iam:PassRole).
            "ecr.amazonaws.com",
            // A scheduled task's schedule role (CreateSchedule passes it; AWS's AmazonEventBridgeSchedulerFullAccess
            // holds iam:PassRole to this service).
            "scheduler.amazonaws.com");

    /** The managed policies of a role, by the part of their name. */
    public static final List<String> PARTS = List.of("network", "compute", "platform", "modules", "isolation");

    private DeployPermissions() {
    }

    /** The policies of one environment's deploy role, by the part of their name. */
    public static Map<String, PolicyDocument> of(String partition, String account, String region, String project,
                                                 String environment, Optional<String> stateBucket) {
        var arn = new Arns(partition, account, region, project + "-" + environment + "-");
        var policies = new LinkedHashMap<String, PolicyDocument>();
        // What the program looks up on every run (who am I, zones, images, engine versions, an existing VPC), in
        // the policy with room for it.
        var network = new java.util.ArrayList<>(network(arn, region).statements());
        network.addAll(ProgramLookups.statements(arn, region));
        network.add(unscopedProviderCalls(region));
        network.add(taggedStackResources(arn, project, environment));
        policies.put("network", new PolicyDocument(network));
        policies.put("compute", compute(arn, region));
        var platform = platform(arn, region, project, environment, stateBucket).statements();
        // The services the optional modules use (messaging, the database, EFS storage) go into a policy of their
        // own: one would pass IAM's size limit.
        var modules = List.of("Messaging", "Database", "DatabaseGlobalRead", "DatabaseSecret", "CreateFileSystems",
                "TagNewFileSystems", "StackFileSystems", "FileSystemReads");
        policies.put("platform", new PolicyDocument(platform.stream().filter(st -> !modules.contains(st.sid())).toList()));
        policies.put("modules", new PolicyDocument(platform.stream().filter(st -> modules.contains(st.sid())).toList()));
        policies.put("isolation", new PolicyDocument(otherStacksResources(arn, project, environment)));
        return policies;
    }

    /**
     * Calls the provider or AWS makes for the stack's resources that AWS authorizes on nothing narrower, held to the
     * region (tests/fixtures/provider-calls.tsv names their sources): a WAF log destination in CloudWatch Logs
     * (AWS WAF developer guide, logging to CloudWatch Logs: the log delivery and the resource policy; the Service
     * Authorization Reference gives these actions no resource type). PutResourcePolicy on "*" could also rewrite
     * another stack's log delivery policies in the region: docs/ci-cd.md lists it among what the roles do not
     * protect against.
     */
    private static Statement unscopedProviderCalls(String region) {
        return inRegion(Statement.allow("UnscopedProviderCalls").actions("logs:CreateLogDelivery",
                "logs:DeleteLogDelivery", "logs:DescribeResourcePolicies", "logs:PutResourcePolicy")
                .resources("*"), region).build();
    }

    /**
     * Cloud Map services, certificates and scalable targets have generated ids: these calls on them go by the
     * stack's tags. Deleting a service of an unprotected environment (force_destroy) deregisters its tasks; an update
     * untags a target or a certificate, or changes a certificate's options.
     */
    private static Statement taggedStackResources(Arns arn, String project, String environment) {
        return Statement.allow("TaggedStackResources").actions("servicediscovery:ListInstances",
                        "servicediscovery:DeregisterInstance", "acm:RemoveTagsFromCertificate",
                        "acm:UpdateCertificateOptions", "application-autoscaling:UntagResource")
                .resources(arn.regional("servicediscovery", "service/*"), arn.regional("acm", "certificate/*"),
                        arn.regional("application-autoscaling", "scalable-target/*"))
                .condition("StringEquals", "aws:ResourceTag/Project", project)
                .condition("StringEquals", "aws:ResourceTag/Environment", environment).build();
    }

    /**
     * Calls on existing resources that the allow statements grant on "*" (in the region) because AWS authorizes
     * them on generated ids, and that AWS authorizes on the resource itself (Service Authorization Reference:
     * each action's resource types, all of them with the aws:ResourceTag condition key). A resource that carries
     * another Environment or Project tag than this role's is refused them, so that a dev role in prod's account
     * cannot delete, reroute, open or retag prod's network, scaling targets or certificates. Denials, not
     * narrower allows: a call is also authorized on the resources it refers to, some of which are nobody's (an
     * AWS-managed prefix list, a NAT gateway's network interface) and have no tags to match; a denial passes them.
     * Retagging first does not get around it (Cloud Map aside): CreateTags, TagResource and AddTagsToCertificate
     * are in the list.
     * Creates are not: they are also authorized on the VPC or subnets they go into, which may be a shared network
     * of another environment (tap:existingVpc). ModifyVpcEndpoint is refused on the endpoint only, as the route
     * tables it is also authorized on may be that shared network's. Cloud Map's tagging takes no resource type,
     * so the denials on its services and namespaces hold against mistakes, not against a role that retags or
     * untags them first; Route 53 has no resource tags to condition on. Tag keys and values compare case-sensitively:
     * {@code environment=prod} is not refused.
     * Verified in the Service Authorization Reference (each action's resource types, which of them a call is also
     * authorized on) and the IAM user guide (condition operators), not against AWS; a review read the provider's
     * calls (terraform-provider-aws 5.x): a security group's delete with revoke_rules_on_delete revokes rules of
     * other groups that reference it, refused here when those groups are another environment's (docs/stack.md).
     */
    private static List<Statement> otherStacksResources(Arns arn, String project, String environment) {
        var onTheResource = new String[]{"ec2:DeleteVpc", "ec2:ModifyVpcAttribute", "ec2:DeleteSubnet",
                "ec2:ModifySubnetAttribute", "ec2:AttachInternetGateway", "ec2:DetachInternetGateway",
                "ec2:DeleteInternetGateway", "ec2:ReleaseAddress", "ec2:DisassociateAddress", "ec2:DeleteNatGateway",
                "ec2:DeleteRouteTable", "ec2:CreateRoute", "ec2:DeleteRoute", "ec2:ReplaceRoute",
                "ec2:AssociateRouteTable", "ec2:DisassociateRouteTable", "ec2:ReplaceRouteTableAssociation",
                "ec2:DeleteSecurityGroup", "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
                "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress", "ec2:ModifySecurityGroupRules",
                "ec2:UpdateSecurityGroupRuleDescriptionsIngress", "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
                "ec2:CreateTags", "ec2:DeleteTags", "ec2:DeleteFlowLogs", "ec2:DeleteVpcEndpoints",
                "application-autoscaling:RegisterScalableTarget", "application-autoscaling:DeregisterScalableTarget",
                "application-autoscaling:PutScalingPolicy", "application-autoscaling:DeleteScalingPolicy",
                "application-autoscaling:TagResource", "application-autoscaling:UntagResource",
                "acm:DeleteCertificate", "acm:AddTagsToCertificate", "acm:RemoveTagsFromCertificate",
                // Against mistakes only: Cloud Map's TagResource and UntagResource take no resource type, so a
                // role that retags or untags another environment's service or namespace first gets past these
                // (Service Authorization Reference, AWS Cloud Map; both resource types take aws:ResourceTag).
                "servicediscovery:DeleteService", "servicediscovery:UpdateService",
                "servicediscovery:DeregisterInstance", "servicediscovery:DeleteNamespace",
                "servicediscovery:UpdatePrivateDnsNamespace"};
        var statements = new java.util.ArrayList<>(keepOtherStacks("Resources", onTheResource, "*", project,
                environment));
        statements.addAll(keepOtherStacks("Endpoints", new String[]{"ec2:ModifyVpcEndpoint"},
                arn.regional("ec2", "vpc-endpoint/*"), project, environment));
        // CreateStackKey's TagResource on "*" would also let this role retag an existing key of another
        // environment with its own tags and then manage it (ManageStackKey goes by the key's tags; KMS's ABAC
        // guide: "permission to manage tags and aliases is now an access control permission"). A key that already
        // carries another Environment or Project tag is refused; at CreateKey the key has no tags yet, so creating
        // the stack's own key is unaffected.
        statements.addAll(keepOtherStacks("KeyTags", new String[]{"kms:TagResource", "kms:UntagResource"}, "*",
                project, environment));
        return statements;
    }

    /**
     * Denies {@code actions} on a resource that carries an Environment tag other than {@code environment}, and on
     * one that carries a Project tag other than {@code project}; a resource without the tag is not refused (IAM's
     * Null operator; StringNotEquals alone would also hold for a missing tag).
     */
    private static List<Statement> keepOtherStacks(String what, String[] actions, String resource, String project,
                                                   String environment) {
        return List.of(
                Statement.deny("KeepOtherEnvironments" + what).actions(actions).resources(resource)
                        .condition("Null", "aws:ResourceTag/Environment", "false")
                        .condition("StringNotEquals", "aws:ResourceTag/Environment", environment).build(),
                Statement.deny("KeepOtherProjects" + what).actions(actions).resources(resource)
                        .condition("Null", "aws:ResourceTag/Project", "false")
                        .condition("StringNotEquals", "aws:ResourceTag/Project", project).build());
    }

    /** ARNs of one environment: {@code prefix} is {@code <project>-<environment>-}. */
    record Arns(String partition, String account, String region, String prefix) {
        String regional(String service, String resource) {
            return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
        }

        String global(String service, String resource) {
            return "arn:" + partition + ":" + service + "::" + account + ":" + resource;
        }
    }

    private static Statement.Builder inRegion(Statement.Builder statement, String region) {
        return statement.condition("StringEquals", "aws:RequestedRegion", region);
    }

    private static PolicyDocument network(Arns arn, String region) {
        // EC2's create calls for a VPC and its parts authorize on resource types whose ids do not exist before
        // the call; names are tags, so "*" held to the region is the narrowest statement EC2 takes for them.
        return PolicyDocument.of(
                inRegion(Statement.allow("Ec2Networking").actions(
                        "ec2:CreateVpc", "ec2:DeleteVpc", "ec2:ModifyVpcAttribute", "ec2:CreateSubnet",
                        "ec2:DeleteSubnet", "ec2:ModifySubnetAttribute", "ec2:CreateInternetGateway",
                        "ec2:AttachInternetGateway", "ec2:DetachInternetGateway", "ec2:DeleteInternetGateway",
                        "ec2:AllocateAddress", "ec2:ReleaseAddress", "ec2:DisassociateAddress", "ec2:CreateNatGateway",
                        "ec2:DeleteNatGateway", "ec2:CreateRouteTable", "ec2:DeleteRouteTable", "ec2:CreateRoute",
                        "ec2:DeleteRoute", "ec2:ReplaceRoute", "ec2:AssociateRouteTable", "ec2:DisassociateRouteTable",
                        "ec2:ReplaceRouteTableAssociation", "ec2:CreateSecurityGroup", "ec2:DeleteSecurityGroup",
                        "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
                        "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress",
                        "ec2:ModifySecurityGroupRules", "ec2:UpdateSecurityGroupRuleDescriptionsIngress",
                        "ec2:UpdateSecurityGroupRuleDescriptionsEgress", "ec2:CreateTags", "ec2:DeleteTags",
                        "ec2:CreateFlowLogs", "ec2:DeleteFlowLogs", "ec2:CreateVpcEndpoint", "ec2:ModifyVpcEndpoint",
                        "ec2:DeleteVpcEndpoints")
                        .resources("*"), region).build(),
                // Describe calls take no resource type.
                inRegion(Statement.allow("Ec2Read").actions("ec2:DescribeVpcs", "ec2:DescribeVpcAttribute",
                        "ec2:DescribeSubnets", "ec2:DescribeInternetGateways", "ec2:DescribeAddresses",
                        "ec2:DescribeAddressesAttribute", "ec2:DescribeNatGateways", "ec2:DescribeRouteTables",
                        "ec2:DescribeSecurityGroups", "ec2:DescribeSecurityGroupRules", "ec2:DescribeFlowLogs",
                        "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcEndpointServices", "ec2:DescribePrefixLists",
                        // A VPC's read looks up its default network ACL (aws_vpc).
                        "ec2:DescribeNetworkAcls",
                        "ec2:DescribeAvailabilityZones", "ec2:DescribeNetworkInterfaces",
                        // DescribeMountTargetSecurityGroups also needs it (EFS API reference).
                        "ec2:DescribeNetworkInterfaceAttribute", "ec2:DescribeTags",
                        "ec2:DescribeRegions",
                        "ec2:DescribeAccountAttributes")
                        .resources("*"), region).build(),
                // A mount target's network interface is made, changed and deleted with the caller's rights (EFS API
                // reference: CreateMountTarget, ModifyMountTargetSecurityGroups, DeleteMountTarget); it gets a
                // generated id and no stack tags, in subnets that (an existing VPC's) need not carry them either.
                inRegion(Statement.allow("MountTargetInterfaces").actions("ec2:CreateNetworkInterface",
                        "ec2:ModifyNetworkInterfaceAttribute", "ec2:DeleteNetworkInterface").resources("*"), region)
                        .build());
    }

    private static PolicyDocument compute(Arns arn, String region) {
        var p = arn.prefix();
        return PolicyDocument.of(
                Statement.allow("EcsClustersAndServices").actions("ecs:CreateCluster", "ecs:DeleteCluster",
                        "ecs:UpdateCluster", "ecs:UpdateClusterSettings", "ecs:PutClusterCapacityProviders",
                        "ecs:DescribeClusters", "ecs:CreateService", "ecs:UpdateService", "ecs:DeleteService",
                        "ecs:DescribeServices", "ecs:TagResource", "ecs:UntagResource", "ecs:ListTagsForResource")
                        .resources(arn.regional("ecs", "cluster/" + p + "*"), arn.regional("ecs", "service/" + p
                                + "*/" + p + "*"), arn.regional("ecs", "task-definition/" + p + "*:*")).build(),
                // RegisterTaskDefinition and the task definition reads take no resource type.
                inRegion(Statement.allow("EcsTaskDefinitions").actions("ecs:RegisterTaskDefinition",
                        "ecs:DeregisterTaskDefinition", "ecs:DescribeTaskDefinition", "ecs:ListTaskDefinitions")
                        .resources("*"), region).build(),
                Statement.allow("LoadBalancing").actions("elasticloadbalancing:CreateLoadBalancer",
                        "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:ModifyLoadBalancerAttributes",
                        "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets",
                        "elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:DeleteTargetGroup",
                        "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes",
                        "elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteListener",
                        "elasticloadbalancing:ModifyListener", "elasticloadbalancing:CreateRule",
                        "elasticloadbalancing:DeleteRule", "elasticloadbalancing:ModifyRule",
                        "elasticloadbalancing:SetRulePriorities",
                        "elasticloadbalancing:AddTags",
                        "elasticloadbalancing:RemoveTags")
                        .resources(arn.regional("elasticloadbalancing", "loadbalancer/app/" + p + "*/*"),
                                arn.regional("elasticloadbalancing", "targetgroup/" + p + "*/*"),
                                arn.regional("elasticloadbalancing", "listener/app/" + p + "*/*/*"),
                                arn.regional("elasticloadbalancing", "listener-rule/app/" + p + "*/*/*/*")).build(),
                // The reads, and SetWebAcl (what associating a web ACL calls), take no resource type.
                inRegion(Statement.allow("LoadBalancingRead").actions("elasticloadbalancing:SetWebAcl",
                        "elasticloadbalancing:DescribeLoadBalancers",
                        "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeTargetGroups",
                        "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeListeners",
                        "elasticloadbalancing:DescribeListenerAttributes", "elasticloadbalancing:DescribeRules",
                        "elasticloadbalancing:DescribeTags").resources("*"), region).build(),
                Statement.allow("Repositories").actions("ecr:CreateRepository", "ecr:DeleteRepository",
                        "ecr:DescribeRepositories", "ecr:PutLifecyclePolicy", "ecr:GetLifecyclePolicy",
                        "ecr:DeleteLifecyclePolicy", "ecr:PutImageScanningConfiguration", "ecr:PutImageTagMutability",
                        "ecr:TagResource", "ecr:UntagResource", "ecr:ListTagsForResource")
                        .resources(arn.regional("ecr", "repository/" + p + "*")).build(),
                // Pull through cache rules and repository creation templates have no resource type (Service
                // Authorization Reference); a credential named by the stack file is looked up by its name.
                inRegion(Statement.allow("PullThroughCache").actions("ecr:CreatePullThroughCacheRule",
                        "ecr:UpdatePullThroughCacheRule", "ecr:DeletePullThroughCacheRule",
                        "ecr:DescribePullThroughCacheRules", "ecr:CreateRepositoryCreationTemplate",
                        "ecr:UpdateRepositoryCreationTemplate", "ecr:DeleteRepositoryCreationTemplate",
                        "ecr:DescribeRepositoryCreationTemplates").resources("*"), region).build(),
                Statement.allow("PullThroughCacheCredentials").actions("secretsmanager:DescribeSecret",
                        "secretsmanager:GetResourcePolicy")
                        .resources(arn.regional("secretsmanager", "secret:ecr-pullthroughcache/*")).build(),
                Statement.allow("LogGroups").actions("logs:CreateLogGroup", "logs:DeleteLogGroup",
                        "logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy", "logs:AssociateKmsKey",
                        "logs:DisassociateKmsKey", "logs:TagResource", "logs:UntagResource",
                        "logs:ListTagsForResource", "logs:TagLogGroup", "logs:ListTagsLogGroup")
                        // The stack's log groups: its own names, RDS's /aws/rds/cluster/<name>/..., WAF's
                        // aws-waf-logs-<name> (a leading * would also match another project's names).
                        .resources(arn.regional("logs", "log-group:" + p + "*"),
                                arn.regional("logs", "log-group:/aws/rds/cluster/" + p + "*"),
                                arn.regional("logs", "log-group:aws-waf-logs-" + p + "*")).build(),
                // Cloud Map namespaces and services have generated ids, creating one takes no resource, and a
                // private DNS namespace creates its Route 53 hosted zone with the caller's permissions.
                inRegion(Statement.allow("ServiceDiscovery").actions("servicediscovery:CreatePrivateDnsNamespace",
                        "servicediscovery:DeleteNamespace", "servicediscovery:GetNamespace",
                        "servicediscovery:UpdatePrivateDnsNamespace", "servicediscovery:CreateService",
                        "servicediscovery:DeleteService", "servicediscovery:GetService",
                        "servicediscovery:UpdateService", "servicediscovery:GetOperation",
                        "servicediscovery:ListNamespaces", "servicediscovery:TagResource",
                        "servicediscovery:UntagResource", "servicediscovery:ListTagsForResource",
                        "application-autoscaling:RegisterScalableTarget",
                        "application-autoscaling:DeregisterScalableTarget",
                        "application-autoscaling:DescribeScalableTargets", "application-autoscaling:PutScalingPolicy",
                        "application-autoscaling:DeleteScalingPolicy", "application-autoscaling:DescribeScalingPolicies",
                        "application-autoscaling:TagResource", "application-autoscaling:ListTagsForResource",
                        "logs:DescribeLogGroups").resources("*"), region).build(),
                // Route 53 is global: its requests go to its one endpoint, in us-east-1 for the aws partition, so
                // aws:RequestedRegion is that region whatever the stack's (IAM user guide,
                // reference_policies_examples_aws_deny-requested-region.html). The stack's region stays allowed for
                // the calls Cloud Map makes on the caller's rights (its private DNS namespace's zone; the region
                // such a call carries was not verified here). Zones have generated ids: "*", as before; narrowing
                // the zone actions to hostedzone/* ARNs was not checked against the Service Authorization
                // Reference here.
                Statement.allow("Route53").actions("route53:CreateHostedZone", "route53:DeleteHostedZone",
                        "route53:GetHostedZone", "route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets",
                        "route53:GetChange", "route53:ChangeTagsForResource", "route53:ListTagsForResource",
                        "route53:ListHostedZonesByName", "route53:AssociateVPCWithHostedZone",
                        "route53:DisassociateVPCFromHostedZone").resources("*")
                        .condition("StringEquals", "aws:RequestedRegion",
                                java.util.stream.Stream.of(region, route53Region(arn.partition())).distinct()
                                        .toArray(String[]::new)).build());
    }

    /**
     * Where Route 53's one endpoint is (AWS General Reference, "Amazon Route 53 endpoints and quotas"): us-east-1;
     * in China cn-northwest-1 and in GovCloud us-gov-west-1, which are from that page and not exercised here.
     */
    static String route53Region(String partition) {
        return switch (partition) {
            case "aws-cn" -> "cn-northwest-1";
            case "aws-us-gov" -> "us-gov-west-1";
            default -> "us-east-1";
        };
    }

    private static PolicyDocument platform(Arns arn, String region, String project, String environment,
                                           Optional<String> stateBucket) {
        var p = arn.prefix();
        var statements = new java.util.ArrayList<Statement>(List.of(
                Statement.allow("StackRoles").actions("iam:CreateRole", "iam:DeleteRole", "iam:GetRole",
                        "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy", "iam:TagRole",
                        "iam:UntagRole", "iam:ListRoleTags", "iam:PutRolePolicy", "iam:GetRolePolicy",
                        "iam:DeleteRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies",
                        "iam:ListInstanceProfilesForRole")
                        .resources(arn.global("iam", "role/" + p + "*")).build(),
                Statement.allow("PassStackRoles").actions("iam:PassRole")
                        .resources(arn.global("iam", "role/" + p + "*"))
                        .condition("StringEquals", "iam:PassedToService", PASSED_TO.toArray(String[]::new)).build(),
                Statement.allow("ServiceLinkedRoles").actions("iam:CreateServiceLinkedRole")
                        .resources(arn.global("iam", "role/aws-service-role/*"))
                        .condition("StringEquals", "iam:AWSServiceName", SERVICE_LINKED.toArray(String[]::new)).build(),
                // CreateKey takes no resource: the key's ARN is made by the call; tagging it at creation is
                // authorized on "*" too, so both are held to the stack's own tags in the request.
                inRegion(Statement.allow("CreateStackKey").actions("kms:CreateKey", "kms:TagResource")
                        .resources("*"), region)
                        .condition("StringEquals", "aws:RequestTag/Project", project)
                        .condition("StringEquals", "aws:RequestTag/Environment", environment).build(),
                inRegion(Statement.allow("ListKeys").actions("kms:ListAliases").resources("*"), region).build(),
                Statement.allow("ManageStackKey").actions("kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy",
                        "kms:EnableKeyRotation", "kms:GetKeyRotationStatus", "kms:UpdateKeyDescription",
                        "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource", "kms:ListResourceTags",
                        "kms:CreateAlias", "kms:DeleteAlias", "kms:CreateGrant", "kms:Decrypt", "kms:GenerateDataKey",
                        // A SecureString parameter is put encrypted with the stack key.
                        "kms:Encrypt",
                        // Required of whoever creates an EFS file system with the key (EFS user guide,
                        // encryption-at-rest.html, "Amazon EFS key policies for AWS KMS").
                        "kms:GenerateDataKeyWithoutPlaintext")
                        .resources(arn.regional("kms", "key/*"))
                        .condition("StringEquals", "aws:ResourceTag/Project", project)
                        .condition("StringEquals", "aws:ResourceTag/Environment", environment).build(),
                Statement.allow("StackKeyAlias").actions("kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias")
                        .resources(arn.regional("kms", "alias/" + p + "*")).build(),
                Statement.allow("Parameters").actions("ssm:PutParameter", "ssm:GetParameter", "ssm:GetParameters",
                        "ssm:DeleteParameter", "ssm:AddTagsToResource", "ssm:RemoveTagsFromResource",
                        "ssm:ListTagsForResource")
                        .resources(arn.regional("ssm", "parameter/" + project + "/" + environment + "/*")).build(),
                Statement.allow("Messaging").actions("sns:CreateTopic", "sns:DeleteTopic", "sns:GetTopicAttributes",
                        "sns:SetTopicAttributes", "sns:Subscribe", "sns:Unsubscribe", "sns:TagResource",
                        "sns:UntagResource", "sns:ListTagsForResource",
                        // A subscription's ARN is its topic's and an id: "<prefix>*" covers it.
                        "sns:GetSubscriptionAttributes", "sns:SetSubscriptionAttributes",
                        "sqs:CreateQueue", "sqs:DeleteQueue",
                        "sqs:GetQueueAttributes", "sqs:SetQueueAttributes", "sqs:GetQueueUrl", "sqs:TagQueue",
                        "sqs:UntagQueue", "sqs:ListQueueTags", "states:CreateStateMachine",
                        "states:DeleteStateMachine", "states:UpdateStateMachine", "states:DescribeStateMachine",
                        "states:TagResource", "states:UntagResource", "states:ListTagsForResource",
                        "states:ListStateMachineVersions", "events:PutRule",
                        "events:DeleteRule", "events:DescribeRule", "events:PutTargets", "events:RemoveTargets",
                        "events:ListTargetsByRule", "events:TagResource", "events:UntagResource",
                        "events:ListTagsForResource", "cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms",
                        "cloudwatch:DescribeAlarms", "cloudwatch:TagResource", "cloudwatch:UntagResource",
                        "cloudwatch:ListTagsForResource", "cloudwatch:PutDashboard", "cloudwatch:GetDashboard",
                        "cloudwatch:DeleteDashboards")
                        .resources(arn.regional("sns", p + "*"), arn.regional("sqs", p + "*"),
                                // The alarms Application Auto Scaling makes for target tracking, on the caller's
                                // rights: TargetTracking-service/<cluster>/<service>-AlarmHigh-<id>.
                                arn.regional("cloudwatch", "alarm:TargetTracking-service/" + p + "*"),
                                arn.regional("states", "stateMachine:" + p + "*"), arn.regional("events", "rule/" + p
                                        + "*"), arn.regional("cloudwatch", "alarm:" + p + "*"),
                                arn.global("cloudwatch", "dashboard/" + p + "*")).build(),
                Statement.allow("Database").actions("rds:CreateDBCluster", "rds:ModifyDBCluster", "rds:DeleteDBCluster",
                        "rds:DescribeDBClusters", "rds:CreateDBInstance", "rds:ModifyDBInstance", "rds:DeleteDBInstance",
                        "rds:DescribeDBInstances", "rds:CreateDBSubnetGroup", "rds:ModifyDBSubnetGroup",
                        "rds:DeleteDBSubnetGroup", "rds:CreateDBClusterParameterGroup",
                        "rds:ModifyDBClusterParameterGroup", "rds:DeleteDBClusterParameterGroup",
                        "rds:ResetDBClusterParameterGroup", "rds:ResetDBParameterGroup",
                        "rds:CreateDBParameterGroup", "rds:ModifyDBParameterGroup", "rds:DeleteDBParameterGroup",
                        "rds:CreateDBClusterSnapshot", "rds:CreateDBSnapshot", "rds:AddTagsToResource",
                        "rds:RemoveTagsFromResource", "rds:ListTagsForResource", "rds:DescribeDBSubnetGroups",
                        "rds:DescribeDBClusterParameterGroups", "rds:DescribeDBClusterParameters",
                        "rds:DescribeDBParameterGroups", "rds:DescribeDBParameters")
                        .resources(arn.regional("rds", "cluster:" + p + "*"), arn.regional("rds", "db:" + p + "*"),
                                arn.regional("rds", "subgrp:" + p + "*"), arn.regional("rds", "cluster-pg:" + p + "*"),
                                arn.regional("rds", "pg:" + p + "*"), arn.regional("rds", "cluster-snapshot:" + p + "*"),
                                arn.regional("rds", "snapshot:" + p + "*"),
                                // Creating a cluster or instance is also authorized on the default groups it uses.
                                arn.regional("rds", "pg:default.*"), arn.regional("rds", "cluster-pg:default.*"),
                                arn.regional("rds", "og:default:*")).build(),
                Statement.allow("DatabaseGlobalRead").actions("rds:DescribeGlobalClusters")
                        .resources("arn:" + arn.partition() + ":rds::" + arn.account() + ":global-cluster:*").build(),
                // The master password secret RDS manages is named by RDS (rds!cluster-...), on the caller's behalf.
                Statement.allow("DatabaseSecret").actions("secretsmanager:CreateSecret", "secretsmanager:TagResource",
                        "secretsmanager:DescribeSecret", "secretsmanager:RotateSecret", "secretsmanager:DeleteSecret",
                        "secretsmanager:UpdateSecret", "secretsmanager:PutSecretValue")
                        .resources(arn.regional("secretsmanager", "secret:rds!*")).build(),
                Statement.allow("Buckets").actions("s3:CreateBucket", "s3:DeleteBucket", "s3:ListBucket",
                        "s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy",
                        "s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock", "s3:GetBucketOwnershipControls",
                        "s3:PutBucketOwnershipControls", "s3:GetEncryptionConfiguration", "s3:PutEncryptionConfiguration",
                        "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration", "s3:GetBucketTagging",
                        "s3:PutBucketTagging", "s3:GetBucketVersioning", "s3:GetBucketAcl", "s3:GetBucketCORS",
                        "s3:GetBucketWebsite", "s3:GetAccelerateConfiguration", "s3:GetBucketRequestPayment",
                        "s3:GetBucketLogging", "s3:GetReplicationConfiguration", "s3:GetBucketObjectLockConfiguration",
                        // An unprotected environment's bucket is emptied before it is deleted (force_destroy);
                        // "<prefix>*" also matches the buckets' objects. (CreateBucket's private ACL needs no
                        // s3:PutBucketAcl: S3 API reference, CreateBucket, permissions.)
                        "s3:ListBucketVersions", "s3:DeleteObject", "s3:DeleteObjectVersion")
                        .resources("arn:" + arn.partition() + ":s3:::" + p + "*").build(),
                Statement.allow("WebAcl").actions("wafv2:CreateWebACL", "wafv2:UpdateWebACL", "wafv2:DeleteWebACL",
                        "wafv2:GetWebACL", "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL",
                        "wafv2:PutLoggingConfiguration", "wafv2:GetLoggingConfiguration",
                        "wafv2:DeleteLoggingConfiguration", "wafv2:TagResource", "wafv2:UntagResource",
                        "wafv2:GetWebACLForResource",
                        "wafv2:ListTagsForResource")
                        .resources(arn.regional("wafv2", "regional/webacl/" + p + "*/*"),
                                arn.regional("wafv2", "regional/managedruleset/*/*"),
                                arn.regional("elasticloadbalancing", "loadbalancer/app/" + p + "*/*")).build(),
                // Schedule groups and schedules are named <prefix><task> (ScheduledRun), and a schedule's ARN
                // carries its group's name: both by name. Their dead-letter queues and alarms are Messaging's.
                Statement.allow("Schedules").actions("scheduler:CreateScheduleGroup", "scheduler:DeleteScheduleGroup",
                        "scheduler:GetScheduleGroup", "scheduler:TagResource", "scheduler:UntagResource",
                        "scheduler:ListTagsForResource", "scheduler:CreateSchedule", "scheduler:UpdateSchedule",
                        "scheduler:GetSchedule", "scheduler:DeleteSchedule")
                        .resources(arn.regional("scheduler", "schedule-group/" + p + "*"),
                                arn.regional("scheduler", "schedule/" + p + "*/" + p + "*")).build(),
                // CreateFileSystem takes no resource (its id is made by the call): held to the region, to the
                // stack's tags in the request and to encrypted file systems (elasticfilesystem:Encrypted).
                inRegion(Statement.allow("CreateFileSystems").actions("elasticfilesystem:CreateFileSystem")
                        .resources("*"), region)
                        .condition("StringEquals", "aws:RequestTag/Project", project)
                        .condition("StringEquals", "aws:RequestTag/Environment", environment)
                        .condition("Bool", "elasticfilesystem:Encrypted", "true").build(),
                // Creating a file system or access point with tags is also authorized as TagResource on the new,
                // still untagged resource: only at creation (elasticfilesystem:CreateAction) and only with the
                // stack's tags, so it cannot retag another environment's file system.
                Statement.allow("TagNewFileSystems").actions("elasticfilesystem:TagResource")
                        .resources(arn.regional("elasticfilesystem", "file-system/*"),
                                arn.regional("elasticfilesystem", "access-point/*"))
                        .condition("StringEquals", "elasticfilesystem:CreateAction", "CreateFileSystem",
                                "CreateAccessPoint")
                        .condition("StringEquals", "aws:RequestTag/Project", project)
                        .condition("StringEquals", "aws:RequestTag/Environment", environment).build(),
                // File systems and access points have generated ids (fs-..., fsap-...): by the stack's tags on
                // them, as the key. Mount targets have no ARN of their own and are authorized on their file system.
                Statement.allow("StackFileSystems").actions("elasticfilesystem:UpdateFileSystem",
                        "elasticfilesystem:DeleteFileSystem", "elasticfilesystem:CreateMountTarget",
                        "elasticfilesystem:DeleteMountTarget", "elasticfilesystem:ModifyMountTargetSecurityGroups",
                        "elasticfilesystem:CreateAccessPoint", "elasticfilesystem:DeleteAccessPoint",
                        "elasticfilesystem:PutBackupPolicy", "elasticfilesystem:PutFileSystemPolicy",
                        "elasticfilesystem:DeleteFileSystemPolicy", "elasticfilesystem:TagResource",
                        "elasticfilesystem:UntagResource")
                        .resources(arn.regional("elasticfilesystem", "file-system/*"),
                                arn.regional("elasticfilesystem", "access-point/*"))
                        .condition("StringEquals", "aws:ResourceTag/Project", project)
                        .condition("StringEquals", "aws:ResourceTag/Environment", environment).build(),
                // The reads a refresh and the provider's deletion waiters make: they ask for ids that may be gone,
                // where a tag condition has no tags to match and would answer AccessDenied, not "not found".
                inRegion(Statement.allow("FileSystemReads").actions("elasticfilesystem:DescribeFileSystems",
                        "elasticfilesystem:DescribeMountTargets", "elasticfilesystem:DescribeMountTargetSecurityGroups",
                        "elasticfilesystem:DescribeAccessPoints", "elasticfilesystem:DescribeBackupPolicy",
                        "elasticfilesystem:DescribeFileSystemPolicy", "elasticfilesystem:DescribeLifecycleConfiguration",
                        "elasticfilesystem:ListTagsForResource").resources("*"), region).build(),
                // Certificates take no resource type before they exist; requesting one makes its ARN. The
                // parameters' listing takes none either.
                inRegion(Statement.allow("Certificates").actions("ssm:DescribeParameters",
                        "acm:RequestCertificate", "acm:DescribeCertificate", "acm:ListCertificates",
                        "acm:DeleteCertificate", "acm:AddTagsToCertificate", "acm:ListTagsForCertificate")
                        .resources("*"), region).build()));
        // The role may create the environment's roles and write their trust policies; assuming one of them would
        // turn that into any permission it wrote. An explicit deny wins over any trust policy.
        statements.add(Statement.deny("NoRoleChaining").actions("sts:AssumeRole", "sts:TagSession")
                .resources(arn.global("iam", "role/*")).build());
        stateBucket.ifPresent(bucket -> statements.add(Statement.allow("PulumiState")
                .actions("s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetBucketVersioning")
                .resources("arn:" + arn.partition() + ":s3:::" + bucket, "arn:" + arn.partition() + ":s3:::" + bucket
                        + "/*").build()));
        return new PolicyDocument(statements);
    }
}
