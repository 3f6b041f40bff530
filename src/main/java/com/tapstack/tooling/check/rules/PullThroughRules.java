package com.tapstack.tooling.check.rules;

import static com.tapstack.tooling.check.CheckContext.TASK_DEFINITION;

import com.tapstack.tooling.check.CheckContext;
import com.tapstack.tooling.check.PolicyEvaluator;
import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Optional;

/**
 * Images pulled through an ECR pull through cache rule (TAP204, TAP205). A public image in a subnet without NAT and
 * without the cache is TAP602's; these cover the cache's own ways to fail a task start.
 */
public final class PullThroughRules {

    static final String RULE = "aws:ecr/pullThroughCacheRule:PullThroughCacheRule";

    private PullThroughRules() {
    }

    public static List<Rule> rules() {
        return List.of(FIRST_PULL_WITHOUT_NAT, EXECUTION_ROLE_IMPORTS);
    }

    static final Rule FIRST_PULL_WITHOUT_NAT = Rule.of("TAP204", Severity.MEDIUM,
            "The first pull through the cache has a way to the image",
            "AWS notes that the first pull of an image through a pull through cache may need a route to the internet"
                    + " when ECR is reached through its VPC endpoints (ECR user guide, pull-through-cache.html): without"
                    + " NAT a new image can fail its first task start.",
            (context, findings) -> forEachCachedContainer(context, (launcher, rule, image, repository) -> {
                var service = launcher.launcher();
                var subnets = launcher.privateSubnets();
                var withoutNat = subnets.stream().filter(subnet -> context.defaultRouteOfSubnet(subnet)
                        .map(route -> route.get("natGatewayId") == null).orElse(true)).toList();
                if (withoutNat.isEmpty()) {
                    return;
                }
                findings.report(service, "image " + image + " comes through pull through cache rule "
                        + rule.inputString("ecrRepositoryPrefix") + " (" + rule.inputString("upstreamRegistryUrl")
                        + "), and subnet " + withoutNat.get(0) + " has no route to a NAT gateway; pull it once through"
                        + " the cache from outside the VPC before the first deployment (docker pull " + image
                        + ", e.g. in CI), then suppress this finding, or use " + context.key("natStrategy")
                        + " single or perAz");
            }));

    static final Rule EXECUTION_ROLE_IMPORTS = Rule.of("TAP205", Severity.HIGH,
            "The execution role can import a cached image from upstream",
            "The first pull of an image through a pull through cache needs ecr:BatchImportUpstreamImage, and"
                    + " ecr:CreateRepository while its repository does not exist (ECR user guide,"
                    + " pull-through-cache-iam.html): without them the task never starts.",
            (context, findings) -> {
                for (var task : context.all(TASK_DEFINITION)) {
                    var role = context.roleByArn(task.input("executionRoleArn"));
                    if (role.isEmpty() || context.hasManagedPolicies(role.get())) {
                        continue;
                    }
                    for (var container : context.containersOf(task)) {
                        var image = String.valueOf(container.get("image"));
                        var cached = cachedRepository(context, image);
                        if (cached.isEmpty()) {
                            continue;
                        }
                        var arn = context.arn("ecr", "repository/" + cached.get().repository());
                        var statements = context.statementsOf(role.get());
                        var missing = com.tapstack.service.TaskPolicies.PULL_THROUGH_ACTIONS.stream()
                                .filter(action -> !PolicyEvaluator.allows(statements, action, arn)).toList();
                        if (!missing.isEmpty()) {
                            findings.report(task, "execution role " + role.get().inputString("name") + " cannot "
                                    + "import " + image + " through the cache; allow " + String.join(" and ", missing)
                                    + " on " + arn);
                        }
                    }
                }
            });

    /** A container image of this account's and region's ECR under a pull through cache rule's prefix. */
    record Cached(PlannedResource rule, String repository) {
    }

    static Optional<Cached> cachedRepository(CheckContext context, String image) {
        var matcher = IamRules.ECR_IMAGE.matcher(image);
        if (!matcher.matches() || !matcher.group(1).equals(context.accountId())
                || !matcher.group(2).equals(context.region())) {
            return Optional.empty();
        }
        var repository = matcher.group(4);
        return context.all(RULE).stream()
                .filter(rule -> repository.startsWith(rule.inputString("ecrRepositoryPrefix") + "/"))
                .findFirst().map(rule -> new Cached(rule, repository));
    }

    /** Each cached image a service's or a scheduled task's containers run, with what starts them. */
    private static void forEachCachedContainer(CheckContext context, CachedCheck check) {
        for (var launcher : context.taskLaunchers()) {
            for (var container : launcher.taskDefinition().map(context::containersOf).orElse(List.of())) {
                var image = String.valueOf(container.get("image"));
                cachedRepository(context, image).ifPresent(cached -> check.run(launcher, cached.rule(), image,
                        cached.repository()));
            }
        }
    }

    @FunctionalInterface
    private interface CachedCheck {
        void run(CheckContext.TaskLauncher launcher, PlannedResource rule, String image, String repository);
    }
}
