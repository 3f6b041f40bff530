package com.tapstack.config;

import static com.tapstack.support.BrokenConfig.broken;

import com.tapstack.support.BrokenConfig;
import com.tapstack.support.Fixtures;
import com.tapstack.support.StackValues;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Settings that would deploy and then fail: ECS Exec on a read-only root, writable paths a shell or a mount would
 * misread, zones recorded by name or twice, versions that are not versions. Each ends in exactly one line.
 */
class DeployTruthConfigTest {

    private static final String S = Fixtures.key("services");
    private static final String F = "Pulumi.full.yaml: shop:";
    private static final String PATHS = "; allowed: at most 10 distinct absolute paths of letters, digits and _ . @ + -,"
            + " such as /tmp, not under /proc, /sys or /dev";
    private static final String ZONES = "; allowed: a list of 3 distinct availability zone ids (shop:azCount) such as"
            + " use1-az1; `aws ec2 describe-availability-zones --query 'AvailabilityZones[].ZoneId'` lists them";

    static Stream<Arguments> cases() {
        return Stream.of(
                broken("ECS Exec on the default read-only root", v -> v.setIn(S, "mailer.exec", true),
                        F + "services.mailer.exec: is true with a read-only root filesystem, which ECS Exec does not"
                                + " support (its agent writes to the container's filesystem); allowed: exec: false, or"
                                + " readonlyRootFilesystem: false next to exec: true (for debugging environments only)"),
                broken("ECS Exec with a read-only root said out loud", v -> v.setIn(S, "mailer.exec", true)
                                .setIn(S, "mailer.readonlyRootFilesystem", true),
                        F + "services.mailer.exec: is true with a read-only root filesystem, which ECS Exec does not"
                                + " support (its agent writes to the container's filesystem); allowed: exec: false, or"
                                + " readonlyRootFilesystem: false next to exec: true (for debugging environments only)"),
                broken("a writable path with a space", v -> v.setIn(S, "storefront.writablePaths",
                                List.of("/var/my cache")),
                        F + "services.storefront.writablePaths: \"/var/my cache\" is not a distinct plain absolute path"
                                + PATHS),
                broken("a writable path a shell would run", v -> v.setIn(S, "storefront.writablePaths",
                                List.of("/tmp/$(reboot)")),
                        F + "services.storefront.writablePaths: \"/tmp/$(reboot)\" is not a distinct plain absolute"
                                + " path" + PATHS),
                broken("a writable path with a quote", v -> v.setIn(S, "storefront.writablePaths", List.of("/tmp/'x")),
                        F + "services.storefront.writablePaths: \"/tmp/'x\" is not a distinct plain absolute path"
                                + PATHS),
                broken("a writable path that climbs", v -> v.setIn(S, "storefront.writablePaths", List.of("/tmp/../etc")),
                        F + "services.storefront.writablePaths: \"/tmp/../etc\" is not a distinct plain absolute path"
                                + PATHS),
                broken("a writable path over a kernel filesystem", v -> v.setIn(S, "storefront.writablePaths",
                                List.of("/proc/sys")),
                        F + "services.storefront.writablePaths: \"/proc/sys\" would hide a kernel filesystem" + PATHS),
                broken("zones recorded by name", v -> v.set(Fixtures.key("availabilityZones"),
                                List.of("eu-west-1a", "eu-west-1b", "eu-west-1c")),
                        F + "availabilityZones: \"eu-west-1a\" is not an availability zone id (it is a zone name, which"
                                + " means another zone in every account)" + ZONES),
                broken("a zone recorded twice", v -> v.set(Fixtures.key("availabilityZones"),
                                List.of("euw1-az1", "euw1-az2", "euw1-az1")),
                        F + "availabilityZones: lists a zone twice" + ZONES),
                broken("a zone Fargate does not run in", v -> v.set("aws:region", "us-west-1")
                                .set(Fixtures.key("azCount"), 2).set(Fixtures.key("availabilityZones"),
                                        List.of("usw1-az1", "usw1-az2")),
                        F + "availabilityZones: \"usw1-az2\" is a zone where Fargate does not run tasks; allowed: a list"
                                + " of 2 distinct availability zone ids (shop:azCount) such as use1-az1; `aws ec2"
                                + " describe-availability-zones --query 'AvailabilityZones[].ZoneId'` lists them, other"
                                + " than apne1-az3, usw1-az2"),
                broken("fewer zones than azCount", v -> v.set(Fixtures.key("availabilityZones"),
                                List.of("euw1-az1", "euw1-az2")),
                        F + "availabilityZones: lists 2 zones but shop:azCount is 3" + ZONES),
                broken("a secret ARN of another partition", v -> v.set("aws:region", "us-gov-west-1")
                                .remove(Fixtures.key("availabilityZones")),
                        F + "services.mailer.secrets.SMTP_PASSWORD: \"arn:aws:secretsmanager:eu-west-1:123456789012:"
                                + "secret:shop/smtp-AbCdEf\" is an ARN of partition aws, but us-gov-west-1 is in"
                                + " aws-us-gov; allowed: ARNs starting arn:aws-us-gov:"),
                broken("a permission ARN of another partition", v -> v.setIn(S, "mailer.permissions",
                                List.of(java.util.Map.of("actions", List.of("s3:GetObject"), "resources",
                                        List.of("arn:aws-cn:s3:::shop-reports/*")))),
                        F + "services.mailer.permissions[0].resources: \"arn:aws-cn:s3:::shop-reports/*\" is an ARN of"
                                + " partition aws-cn, but eu-west-1 is in aws; allowed: ARNs starting arn:aws:"),
                broken("more than 60 services that use the database", v -> {
                    for (int i = 1; i <= 61; i++) {
                        v.setIn(S, "d" + i, java.util.Map.of("image", "111122223333.dkr.ecr.eu-west-1.amazonaws.com/d"
                                + "@sha256:" + "7".repeat(64), "database", true));
                    }
                    return v;
                }, F + "services: has 62 services with database: true, and the database's security group takes at"
                        + " most 60 inbound rules; allowed: at most 60 services that use the database"),
                broken("an engine version with a placeholder minor", v -> v.setIn(Fixtures.key("database"),
                                "engineVersion", "16.x"),
                        F + "database.engineVersion: \"16.x\" is not a PostgreSQL version; allowed: a major version"
                                + " such as 16 (AWS's default minor of it at creation) or an exact major.minor such as"
                                + " 16.6"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachGivesOneExactMessage(String what, UnaryOperator<StackValues> edit, String message) {
        BrokenConfig.assertFixtureRefused(Fixtures.FULL, edit, message);
    }
}
