package com.tapstack.config;

import static com.tapstack.support.BrokenConfig.broken;

import com.tapstack.support.BrokenConfig;
import com.tapstack.support.Reference;
import com.tapstack.support.StackValues;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each broken value of Pulumi.dev.yaml ends in exactly one message naming the key, value and what is allowed. */
class BadConfigTest {

    private static final String REGIONS = "AWS's region list of 2026-11-24 (@aws-sdk/core 3.981.2 partitions)";

    private static final String RETENTIONS = "1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,"
            + " 2192, 2557, 2922, 3288, 3653";

    static Stream<Arguments> brokenDevStacks() {
        return Stream.of(
                broken("retention CloudWatch rejects", v -> v.set(Reference.NS + "logRetentionDays", 8),
                        "Pulumi.dev.yaml: " + Reference.NS + "logRetentionDays: 8 is not a retention period CloudWatch Logs accepts;"
                                + " allowed: " + RETENTIONS),
                broken("retention forever", v -> v.set(Reference.NS + "logRetentionDays", 0),
                        "Pulumi.dev.yaml: " + Reference.NS + "logRetentionDays: 0 is not a retention period CloudWatch Logs accepts;"
                                + " allowed: " + RETENTIONS),
                broken("retention of the wrong type", v -> v.set(Reference.NS + "logRetentionDays", "a week"),
                        "Pulumi.dev.yaml: " + Reference.NS + "logRetentionDays: \"a week\" is not a whole number; allowed: " + RETENTIONS),
                broken("unknown key", v -> v.set(Reference.NS + "logRetention", 7),
                        "Pulumi.dev.yaml: " + Reference.NS + "logRetention: is not a known key (did you mean " + Reference.NS + "logRetentionDays?);"
                                + " allowed: " + String.join(", ", Stream.of("alarms", "albLogs", "availabilityZones",
                                        "azCount", "checkSuppressions", "costAssumptions", "costCenter", "database",
                                        "discovery", "dns", "ecrKeepImages", "ecrUntaggedExpiryDays", "endpoints",
                                        "environment", "environmentSuffix", "existingVpc", "https",
                                        "kmsDeletionWindowDays", "logRetentionDays", "natStrategy", "onDemandBase",
                                        "owner", "parameters", "protect", "pullThroughCache", "services", "spotWeight",
                                        "storage", "tags", "vpcCidr", "waf").map(key -> Reference.NS + key).toList())),
                broken("one AZ with a public service", v -> v.set(Reference.NS + "azCount", 1),
                        "Pulumi.dev.yaml: " + Reference.NS + "azCount: 1 is too few for the load balancer a public service needs (AWS"
                                + " requires subnets in two AZs); allowed: 2 to 6 when a service is public"),
                broken("too few images kept for a rollback", v -> v.set(Reference.NS + "ecrKeepImages", 3),
                        "Pulumi.dev.yaml: " + Reference.NS + "ecrKeepImages: 3 would expire images a rollback needs; allowed: 4 to"
                                + " 10000 (the 2 task definition revisions a service runs or rolls back to, plus 2)"),
                broken("a negative cost assumption", v -> v.set(Reference.NS + "costAssumptions", Map.of("natGBPerDay", -1)),
                        "Pulumi.dev.yaml: " + Reference.NS + "costAssumptions.natGBPerDay: -1 is out of range; allowed: a number from 0"
                                + " to 100000"),
                broken("Spot weight out of range", v -> v.set(Reference.NS + "spotWeight", 1001),
                        "Pulumi.dev.yaml: " + Reference.NS + "spotWeight: 1001 is out of range; allowed: 0 to 1000"),
                broken("certificate that is no ARN", v -> v.set(Reference.NS + "https", Map.of("certificateArn", "my-cert")),
                        "Pulumi.dev.yaml: " + Reference.NS + "https.certificateArn: \"my-cert\" is not an ACM certificate ARN; allowed:"
                                + " an ACM certificate ARN in the stack's region,"
                                + " arn:aws:acm:<region>:<account>:certificate/<id>"),
                broken("certificate from another region", v -> v.set(Reference.NS + "https", Map.of("certificateArn",
                                "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")),
                        "Pulumi.dev.yaml: " + Reference.NS + "https.certificateArn: \"arn:aws:acm:eu-west-1:123456789012:certificate/"
                                + "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\" is in another region than the load balancer"
                                + " (us-east-1); allowed: an ACM certificate ARN in the stack's region,"
                                + " arn:aws:acm:<region>:<account>:certificate/<id>"),
                broken("no AZ", v -> v.set(Reference.NS + "azCount", 0),
                        "Pulumi.dev.yaml: " + Reference.NS + "azCount: 0 is not a number of availability zones a VPC can span here;"
                                + " allowed: 1 to 6"),
                broken("seven AZs", v -> v.set(Reference.NS + "azCount", 7),
                        "Pulumi.dev.yaml: " + Reference.NS + "azCount: 7 is not a number of availability zones a VPC can span here;"
                                + " allowed: 1 to 6"),
                broken("AZ count as a list", v -> v.set(Reference.NS + "azCount", List.of(2)),
                        "Pulumi.dev.yaml: " + Reference.NS + "azCount: [2] is not a whole number; allowed: 1 to 6"),
                broken("CIDR that is no CIDR", v -> v.set(Reference.NS + "vpcCidr", "10.0.0.0/33"),
                        "Pulumi.dev.yaml: " + Reference.NS + "vpcCidr: \"10.0.0.0/33\" is not an IPv4 CIDR block; allowed: an IPv4"
                                + " network address with a prefix from /16 to /26 (for 2 AZs), e.g. 10.0.0.0/16"),
                broken("CIDR with host bits", v -> v.set(Reference.NS + "vpcCidr", "10.10.1.0/16"),
                        "Pulumi.dev.yaml: " + Reference.NS + "vpcCidr: \"10.10.1.0/16\" has host bits set (did you mean 10.10.0.0/16?);"
                                + " allowed: an IPv4 network address with a prefix from /16 to /26 (for 2 AZs),"
                                + " e.g. 10.0.0.0/16"),
                broken("CIDR larger than a VPC may be", v -> v.set(Reference.NS + "vpcCidr", "10.0.0.0/8"),
                        "Pulumi.dev.yaml: " + Reference.NS + "vpcCidr: \"10.0.0.0/8\" is larger than the /16 AWS allows for a VPC;"
                                + " allowed: an IPv4 network address with a prefix from /16 to /26 (for 2 AZs),"
                                + " e.g. 10.0.0.0/16"),
                broken("CIDR too small for the subnets", v -> v.set(Reference.NS + "vpcCidr", "10.10.0.0/27"),
                        "Pulumi.dev.yaml: " + Reference.NS + "vpcCidr: \"10.10.0.0/27\" is too small for 2 public and 2 private subnets"
                                + " (each would be /29, AWS's smallest subnet is /28); allowed: an IPv4 network address"
                                + " with a prefix from /16 to /26 (for 2 AZs), e.g. 10.0.0.0/16"),
                broken("unknown NAT strategy", v -> v.set(Reference.NS + "natStrategy", "perAZ"),
                        "Pulumi.dev.yaml: " + Reference.NS + "natStrategy: \"perAZ\" is not a NAT strategy; allowed: none, single, perAz"),
                broken("environment in capitals", v -> v.set(Reference.NS + "environment", "Dev"),
                        "Pulumi.dev.yaml: " + Reference.NS + "environment: \"Dev\" cannot be used in resource names; allowed: 1 to 10"
                                + " lowercase letters or digits, starting with a letter (e.g. dev, prod)"),
                broken("no environment", v -> v.remove(Reference.NS + "environment"),
                        "Pulumi.dev.yaml: " + Reference.NS + "environment: is missing (set it in Pulumi.dev.yaml or with `pulumi config"
                                + " set " + Reference.NS + "environment <value>`); allowed: 1 to 10 lowercase letters or digits,"
                                + " starting with a letter (e.g. dev, prod)"),
                broken("suffix with a hyphen", v -> v.set(Reference.NS + "environmentSuffix", "pr-12"),
                        "Pulumi.dev.yaml: " + Reference.NS + "environmentSuffix: \"pr-12\" has characters AWS names cannot all take;"
                                + " allowed: empty (a suffix is generated and kept in state) or 1 to 13 lowercase"
                                + " letters or digits"),
                broken("suffix past the name limits", v -> v.set(Reference.NS + "environmentSuffix", "featurebranch42"),
                        "Pulumi.dev.yaml: " + Reference.NS + "environmentSuffix: \"featurebranch42\" is 15 characters and would make"
                                + " names like " + Reference.P + "dev-featurebranch42-xxxxxxxxxx longer than the 32 characters AWS"
                                + " allows for load balancer names; allowed: empty (a suffix is generated and kept in"
                                + " state) or 1 to 13 lowercase letters or digits"),
                broken("KMS window too short", v -> v.set(Reference.NS + "kmsDeletionWindowDays", 5),
                        "Pulumi.dev.yaml: " + Reference.NS + "kmsDeletionWindowDays: 5 is outside the waiting period KMS accepts;"
                                + " allowed: 7 to 30 days"),
                broken("protect as yes", v -> v.set(Reference.NS + "protect", "yes"),
                        "Pulumi.dev.yaml: " + Reference.NS + "protect: \"yes\" is not a boolean; allowed: true or false"),
                broken("no owner", v -> v.remove(Reference.NS + "owner"),
                        "Pulumi.dev.yaml: " + Reference.NS + "owner: is missing (set it in Pulumi.dev.yaml or with `pulumi config set"
                                + " " + Reference.NS + "owner <value>`); allowed: up to 256 letters, digits, spaces and _ . : / = + - @"),
                broken("tag overriding a managed tag", v -> v.set(Reference.NS + "tags", Map.of("Owner", "someone")),
                        "Pulumi.dev.yaml: " + Reference.NS + "tags.Owner: is set by TapStack itself (Owner and CostCenter come from"
                                + " " + Reference.NS + "owner and " + Reference.NS + "costCenter); allowed: keys of 1 to 128 letters, digits, spaces"
                                + " and _ . : / = + - @, not starting with aws:, other than CostCenter, Environment,"
                                + " EnvironmentSuffix, ManagedBy, Name, Owner, Project"),
                broken("tag in the aws: namespace", v -> v.set(Reference.NS + "tags", Map.of("aws:team", "x")),
                        "Pulumi.dev.yaml: " + Reference.NS + "tags.aws:team: is not a tag key AWS accepts; allowed: keys of 1 to 128"
                                + " letters, digits, spaces and _ . : / = + - @, not starting with aws:, other than"
                                + " CostCenter, Environment, EnvironmentSuffix, ManagedBy, Name, Owner, Project"),
                broken("tags as a string", v -> v.set(Reference.NS + "tags", "Team=platform"),
                        "Pulumi.dev.yaml: " + Reference.NS + "tags: \"Team=platform\" is not a mapping; allowed: a mapping of tag key"
                                + " to value, e.g. Team: payments"),
                broken("tag value with a bad character", v -> v.set(Reference.NS + "tags", Map.of("Team", "plat<form>")),
                        "Pulumi.dev.yaml: " + Reference.NS + "tags.Team: \"plat<form>\" has characters a tag value cannot have;"
                                + " allowed: up to 256 letters, digits, spaces and _ . : / = + - @"),
                broken("no region", v -> v.remove("aws:region"),
                        "Pulumi.dev.yaml: aws:region: is missing (set it in Pulumi.dev.yaml or with `pulumi config set"
                                + " aws:region <value>`); allowed: an AWS region name such as us-east-1 or eu-central-1"),
                broken("region that is no region", v -> v.set("aws:region", "virginia"),
                        "Pulumi.dev.yaml: aws:region: \"virginia\" is not an AWS region (not in " + REGIONS + "; a"
                                + " region opened since: add it to com.tapstack.aws.AwsRegions); allowed: af-south-1,"
                                + " ap-east-1, ap-east-2, ap-northeast-1, ap-northeast-2, ap-northeast-3, ap-south-1,"
                                + " ap-south-2, ap-southeast-1, ap-southeast-2, ap-southeast-3, ap-southeast-4,"
                                + " ap-southeast-5, ap-southeast-6, ap-southeast-7, ca-central-1, ca-west-1, cn-north-1,"
                                + " cn-northwest-1, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2,"
                                + " eu-west-1, eu-west-2, eu-west-3, eusc-de-east-1, il-central-1, me-central-1,"
                                + " me-south-1, me-west-1, mx-central-1, sa-east-1, sa-west-1, us-east-1, us-east-2,"
                                + " us-gov-east-1, us-gov-west-1, us-west-1, us-west-2"),
                broken("region of the right shape that AWS does not have", v -> v.set("aws:region", "us-east-9"),
                        "Pulumi.dev.yaml: aws:region: \"us-east-9\" is not an AWS region (not in " + REGIONS + "; a"
                                + " region opened since: add it to com.tapstack.aws.AwsRegions); allowed: us-east-1,"
                                + " us-east-2, us-gov-east-1, us-gov-west-1, us-west-1, us-west-2"),
                broken("account id too short", v -> v.set("aws:allowedAccountIds", List.of("12345")),
                        "Pulumi.dev.yaml: aws:allowedAccountIds: 12345 is not a 12-digit account id; allowed: a list"
                                + " of 12-digit AWS account ids"));
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDevStacks")
    void brokenValueGivesOneExactMessage(String what, UnaryOperator<StackValues> edit, String message) {
        BrokenConfig.assertRefused("dev", edit, message);
    }
}
