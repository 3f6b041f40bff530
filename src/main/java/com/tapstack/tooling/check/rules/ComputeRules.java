package com.tapstack.tooling.check.rules;

import static com.tapstack.tooling.check.CheckContext.ECS_SERVICE;
import static com.tapstack.tooling.check.CheckContext.TASK_DEFINITION;

import com.tapstack.config.service.FargateSize;
import com.tapstack.tooling.check.CheckContext;
import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** ECS tasks and services (TAP1xx). */
public final class ComputeRules {

    static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}$");
    static final Pattern SECRET_LIKE = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|ACCESS_?KEY).*");
    /** Names that point at a secret rather than hold it. */
    static final Pattern SECRET_POINTER = Pattern.compile("(?i).*_(ARN|NAME|PATH|FILE|ID|URL|URI|ENDPOINT)$");
    static final Pattern SSM_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\\d{12}:parameter/[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*$");
    static final Pattern SSM_NAME = Pattern.compile("^/?[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*$");
    static final Pattern SECRET_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@!-]+(:[^:]*:[^:]*:[^:]*)?$");

    private ComputeRules() {
    }

    public static List<Rule> rules() {
        return List.of(FARGATE_SIZE, CONTAINER_SIZES, IMAGE_DIGEST, CIRCUIT_BREAKER, PUBLIC_IP, PUBLIC_SUBNET,
                PLAIN_SECRET, SECRET_FORMAT, NO_LOGS, WRITABLE_ROOT, PRIVILEGED, NETWORK_CONFIGURATION, DISCOVERY_RECORDS,
                AUTOSCALING, WAITS_FOR_LISTENER, FARGATE_ONLY, DESIRED_COUNT_OWNED_BY_SCALING);
    }

    static final Rule FARGATE_SIZE = Rule.of("TAP101", Severity.CRITICAL, "Fargate task size is a valid CPU/memory pair",
            "Fargate accepts 74 CPU/memory pairs; any other is refused when the task definition registers.",
            (context, findings) -> fargateTasks(context).forEach(task -> {
                var cpu = number(task.input("cpu"));
                var memory = number(task.input("memory"));
                if (cpu == null || memory == null || !FargateSize.isValid(cpu, memory)) {
                    findings.report(task, "cpu " + task.input("cpu") + " with memory " + task.input("memory")
                            + " is not a Fargate size; use one of the nearest pairs: "
                            + FargateSize.describe(FargateSize.nearest(cpu == null ? 256 : cpu,
                            memory == null ? 512 : memory, 2)));
                }
            }));

    static final Rule CONTAINER_SIZES = Rule.of("TAP102", Severity.CRITICAL,
            "Containers fit inside the task's CPU and memory",
            "ECS refuses a task definition whose containers reserve more CPU or memory than the task has.",
            (context, findings) -> fargateTasks(context).forEach(task -> {
                var cpu = number(task.input("cpu"));
                var memory = number(task.input("memory"));
                int containerCpu = 0;
                int containerMemory = 0;
                for (var container : context.containersOf(task)) {
                    containerCpu += intOf(container.get("cpu"));
                    containerMemory += Math.max(intOf(container.get("memory")), intOf(container.get("memoryReservation")));
                }
                if (cpu != null && containerCpu > cpu) {
                    findings.report(task, "containers reserve " + containerCpu + " CPU units but the task has " + cpu
                            + "; lower the containers' cpu or raise the task's");
                }
                if (memory != null && containerMemory > memory) {
                    findings.report(task, "containers reserve " + containerMemory + " MiB but the task has " + memory
                            + "; lower the containers' memory or raise the task's");
                }
            }));

    static final Rule IMAGE_DIGEST = Rule.of("TAP103", Severity.HIGH, "Images are pinned by digest",
            "A tag such as latest can point at another image tomorrow, and a rollback would not restore what ran.",
            (context, findings) -> context.all(TASK_DEFINITION).forEach(task -> {
                for (var container : context.containersOf(task)) {
                    var image = String.valueOf(container.get("image"));
                    if (!DIGEST.matcher(image).matches()) {
                        findings.report(task, "container " + container.get("name") + " runs " + image
                                + ", which is not pinned; use <image>@sha256:<digest> (docker buildx imagetools"
                                + " inspect prints it) or image: {repository: ..., digest: ...}");
                    }
                }
            }));

    static final Rule CIRCUIT_BREAKER = Rule.of("TAP104", Severity.HIGH,
            "Services roll back failed deployments", "Without the circuit breaker a deployment that never becomes"
                    + " healthy keeps replacing tasks until someone notices.",
            (context, findings) -> context.all(ECS_SERVICE).forEach(service -> {
                var breaker = service.input("deploymentCircuitBreaker");
                if (!(breaker instanceof Map<?, ?> map) || !Boolean.TRUE.equals(map.get("enable"))
                        || !Boolean.TRUE.equals(map.get("rollback"))) {
                    findings.report(service, "deploymentCircuitBreaker is not {enable: true, rollback: true}; set both");
                }
            }));

    static final Rule PUBLIC_IP = Rule.of("TAP105", Severity.HIGH, "Tasks get no public IP",
            "A public IP makes every task reachable from the internet, past the load balancer (Security Hub ECS.2).",
            (context, findings) -> context.all(ECS_SERVICE).forEach(service -> {
                if (Boolean.TRUE.equals(service.inputAt("networkConfiguration.assignPublicIp"))) {
                    findings.report(service, "assignPublicIp is true; run tasks in private subnets with"
                            + " assignPublicIp false and reach the internet through NAT or VPC endpoints");
                }
            }));

    static final Rule PUBLIC_SUBNET = Rule.of("TAP106", Severity.HIGH, "Tasks run in private subnets",
            "A subnet whose default route is an internet gateway exposes tasks to the internet.",
            (context, findings) -> context.all(ECS_SERVICE).forEach(service -> {
                for (var subnet : strings(service.inputAt("networkConfiguration.subnets"))) {
                    var route = context.defaultRouteOfSubnet(subnet);
                    if (route.isPresent() && String.valueOf(route.get().get("gatewayId")).startsWith("igw-")) {
                        findings.report(service, "subnet " + subnet + " routes to an internet gateway; place the"
                                + " service in the private subnets");
                    }
                }
            }));

    static final Rule PLAIN_SECRET = Rule.of("TAP107", Severity.HIGH, "Secrets are not plain environment variables",
            "A plain variable is visible in the task definition, the console and the state; secrets belong in"
                    + " secrets (SSM or Secrets Manager).",
            (context, findings) -> context.all(TASK_DEFINITION).forEach(task -> {
                for (var container : context.containersOf(task)) {
                    for (var variable : maps(container.get("environment"))) {
                        var name = String.valueOf(variable.get("name"));
                        if (SECRET_LIKE.matcher(name).matches() && !SECRET_POINTER.matcher(name).matches()) {
                            findings.report(task, "container " + container.get("name") + " gets " + name
                                    + " as a plain environment variable; move it to secrets (an SSM SecureString or"
                                    + " a Secrets Manager secret)");
                        }
                    }
                }
            }));

    static final Rule SECRET_FORMAT = Rule.of("TAP108", Severity.CRITICAL, "Secret references are well formed",
            "ECS refuses a valueFrom that is neither an SSM parameter nor a Secrets Manager ARN, and a doubled"
                    + " slash in a parameter ARN never matches the role's permission.",
            (context, findings) -> context.all(TASK_DEFINITION).forEach(task -> {
                for (var container : context.containersOf(task)) {
                    for (var secret : maps(container.get("secrets"))) {
                        var valueFrom = String.valueOf(secret.get("valueFrom"));
                        if (!wellFormedValueFrom(valueFrom)) {
                            findings.report(task, "secret " + secret.get("name") + " has valueFrom " + valueFrom
                                    + ", which ECS cannot resolve; use arn:aws:ssm:<region>:<account>:parameter/<name>"
                                    + " or arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 chars>"
                                    + "[:<json-key>::]");
                        }
                    }
                }
            }));

    static final Rule NO_LOGS = Rule.of("TAP109", Severity.MEDIUM, "Containers send logs somewhere",
            "A container without a log driver loses its output (Security Hub ECS.9).",
            (context, findings) -> context.all(TASK_DEFINITION).forEach(task -> {
                for (var container : context.containersOf(task)) {
                    if (!(container.get("logConfiguration") instanceof Map<?, ?> log) || log.get("logDriver") == null) {
                        findings.report(task, "container " + container.get("name") + " has no logConfiguration; use"
                                + " the awslogs driver with the service's log group");
                    }
                }
            }));

    static final Rule WRITABLE_ROOT = Rule.of("TAP110", Severity.MEDIUM, "Root filesystems are read-only",
            "A writable root filesystem lets a compromised process change the image's binaries (Security Hub ECS.5);"
                    + " ECS Exec needs one, which only an unprotected environment should accept.",
            (context, findings) -> context.all(TASK_DEFINITION).forEach(task -> {
                var exec = context.servicesOf(task).stream()
                        .anyMatch(service -> Boolean.TRUE.equals(service.input("enableExecuteCommand")));
                if (exec && !context.protectedEnvironment()) {
                    return;
                }
                for (var container : context.containersOf(task)) {
                    if (!Boolean.TRUE.equals(container.get("readonlyRootFilesystem"))) {
                        findings.report(task, "container " + container.get("name") + " has a writable root filesystem;"
                                + (exec ? " ECS Exec needs it, so turn exec off in this protected environment and"
                                + " set readonlyRootFilesystem" : " set readonlyRootFilesystem")
                                + " and list the paths it writes in writablePaths");
                    }
                }
            }));

    static final Rule PRIVILEGED = Rule.of("TAP111", Severity.HIGH, "Containers are not privileged",
            "A privileged container has root on the host (Security Hub ECS.4).",
            (context, findings) -> context.all(TASK_DEFINITION).forEach(task -> {
                for (var container : context.containersOf(task)) {
                    if (Boolean.TRUE.equals(container.get("privileged"))) {
                        findings.report(task, "container " + container.get("name") + " is privileged; remove it");
                    }
                }
            }));

    static final Rule NETWORK_CONFIGURATION = Rule.of("TAP112", Severity.CRITICAL,
            "Fargate services say where their tasks run",
            "An awsvpc service without subnets and security groups is refused when it is created.",
            (context, findings) -> context.all(ECS_SERVICE).forEach(service -> {
                if (strings(service.inputAt("networkConfiguration.subnets")).isEmpty()
                        || strings(service.inputAt("networkConfiguration.securityGroups")).isEmpty()) {
                    findings.report(service, "has no networkConfiguration subnets or security groups; give it the"
                            + " private subnets and its own security group");
                }
            }));

    static final Rule DISCOVERY_RECORDS = Rule.of("TAP113", Severity.HIGH,
            "Cloud Map registrations can resolve awsvpc tasks",
            "Tasks in awsvpc mode register A (or SRV) records; a private namespace supports only ECS-managed"
                    + " health checks, so other settings leave the name unresolvable.",
            (context, findings) -> context.all("aws:servicediscovery/service:Service").forEach(discovery -> {
                var records = maps(discovery.inputAt("dnsConfig.dnsRecords"));
                var usable = !records.isEmpty() && records.stream().allMatch(record ->
                        List.of("A", "AAAA", "SRV").contains(String.valueOf(record.get("type"))));
                if (!usable) {
                    findings.report(discovery, "has no A or SRV records; register {type: A, ttl: 10} with routing"
                            + " policy MULTIVALUE");
                }
                if (discovery.input("healthCheckConfig") != null) {
                    findings.report(discovery, "uses a Route 53 health check, which private namespaces do not"
                            + " support; use healthCheckCustomConfig");
                }
            }));

    static final Rule AUTOSCALING = Rule.of("TAP114", Severity.MEDIUM, "Services scale on load",
            "A fixed task count either wastes money or drops requests; target tracking needs a scalable target,"
                    + " a policy and cooldowns.",
            (context, findings) -> context.all(ECS_SERVICE).forEach(service -> {
                var name = service.inputString("name");
                var target = context.all("aws:appautoscaling/target:Target").stream()
                        .filter(t -> String.valueOf(t.input("resourceId")).endsWith("/" + name)
                                && "ecs:service:DesiredCount".equals(t.input("scalableDimension")))
                        .findFirst();
                if (target.isEmpty()) {
                    findings.report(service, "has no scalable target on ecs:service:DesiredCount; add target tracking"
                            + " on CPU and memory");
                    return;
                }
                var policies = context.all("aws:appautoscaling/policy:Policy").stream()
                        .filter(p -> String.valueOf(p.input("resourceId")).equals(target.get().input("resourceId")))
                        .toList();
                if (policies.isEmpty()) {
                    findings.report(service, "has a scalable target but no scaling policy; add target tracking");
                }
                policies.forEach(policy -> {
                    var configuration = policy.input("targetTrackingScalingPolicyConfiguration");
                    if (configuration instanceof Map<?, ?> map
                            && (map.get("scaleInCooldown") == null || map.get("scaleOutCooldown") == null)) {
                        findings.report(policy, "has no scale-in or scale-out cooldown; set e.g. 300 s in, 60 s out"
                                + " so the service does not thrash");
                    }
                });
            }));

    static final Rule WAITS_FOR_LISTENER = Rule.of("TAP115", Severity.HIGH,
            "Services behind a load balancer wait for its listener",
            "ECS refuses to create a service whose target group is not yet attached to a listener.",
            (context, findings) -> context.all(ECS_SERVICE).forEach(service -> {
                for (var binding : maps(service.input("loadBalancers"))) {
                    var group = String.valueOf(binding.get("targetGroupArn"));
                    var listeners = new java.util.ArrayList<String>();
                    context.all("aws:lb/listener:Listener").forEach(listener -> {
                        if (String.valueOf(listener.input("defaultActions")).contains(group)) {
                            listeners.add(listener.urn());
                        }
                    });
                    context.all("aws:lb/listenerRule:ListenerRule").forEach(rule -> {
                        if (String.valueOf(rule.input("actions")).contains(group)) {
                            listeners.add(rule.urn());
                            context.resolve(rule.input("listenerArn")).ifPresent(l -> listeners.add(l.urn()));
                        }
                    });
                    if (listeners.stream().noneMatch(service.dependencies()::contains)) {
                        findings.report(service, "may be created before a listener routes to " + group
                                + "; make it depend on the listener (dependsOn)");
                    }
                }
            }));

    static final Rule FARGATE_ONLY = Rule.of("TAP116", Severity.HIGH, "Tasks run on Fargate",
            "EC2 launch types need instances, AMIs and patching this stack does not manage.",
            (context, findings) -> {
                context.all(TASK_DEFINITION).forEach(task -> {
                    if (!strings(task.input("requiresCompatibilities")).contains("FARGATE")
                            || !"awsvpc".equals(task.input("networkMode"))) {
                        findings.report(task, "is not a Fargate task definition; set requiresCompatibilities"
                                + " [FARGATE] and networkMode awsvpc");
                    }
                });
                context.all(ECS_SERVICE).forEach(service -> {
                    var launchType = service.input("launchType");
                    if (launchType != null && !"FARGATE".equals(launchType)) {
                        findings.report(service, "launches on " + launchType + "; use the FARGATE capacity providers");
                    }
                });
            });

    static final Rule DESIRED_COUNT_OWNED_BY_SCALING = Rule.of("TAP117", Severity.MEDIUM,
            "Deployments leave the task count to autoscaling",
            "A service that sets desiredCount on every update resets what autoscaling chose, dropping capacity"
                    + " mid-deploy.",
            (context, findings) -> context.all(ECS_SERVICE).forEach(service -> {
                var name = service.inputString("name");
                var scaled = context.all("aws:appautoscaling/target:Target").stream()
                        .anyMatch(t -> String.valueOf(t.input("resourceId")).endsWith("/" + name));
                if (scaled && !service.ignoreChanges().contains("desiredCount")) {
                    findings.report(service, "is autoscaled but updates desiredCount on each deployment; ignore"
                            + " changes to desiredCount");
                }
            }));

    static boolean wellFormedValueFrom(String valueFrom) {
        if (valueFrom.contains("parameter//")) {
            return false;
        }
        if (valueFrom.startsWith("arn:")) {
            return SSM_ARN.matcher(valueFrom).matches() || SECRET_ARN.matcher(valueFrom).matches();
        }
        return SSM_NAME.matcher(valueFrom).matches();
    }

    private static List<com.tapstack.tooling.offline.PlannedResource> fargateTasks(CheckContext context) {
        return context.all(TASK_DEFINITION).stream()
                .filter(task -> strings(task.input("requiresCompatibilities")).contains("FARGATE"))
                .toList();
    }

    static Integer number(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(String.valueOf(value).trim().replaceFirst("\\.0$", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static int intOf(Object value) {
        var number = number(value);
        return number == null ? 0 : number;
    }

    static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list
                ? list.stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList()
                : List.of();
    }
}
