package com.tapstack.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import com.tapstack.config.ConfigException;
import com.tapstack.config.ProjectFile;
import com.tapstack.config.StackFileSource;
import com.tapstack.iam.StatementCheck;
import com.tapstack.support.Project;
import com.tapstack.tooling.offline.OfflineEngine;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.SimulatedAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The deploy identity program (bootstrap/), planned offline: trust, permissions, configuration errors. */
class DeployIdentityTest {

    static final String PROJECT = "shop-deploy-identity";
    /** bootstrap/Pulumi.yaml's project: its name is longer than a stack's may be, so it is not read as one. */
    static final ProjectFile SHIPPED = new ProjectFile(ProjectFile.read(Project.DIR).name()
            + DeployIdentityConfig.PROJECT_ENDING, Map.of());

    static Plan plan(Map<String, Object> values) {
        var all = new LinkedHashMap<String, Object>();
        all.put("aws:region", "eu-central-1");
        all.putAll(values);
        var source = StackFileSource.of(project(), "Pulumi.identity.yaml", all);
        return OfflineEngine.plan(PROJECT, "identity", new SimulatedAccount("210987654321", "eu-central-1"),
                UnaryOperator.identity(), ctx -> DeployIdentityProgram.define(ctx, source));
    }

    /** The bootstrap project file under another name, as a fork's would be. */
    static ProjectFile project() {
        return new ProjectFile(PROJECT, Map.of());
    }

    static Map<String, Object> shop(Object... more) {
        var values = new LinkedHashMap<String, Object>();
        values.put(PROJECT + ":repository", "acme/shop");
        for (int i = 0; i < more.length; i += 2) {
            values.put(PROJECT + ":" + more[i], more[i + 1]);
        }
        return values;
    }

    @Test
    void githubsProviderWithTheStsAudienceAndNoThumbprint() {
        var provider = plan(shop()).byType("aws:iam/openIdConnectProvider:OpenIdConnectProvider");
        assertThat(provider).singleElement().satisfies(p -> {
            assertThat(p.input("url")).isEqualTo("https://token.actions.githubusercontent.com");
            assertThat(p.input("clientIdLists")).isEqualTo(List.of("sts.amazonaws.com"));
            assertThat(p.input("thumbprintLists")).isNull();
        });
    }

    @Test
    void eachEnvironmentsRoleTrustsOnlyThatEnvironmentsJobsOfTheRepository() {
        var plan = plan(shop());
        var roles = plan.byType("aws:iam/role:Role").stream()
                .filter(r -> r.inputString("name").startsWith("shop-deploy-")).toList();
        assertThat(roles).extracting(r -> r.input("name")).containsExactly("shop-deploy-dev", "shop-deploy-prod");
        for (var role : roles) {
            var environment = role.inputString("name").substring("shop-deploy-".length());
            var trust = JsonParser.parseString(role.inputString("assumeRolePolicy")).getAsJsonObject()
                    .getAsJsonArray("Statement");
            assertThat(trust).hasSize(1);
            var statement = trust.get(0).getAsJsonObject();
            assertThat(statement.get("Action").toString()).contains("sts:AssumeRoleWithWebIdentity");
            assertThat(statement.getAsJsonObject("Principal").get("Federated").getAsString())
                    .isEqualTo("arn:aws:iam::210987654321:oidc-provider/token.actions.githubusercontent.com");
            var equals = statement.getAsJsonObject("Condition").getAsJsonObject("StringEquals");
            assertThat(equals.get("token.actions.githubusercontent.com:aud").getAsString())
                    .isEqualTo("sts.amazonaws.com");
            assertThat(equals.get("token.actions.githubusercontent.com:sub").getAsString())
                    .isEqualTo("repo:acme/shop:environment:" + environment);
            assertThat(statement.getAsJsonObject("Condition").keySet()).containsExactly("StringEquals");
            assertThat(role.input("maxSessionDuration")).isEqualTo(10_800L);
        }
    }

    @Test
    void withTheNumericIdsTheRolesTrustTheImmutableSubject() {
        var role = plan(shop("ownerId", 4217, "repositoryId", "987654321", "environments", List.of("prod")))
                .byType("aws:iam/role:Role").get(0);
        assertThat(role.inputString("assumeRolePolicy"))
                .contains("\"repo:acme@4217/shop@987654321:environment:prod\"");
    }

    @Test
    void anExistingProviderIsUsedNotCreated() {
        var arn = "arn:aws:iam::210987654321:oidc-provider/token.actions.githubusercontent.com";
        var plan = plan(shop("oidcProviderArn", arn));
        assertThat(plan.byType("aws:iam/openIdConnectProvider:OpenIdConnectProvider")).isEmpty();
        assertThat(plan.byType("aws:iam/role:Role")).allSatisfy(r -> assertThat(r.inputString("assumeRolePolicy"))
                .contains(arn));
    }

    @Test
    void everyPermissionIsAValidStatementScopedToItsEnvironmentOrHeldToTheRegion() {
        var plan = plan(shop("stateBucket", "acme-pulumi-state"));
        var policies = plan.byType("aws:iam/policy:Policy");
        // dev and prod, a policy per part each
        assertThat(policies).hasSize(10);
        assertThat(plan.byType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).hasSize(10);
        var problems = new ArrayList<String>();
        for (var policy : policies) {
            var text = policy.inputString("policy");
            assertThat(text.replaceAll("\\s", "").length()).as(policy.name() + ": IAM's managed policy limit")
                    .isLessThanOrEqualTo(6144);
            var environment = policy.inputString("name").contains("-deploy-dev-") ? "dev" : "prod";
            var other = environment.equals("dev") ? "prod" : "dev";
            for (var element : JsonParser.parseString(text).getAsJsonObject().getAsJsonArray("Statement")) {
                var statement = element.getAsJsonObject();
                var actions = strings(statement.get("Action"));
                var resources = strings(statement.get("Resource"));
                var conditionKeys = new ArrayList<String>();
                if (statement.has("Condition")) {
                    statement.getAsJsonObject("Condition").entrySet().forEach(op -> conditionKeys.addAll(
                            op.getValue().getAsJsonObject().keySet()));
                }
                StatementCheck.problems(actions, resources, conditionKeys, false)
                        .forEach(p -> problems.add(policy.name() + " " + statement.get("Sid") + ": " + p));
                if (statement.get("Effect").getAsString().equals("Deny")) {
                    continue;
                }
                for (var resource : resources) {
                    if (resource.equals("*")) {
                        assertThat(conditionKeys).as(statement.get("Sid") + ": a * resource is held to the region")
                                .contains("aws:RequestedRegion");
                    } else {
                        assertThat(resource).as(statement.get("Sid").toString()).doesNotContain("shop-" + other + "-");
                        assertThat(resource.contains("shop-" + environment + "-") || resource.contains("/shop/"
                                + environment + "/") || resource.contains("acme-pulumi-state")
                                || resource.contains("aws-service-role") || tagScoped(resource, conditionKeys)
                                || resource.contains("secret:rds!") || resource.contains("managedruleset")
                                || resource.contains("secret:ecr-pullthroughcache/")
                                || resource.contains(":default") || resource.endsWith(":global-cluster:*")
                                // The image lookup: a stack file may name any repository of the account; a read.
                                || resource.endsWith(":repository/*")
                                && actions.equals(List.of("ecr:DescribeImages", "ecr:DescribeRepositories")))
                                .as(statement.get("Sid") + " " + resource + ": scoped to the environment").isTrue();
                    }
                }
            }
        }
        assertThat(problems).as("statements IAM would store but AWS would not honour").isEmpty();
        // The roles it may create and write trust policies for, it may not assume.
        assertThat(policies).filteredOn(p -> p.inputString("name").endsWith("-platform")).allSatisfy(p ->
                assertThat(p.inputString("policy")).contains("\"Sid\":\"NoRoleChaining\",\"Effect\":\"Deny\""));
    }

    /**
     * A resource whose ARN is a generated id (a key, a file system, an access point, a Cloud Map service, a
     * certificate, a scalable target), held to the stack's tags.
     */
    static boolean tagScoped(String resource, List<String> conditionKeys) {
        var generatedId = resource.endsWith(":key/*") || resource.endsWith(":file-system/*")
                || resource.endsWith(":access-point/*") || resource.endsWith(":service/*")
                || resource.endsWith(":certificate/*") || resource.endsWith(":scalable-target/*");
        return generatedId && (conditionKeys.containsAll(List.of("aws:ResourceTag/Project", "aws:ResourceTag/Environment"))
                || conditionKeys.containsAll(List.of("aws:RequestTag/Project", "aws:RequestTag/Environment")));
    }

    /** The dev role's statements, by sid, from its four policies. */
    static Map<String, com.google.gson.JsonObject> devStatements() {
        var statements = new LinkedHashMap<String, com.google.gson.JsonObject>();
        var policies = plan(shop()).byType("aws:iam/policy:Policy").stream()
                .filter(p -> p.inputString("name").contains("-deploy-dev-")).toList();
        assertThat(policies).hasSize(DeployPermissions.PARTS.size());
        for (var policy : policies) {
            for (var element : JsonParser.parseString(policy.inputString("policy")).getAsJsonObject()
                    .getAsJsonArray("Statement")) {
                var statement = element.getAsJsonObject();
                statements.put(statement.get("Sid").getAsString(), statement);
            }
        }
        return statements;
    }

    static String conditionValue(com.google.gson.JsonObject statement, String operator, String key) {
        return statement.getAsJsonObject("Condition").getAsJsonObject(operator).get(key).toString();
    }

    static final String ARN = "arn:aws:%s:eu-central-1:210987654321:%s";

    @Test
    void scheduledTasksAreManagedByNameAndTheirRolePassedToScheduler() {
        var statements = devStatements();
        var schedules = statements.get("Schedules");
        assertThat(strings(schedules.get("Action"))).containsExactlyInAnyOrder("scheduler:CreateScheduleGroup",
                "scheduler:DeleteScheduleGroup", "scheduler:GetScheduleGroup", "scheduler:TagResource",
                "scheduler:UntagResource", "scheduler:ListTagsForResource", "scheduler:CreateSchedule",
                "scheduler:UpdateSchedule", "scheduler:GetSchedule", "scheduler:DeleteSchedule");
        assertThat(strings(schedules.get("Resource"))).containsExactly(
                ARN.formatted("scheduler", "schedule-group/shop-dev-*"),
                ARN.formatted("scheduler", "schedule/shop-dev-*/shop-dev-*"));
        assertThat(schedules.has("Condition")).isFalse();
        assertThat(conditionValue(statements.get("PassStackRoles"), "StringEquals", "iam:PassedToService"))
                .contains("\"scheduler.amazonaws.com\"");
        // ScheduledRun's names: the group and schedule <prefix><task>, its role, dead-letter queue and alarm.
        assertGrants(statements, "scheduler:CreateSchedule", ARN.formatted("scheduler", "schedule/shop-dev-nightly/shop-dev-nightly"));
        assertGrants(statements, "scheduler:CreateScheduleGroup", ARN.formatted("scheduler", "schedule-group/shop-dev-nightly"));
        assertGrants(statements, "iam:PassRole", "arn:aws:iam::210987654321:role/shop-dev-nightly-scheduler");
        assertGrants(statements, "sqs:CreateQueue", ARN.formatted("sqs", "shop-dev-nightly-schedule-dead-letters"));
        assertGrants(statements, "cloudwatch:PutMetricAlarm", ARN.formatted("cloudwatch", "alarm:shop-dev-nightly-schedule-failed"));
    }

    @Test
    void queueWorkersServiceConnectAndSidecarsNeedNothingNewTheirNamesAreCovered() {
        var statements = devStatements();
        for (var queue : List.of("shop-dev-orders-queue", "shop-dev-orders-queue-dlq")) {
            for (var action : List.of("sqs:CreateQueue", "sqs:SetQueueAttributes", "sqs:GetQueueAttributes",
                    "sqs:TagQueue", "sqs:ListQueueTags", "sqs:DeleteQueue")) {
                assertGrants(statements, action, ARN.formatted("sqs", queue));
            }
        }
        for (var alarm : List.of("alarm:shop-dev-orders-queue-dead-letters", "alarm:shop-dev-orders-queue-wake",
                "alarm:TargetTracking-service/shop-dev-cluster/shop-dev-orders-AlarmHigh-1a2b")) {
            assertGrants(statements, "cloudwatch:PutMetricAlarm", ARN.formatted("cloudwatch", alarm));
            assertGrants(statements, "cloudwatch:DeleteAlarms", ARN.formatted("cloudwatch", alarm));
        }
        assertGrants(statements, "application-autoscaling:PutScalingPolicy", "*");
        for (var group : List.of("shop-dev-orders/otel-metrics", "shop-dev-orders/service-connect")) {
            assertGrants(statements, "logs:CreateLogGroup", ARN.formatted("logs", "log-group:" + group));
            assertGrants(statements, "logs:PutRetentionPolicy", ARN.formatted("logs", "log-group:" + group));
        }
        // The existing VPC's lookups.
        for (var action : List.of("ec2:DescribeVpcs", "ec2:DescribeVpcAttribute", "ec2:DescribeSubnets",
                "ec2:DescribeRouteTables", "ec2:DescribeVpcEndpoints", "ec2:DescribePrefixLists",
                "sts:GetCallerIdentity")) {
            assertGrants(statements, action, "*");
        }
    }

    @Test
    void fileSystemsAreManagedByTheStacksTagsAndTheirMountTargetsInterfacesHeldToTheRegion() {
        var statements = devStatements();
        var fileSystems = List.of(ARN.formatted("elasticfilesystem", "file-system/*"),
                ARN.formatted("elasticfilesystem", "access-point/*"));

        var create = statements.get("CreateFileSystems");
        assertThat(strings(create.get("Action"))).containsExactly("elasticfilesystem:CreateFileSystem");
        assertThat(strings(create.get("Resource"))).containsExactly("*");
        assertThat(conditionValue(create, "StringEquals", "aws:RequestTag/Project")).isEqualTo("\"shop\"");
        assertThat(conditionValue(create, "StringEquals", "aws:RequestTag/Environment")).isEqualTo("\"dev\"");
        assertThat(conditionValue(create, "StringEquals", "aws:RequestedRegion")).isEqualTo("\"eu-central-1\"");
        assertThat(conditionValue(create, "Bool", "elasticfilesystem:Encrypted")).isEqualTo("\"true\"");

        var tagNew = statements.get("TagNewFileSystems");
        assertThat(strings(tagNew.get("Action"))).containsExactly("elasticfilesystem:TagResource");
        assertThat(strings(tagNew.get("Resource"))).isEqualTo(fileSystems);
        assertThat(conditionValue(tagNew, "StringEquals", "elasticfilesystem:CreateAction"))
                .isEqualTo("[\"CreateFileSystem\",\"CreateAccessPoint\"]");
        assertThat(conditionValue(tagNew, "StringEquals", "aws:RequestTag/Environment")).isEqualTo("\"dev\"");

        var manage = statements.get("StackFileSystems");
        assertThat(strings(manage.get("Action"))).containsExactlyInAnyOrder("elasticfilesystem:UpdateFileSystem",
                "elasticfilesystem:DeleteFileSystem", "elasticfilesystem:CreateMountTarget",
                "elasticfilesystem:DeleteMountTarget", "elasticfilesystem:ModifyMountTargetSecurityGroups",
                "elasticfilesystem:CreateAccessPoint", "elasticfilesystem:DeleteAccessPoint",
                "elasticfilesystem:PutBackupPolicy", "elasticfilesystem:PutFileSystemPolicy",
                "elasticfilesystem:DeleteFileSystemPolicy", "elasticfilesystem:TagResource",
                "elasticfilesystem:UntagResource");
        assertThat(strings(manage.get("Resource"))).isEqualTo(fileSystems);
        assertThat(conditionValue(manage, "StringEquals", "aws:ResourceTag/Project")).isEqualTo("\"shop\"");
        assertThat(conditionValue(manage, "StringEquals", "aws:ResourceTag/Environment")).isEqualTo("\"dev\"");

        var reads = statements.get("FileSystemReads");
        assertThat(strings(reads.get("Action"))).allMatch(a -> a.startsWith("elasticfilesystem:Describe")
                || a.equals("elasticfilesystem:ListTagsForResource")).hasSize(8);
        assertThat(strings(reads.get("Resource"))).containsExactly("*");

        var interfaces = statements.get("MountTargetInterfaces");
        assertThat(strings(interfaces.get("Action"))).containsExactlyInAnyOrder("ec2:CreateNetworkInterface",
                "ec2:ModifyNetworkInterfaceAttribute", "ec2:DeleteNetworkInterface");
        assertThat(strings(interfaces.get("Resource"))).containsExactly("*");
        assertThat(conditionValue(interfaces, "StringEquals", "aws:RequestedRegion")).isEqualTo("\"eu-central-1\"");
        // CreateMountTarget's other EC2 permissions, DescribeMountTargetSecurityGroups' and the EFS service role.
        for (var action : List.of("ec2:DescribeSubnets", "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeNetworkInterfaceAttribute")) {
            assertGrants(statements, action, "*");
        }
        assertThat(conditionValue(statements.get("ServiceLinkedRoles"), "StringEquals", "iam:AWSServiceName"))
                .contains("\"elasticfilesystem.amazonaws.com\"");
        // An encrypted file system's KMS permissions, on the stack key (by its tags), the ECS cluster's ephemeral
        // storage key (DescribeKey) among them.
        assertThat(strings(statements.get("ManageStackKey").get("Action"))).contains("kms:DescribeKey",
                "kms:CreateGrant", "kms:Decrypt", "kms:GenerateDataKeyWithoutPlaintext");
    }

    @Test
    void route53IsAllowedWhereItsRequestsGoWhateverTheStacksRegion() {
        // The fixture's region is eu-central-1; Route 53's one endpoint is in us-east-1, where its records (the
        // domain's alias, the certificate's validation records) are written.
        var statements = devStatements();
        var route53 = statements.get("Route53");
        assertThat(strings(route53.get("Action"))).contains("route53:ChangeResourceRecordSets", "route53:GetChange",
                "route53:CreateHostedZone", "route53:ListHostedZonesByName");
        assertThat(conditionValue(route53, "StringEquals", "aws:RequestedRegion"))
                .isEqualTo("[\"eu-central-1\",\"us-east-1\"]");
        assertThat(statements.values()).filteredOn(st -> st != route53)
                .allSatisfy(st -> assertThat(strings(st.get("Action"))).noneMatch(a -> a.startsWith("route53:")));
        assertThat(DeployPermissions.route53Region("aws")).isEqualTo("us-east-1");
    }

    @Test
    void noDeployRoleRetagsAKeyOfAnotherEnvironmentOrProject() {
        // Tagging a key is what grants ManageStackKey on it: an existing key tagged for another environment or
        // project keeps its tags; CreateKey's tags (no resource tags yet) are not touched by the denial.
        var statements = devStatements();
        var environment = statements.get("KeepOtherEnvironmentsKeyTags");
        assertThat(environment.get("Effect").getAsString()).isEqualTo("Deny");
        assertThat(strings(environment.get("Action"))).containsExactlyInAnyOrder("kms:TagResource",
                "kms:UntagResource");
        assertThat(strings(environment.get("Resource"))).containsExactly("*");
        assertThat(conditionValue(environment, "Null", "aws:ResourceTag/Environment")).isEqualTo("\"false\"");
        assertThat(conditionValue(environment, "StringNotEquals", "aws:ResourceTag/Environment"))
                .isEqualTo("\"dev\"");
        var project = statements.get("KeepOtherProjectsKeyTags");
        assertThat(project.get("Effect").getAsString()).isEqualTo("Deny");
        assertThat(conditionValue(project, "Null", "aws:ResourceTag/Project")).isEqualTo("\"false\"");
        assertThat(conditionValue(project, "StringNotEquals", "aws:ResourceTag/Project")).isEqualTo("\"shop\"");
        // What the denial protects: tagging is allowed on "*" for creation, and management goes by the tags.
        assertThat(strings(statements.get("CreateStackKey").get("Action"))).contains("kms:TagResource");
        assertThat(conditionValue(statements.get("ManageStackKey"), "StringEquals", "aws:ResourceTag/Environment"))
                .isEqualTo("\"dev\"");
    }

    /** Some Allow statement has the action on a resource pattern matching {@code resource}. */
    static void assertGrants(Map<String, com.google.gson.JsonObject> statements, String action, String resource) {
        assertThat(statements.values()).as(action + " on " + resource).anySatisfy(statement -> {
            assertThat(statement.get("Effect").getAsString()).isEqualTo("Allow");
            assertThat(strings(statement.get("Action"))).contains(action);
            assertThat(strings(statement.get("Resource"))).anyMatch(pattern -> resource.equals("*")
                    ? pattern.equals("*") : com.tapstack.iam.Globs.toRegex(pattern).matcher(resource).matches());
        });
    }

    static List<String> strings(com.google.gson.JsonElement element) {
        var out = new ArrayList<String>();
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> out.add(e.getAsString()));
        } else {
            out.add(element.getAsString());
        }
        return out;
    }

    @Test
    void badConfigurationIsOneLineNamingTheKey() {
        assertThatThrownBy(() -> plan(Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining(PROJECT + ":repository");
        assertThatThrownBy(() -> plan(shop("repository", "not a repo").entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getKey().endsWith(":repository")
                        ? "acme shop" : e.getValue())))).hasMessageContaining("is not owner/name");
        assertThatThrownBy(() -> plan(shop("ownerId", 1))).hasMessageContaining("is set without repositoryId");
        assertThatThrownBy(() -> plan(shop("environments", List.of("Prod")))).hasMessageContaining(
                "is not a stack name");
        assertThatThrownBy(() -> plan(shop("environments", List.of("dev", "dev-eu")))).hasMessageContaining(
                "\"dev-eu\" is not a stack name");
        assertThatThrownBy(() -> plan(shop("oidcProviderArn", "arn:aws:iam::1:oidc-provider/x")))
                .hasMessageContaining("is not the ARN of a GitHub Actions OIDC provider");
        assertThatThrownBy(() -> plan(shop("colour", "blue"))).hasMessageContaining("colour");
    }

    @Test
    void theShippedStackFilePlans() {
        var file = Project.DIR.resolve("bootstrap/Pulumi.identity.yaml");
        assertThat(com.tapstack.config.YamlFiles.readMapping(Project.DIR.resolve("bootstrap/Pulumi.yaml"), "Pulumi.yaml",
                "a project file").get("name")).isEqualTo(SHIPPED.name());
        var source = StackFileSource.read(SHIPPED, file);
        var plan = OfflineEngine.plan(SHIPPED.name(), "identity", new SimulatedAccount("210987654321",
                "us-east-1"), UnaryOperator.identity(), ctx -> DeployIdentityProgram.define(ctx, source));
        var stackProject = ProjectFile.read(Project.DIR).name();
        assertThat(plan.byType("aws:iam/role:Role")).extracting(r -> r.input("name"))
                .containsExactly(stackProject + "-deploy-dev", stackProject + "-deploy-prod");
    }

    @Test
    void aPreviewRoleIsTrustedOnlyByItsPreviewEnvironmentAndOnlyLooksUpAndReadsItsOwnState() {
        var plan = plan(shop("stateBucket", "acme-pulumi-state", "previewEnvironments", List.of("prod")));
        var role = plan.byType("aws:iam/role:Role").stream()
                .filter(r -> r.inputString("name").equals("shop-preview-prod")).findFirst().orElseThrow();
        assertThat(JsonParser.parseString(role.inputString("assumeRolePolicy"))).isEqualTo(JsonParser.parseString(
                DeployIdentity.trust("arn:aws:iam::210987654321:oidc-provider/token.actions.githubusercontent.com",
                        "repo:acme/shop:environment:prod-preview").toJson()));
        assertThat(role.input("maxSessionDuration")).isEqualTo(3_600L);
        var policy = plan.byType("aws:iam/policy:Policy").stream()
                .filter(p -> p.inputString("name").equals("shop-preview-prod-lookups")).findFirst().orElseThrow();
        var problems = new ArrayList<String>();
        var actions = new ArrayList<String>();
        var state = new ArrayList<String>();
        for (var element : JsonParser.parseString(policy.inputString("policy")).getAsJsonObject()
                .getAsJsonArray("Statement")) {
            var statement = element.getAsJsonObject();
            if (statement.get("Effect").getAsString().equals("Deny")) {
                assertThat(statement.get("Sid").getAsString()).isEqualTo("NoRoleChaining");
                assertThat(strings(statement.get("Action"))).contains("sts:AssumeRole");
                continue;
            }
            if (strings(statement.get("Action")).contains("s3:GetObject")) {
                state.addAll(strings(statement.get("Resource")));
            }
            var conditionKeys = new ArrayList<String>();
            if (statement.has("Condition")) {
                statement.getAsJsonObject("Condition").entrySet().forEach(op -> conditionKeys.addAll(
                        op.getValue().getAsJsonObject().keySet()));
            }
            StatementCheck.problems(strings(statement.get("Action")), strings(statement.get("Resource")), conditionKeys,
                    false).forEach(p -> problems.add(statement.get("Sid") + ": " + p));
            actions.addAll(strings(statement.get("Action")));
        }
        assertThat(problems).isEmpty();
        // Reads only: Describe, Get, List (and the caller's identity), and a state machine's validation, which a
        // diff calls and which changes nothing.
        assertThat(actions).isNotEmpty().allMatch(a -> a.split(":")[1].matches("(Describe|Get|List).*")
                || a.equals("states:ValidateStateMachineDefinition"), "a read");
        assertThat(actions).contains("s3:GetObject", "s3:ListBucket", "ecr:DescribeImages",
                "ec2:DescribeAvailabilityZones");
        // The environment's own state, not the other projects' and environments' in the same bucket.
        assertThat(state).containsExactlyInAnyOrder("arn:aws:s3:::acme-pulumi-state/.pulumi/meta.yaml",
                "arn:aws:s3:::acme-pulumi-state/.pulumi/stacks/shop/prod.json*",
                "arn:aws:s3:::acme-pulumi-state/.pulumi/stacks/prod.json*");
        assertThat(plan.byType("aws:iam/rolePolicyAttachment:RolePolicyAttachment"))
                .anySatisfy(a -> assertThat(a.dependencies()).contains(policy.urn(), role.urn()));
        // The dev environment has no reviewers to read a preview before its update: no preview role.
        assertThat(plan.byType("aws:iam/role:Role")).extracting(r -> r.input("name")).doesNotContain("shop-preview-dev");
    }

    @Test
    void previewRolesAreOnlyForTheEnvironmentsNamed() {
        // None by default: the -preview environment has to exist, limited to main, before a role trusts it.
        assertThat(plan(shop()).byType("aws:iam/role:Role")).extracting(r -> r.input("name"))
                .containsExactly("shop-deploy-dev", "shop-deploy-prod");
        assertThat(plan(shop("environments", List.of("dev", "staging"), "previewEnvironments", List.of("staging")))
                .byType("aws:iam/role:Role")).extracting(r -> r.input("name"))
                .containsExactly("shop-deploy-dev", "shop-deploy-staging", "shop-preview-staging");
    }

    @Test
    void anEnvironmentNamedLikeAWordOfTheRolesNamesIsRefused() {
        // Its deploy role would manage shop-deploy-* roles: every other environment's deploy role.
        assertThatThrownBy(() -> plan(shop("environments", List.of("dev", "deploy")))).isInstanceOf(ConfigException.class)
                .hasMessageContaining(PROJECT + ":environments").hasMessageContaining("\"deploy\" is a word of the roles' names");
        assertThatThrownBy(() -> plan(shop("environments", List.of("preview", "prod"))))
                .hasMessageContaining("\"preview\" is a word of the roles' names");
        assertThatThrownBy(() -> plan(shop("previewEnvironments", List.of("staging"))))
                .hasMessageContaining(PROJECT + ":previewEnvironments").hasMessageContaining("\"staging\" is not one of"
                        + " the environments [dev, prod]");
    }
}
