package com.tapstack.config.service;

import com.tapstack.config.ConfigException;
import com.tapstack.config.ConfigNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads {@code tap:services}: each service's fields, then the rules between services (callers and callees,
 * load balancer routing). The first value that cannot be deployed ends in one {@link ConfigException}.
 */
public final class ServiceConfigReader {

    static final String IMAGE = "image";
    static final Set<String> FIELDS = Set.of(IMAGE, "ecrRepository", "cpu", "memory", "architecture", "port",
            "public", "pathPatterns", "hostHeaders", "healthCheck", "healthCheckGracePeriod", "deregistrationDelay",
            "containerHealthCheck", "desiredCount", "minCount", "maxCount", "cpuTarget", "memoryTarget",
            "environment", "secrets", "permissions", "calls", "readonlyRootFilesystem", "user", "writablePaths",
            "command", "entryPoint", "exec", "database");

    private static final Pattern SERVICE_NAME = Pattern.compile("^[a-z][a-z0-9-]{0,19}$");
    private static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
    private static final Pattern USER = Pattern.compile("^[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)?$");
    private static final Pattern PATH_PATTERN = Pattern.compile("^/[A-Za-z0-9_\\-.$/~\"'@:+*?&]{0,127}$");
    private static final Pattern HOST_HEADER = Pattern.compile("^(\\*\\.)?([A-Za-z0-9-]+\\.)*[A-Za-z0-9-]+$");
    private static final Pattern MATCHER = Pattern.compile("^\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*$");
    /** Plain absolute paths: no spaces, quotes or other characters a shell or a mount would read. */
    private static final Pattern PLAIN_PATH = Pattern.compile("^(/[A-Za-z0-9_.@+-]+)+$");
    /** Kernel and device filesystems a volume must not hide. */
    private static final Set<String> SYSTEM_PATHS = Set.of("/proc", "/sys", "/dev");
    private static final String SERVICE_NAME_RULE = "1 to 20 lowercase letters, digits or hyphens, starting with a letter";
    /** Parts the stack's own resources use in physical names; a service of that name would collide with them. */
    static final Set<String> RESERVED_NAMES = Set.of("alb", "cluster", "ecs-exec", "stack-key", "vpc",
            "vpc-flow-logs", "igw", "database", "db", "waf", "alarms", "alerts", "dashboard", "endpoints",
            "alb-logs", "parameters");

    private ServiceConfigReader() {
    }

    /** Reads every service under {@code services} (possibly none). */
    public static Map<String, ServiceConfig> read(ConfigNode services) {
        var result = new TreeMap<String, ServiceConfig>();
        for (var name : services.fields()) {
            if (!SERVICE_NAME.matcher(name).matches() || name.endsWith("-")) {
                throw services.error(name, "is not a service name that fits AWS names", SERVICE_NAME_RULE);
            }
            if (RESERVED_NAMES.contains(name) || name.matches("^(alb|endpoints)-\\d+$")) {
                throw services.error(name, "is a name the stack's own resources use", SERVICE_NAME_RULE + ", other"
                        + " than " + String.join(", ", new java.util.TreeSet<>(RESERVED_NAMES)) + ", alb-<n> and"
                        + " endpoints-<n>");
            }
            var node = services.optionalObject(name, "a mapping of service settings, e.g. {image: ..., port: 8080}")
                    .orElseThrow(() -> services.invalid(name, "is empty", "a mapping of service settings"));
            result.put(name, readService(name, node));
        }
        checkCalls(services, result);
        checkRouting(services, result);
        return result;
    }

    private static ServiceConfig readService(String name, ConfigNode node) {
        node.rejectUnknownFields(FIELDS);
        var image = ImageReader.read(node);
        boolean isPublic = node.optionalBoolean("public").orElse(false);
        var port = optionalRange(node, "port", 1, 65535);
        if (isPublic && port.isEmpty()) {
            throw node.missing("port", "the container port the load balancer sends traffic to, 1 to 65535");
        }
        var pathPatterns = node.stringList("pathPatterns", "paths such as /api/*");
        var hostHeaders = node.stringList("hostHeaders", "host names such as api.example.com");
        checkRoutingValues(node, isPublic, pathPatterns, hostHeaders);
        var environment = environment(node);
        var secrets = SecretReader.read(node.object("secrets", SecretReader.ALLOWED));
        var readonlyRootFilesystem = node.optionalBoolean("readonlyRootFilesystem").orElse(true);
        for (var secretName : secrets.keySet()) {
            if (environment.containsKey(secretName)) {
                throw node.error("secrets." + secretName, "is also set in environment", "each variable in one of"
                        + " environment or secrets");
            }
        }
        return new ServiceConfig(
                name,
                image,
                node.optionalBoolean("ecrRepository").orElse(false),
                size(node),
                architecture(node),
                port,
                isPublic,
                pathPatterns,
                hostHeaders,
                targetHealthCheck(node),
                optionalRange(node, "healthCheckGracePeriod", 0, 2_147_483_647)
                        .orElse(ServiceConfig.DEFAULT_GRACE_PERIOD_SECONDS),
                optionalRange(node, "deregistrationDelay", 0, 3600)
                        .orElse(ServiceConfig.DEFAULT_DEREGISTRATION_DELAY_SECONDS),
                containerHealthCheck(node),
                scaling(node),
                environment,
                secrets,
                PermissionReader.read(node),
                node.stringList("calls", "names of the services this one calls"),
                readonlyRootFilesystem,
                user(node),
                writablePaths(node),
                node.stringList("command", "the command as a list of strings"),
                node.stringList("entryPoint", "the entry point as a list of strings"),
                exec(node, readonlyRootFilesystem),
                usesDatabase(node, environment, secrets));
    }

    private static boolean usesDatabase(ConfigNode node, Map<String, String> environment, Map<String, SecretRef> secrets) {
        var uses = node.optionalBoolean("database").orElse(false);
        if (uses) {
            for (var variable : ServiceConfig.DATABASE_VARIABLES) {
                if (environment.containsKey(variable) || secrets.containsKey(variable)) {
                    throw node.error(environment.containsKey(variable) ? "environment." + variable : "secrets." + variable,
                            "is set by the database connection", "other names than "
                                    + String.join(", ", ServiceConfig.DATABASE_VARIABLES));
                }
            }
        }
        return uses;
    }

    private static FargateSize size(ConfigNode node) {
        var cpuRule = "one of " + FargateSize.joinOr(FargateSize.cpuValues().stream().map(String::valueOf).toList())
                + " CPU units";
        int cpu = node.optionalInt("cpu", cpuRule).orElse(ServiceConfig.DEFAULT_CPU);
        if (FargateSize.memoryFor(cpu).isEmpty()) {
            throw node.invalid("cpu", "is not a Fargate CPU size", cpuRule);
        }
        int memory = node.optionalInt("memory", "MiB for cpu " + cpu + ": " + FargateSize.describeMemoryFor(cpu))
                .orElse(ServiceConfig.DEFAULT_MEMORY);
        if (!FargateSize.isValid(cpu, memory)) {
            throw new ConfigException(node.origin(), node.key("memory"), memory + " MiB is not a Fargate size for cpu "
                    + cpu + " (nearest valid pairs: " + FargateSize.describe(FargateSize.nearest(cpu, memory, 2)) + ")",
                    "for cpu " + cpu + ": " + FargateSize.describeMemoryFor(cpu));
        }
        return new FargateSize(cpu, memory);
    }

    private static String architecture(ConfigNode node) {
        var value = node.optionalString("architecture", "X86_64 or ARM64").orElse(ServiceConfig.DEFAULT_ARCHITECTURE);
        if (!value.equals("X86_64") && !value.equals("ARM64")) {
            throw node.invalid("architecture", "is not a Fargate CPU architecture", "X86_64 or ARM64");
        }
        return value;
    }

    private static void checkRoutingValues(ConfigNode node, boolean isPublic, List<String> paths, List<String> hosts) {
        if (!isPublic && !(paths.isEmpty() && hosts.isEmpty())) {
            var field = paths.isEmpty() ? "hostHeaders" : "pathPatterns";
            throw node.error(field, "routes load balancer traffic, but the service is not public",
                    "routing only on services with public: true");
        }
        for (var path : paths) {
            if (!PATH_PATTERN.matcher(path).matches()) {
                throw node.error("pathPatterns", ConfigNode.show(path) + " is not a load balancer path pattern",
                        "paths starting with /, up to 128 characters, * and ? as wildcards");
            }
            if (path.equals("/*") || path.equals("*")) {
                throw node.error("pathPatterns", ConfigNode.show(path) + " matches every request, which is what the"
                        + " listener's default action already does", "a narrower path such as /api/*");
            }
        }
        for (var host : hosts) {
            if (host.length() > 128 || !HOST_HEADER.matcher(host).matches()) {
                throw node.error("hostHeaders", ConfigNode.show(host) + " is not a host name",
                        "host names such as api.example.com or *.example.com");
            }
        }
        if (paths.size() + hosts.size() > 5) {
            throw node.error("pathPatterns", "and hostHeaders have " + (paths.size() + hosts.size())
                    + " values, more than one listener rule takes", "at most 5 values together");
        }
    }

    private static TargetHealthCheck targetHealthCheck(ConfigNode service) {
        var node = service.object("healthCheck", "a mapping: path, interval, timeout, healthyThreshold,"
                + " unhealthyThreshold, matcher");
        node.rejectUnknownFields(Set.of("path", "interval", "timeout", "healthyThreshold", "unhealthyThreshold",
                "matcher"));
        var path = node.optionalString("path", "a path starting with /").orElse(TargetHealthCheck.DEFAULT_PATH);
        if (!path.startsWith("/") || path.length() > 1024) {
            throw node.invalid("path", "is not a health check path", "a path starting with /, up to 1024 characters");
        }
        int interval = optionalRange(node, "interval", 5, 300).orElse(TargetHealthCheck.DEFAULT_INTERVAL);
        int timeout = optionalRange(node, "timeout", 2, 120).orElse(TargetHealthCheck.DEFAULT_TIMEOUT);
        if (timeout >= interval) {
            throw node.error("timeout", timeout + " is not below the interval of " + interval
                    + " seconds (AWS rejects it: a check must time out before the next one starts)",
                    "2 to " + (interval - 1) + " seconds for interval " + interval);
        }
        var matcher = node.optionalString("matcher", "HTTP codes 200 to 499").orElse(TargetHealthCheck.DEFAULT_MATCHER);
        if (!MATCHER.matcher(matcher).matches() || !matcherInRange(matcher)) {
            throw node.invalid("matcher", "is not a set of HTTP codes an ALB health check accepts",
                    "codes 200 to 499: one (200), a list (200,202) or a range (200-299)");
        }
        return new TargetHealthCheck(path, interval, timeout,
                optionalRange(node, "healthyThreshold", 2, 10).orElse(TargetHealthCheck.DEFAULT_HEALTHY_THRESHOLD),
                optionalRange(node, "unhealthyThreshold", 2, 10).orElse(TargetHealthCheck.DEFAULT_UNHEALTHY_THRESHOLD),
                matcher);
    }

    private static boolean matcherInRange(String matcher) {
        for (var part : matcher.split("[,-]")) {
            int code = Integer.parseInt(part);
            if (code < 200 || code > 499) {
                return false;
            }
        }
        return true;
    }

    private static Optional<ContainerHealthCheck> containerHealthCheck(ConfigNode service) {
        var allowed = "a mapping: command (starting with CMD or CMD-SHELL), interval, timeout, retries, startPeriod";
        var maybe = service.optionalObject("containerHealthCheck", allowed);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        var node = maybe.get();
        node.rejectUnknownFields(Set.of("command", "interval", "timeout", "retries", "startPeriod"));
        var command = node.stringList("command", "a list starting with CMD or CMD-SHELL");
        if (command.size() < 2 || !(command.get(0).equals("CMD") || command.get(0).equals("CMD-SHELL"))) {
            throw node.error("command", ConfigNode.show(command) + " is not a container health check command",
                    "a list starting with CMD or CMD-SHELL, e.g. [CMD-SHELL, \"curl -f http://localhost:8080/ || exit 1\"]");
        }
        int interval = optionalRange(node, "interval", 5, 300).orElse(ContainerHealthCheck.DEFAULT_INTERVAL);
        int timeout = optionalRange(node, "timeout", 2, 60).orElse(ContainerHealthCheck.DEFAULT_TIMEOUT);
        if (timeout >= interval) {
            throw node.error("timeout", timeout + " is not below the interval of " + interval + " seconds",
                    "2 to " + Math.min(60, interval - 1) + " seconds for interval " + interval);
        }
        return Optional.of(new ContainerHealthCheck(command, interval, timeout,
                optionalRange(node, "retries", 1, 10).orElse(ContainerHealthCheck.DEFAULT_RETRIES),
                optionalRange(node, "startPeriod", 0, 300).orElse(ContainerHealthCheck.DEFAULT_START_PERIOD)));
    }

    private static Scaling scaling(ConfigNode node) {
        int max = optionalRange(node, "maxCount", 1, 5000).orElse(Scaling.DEFAULT_MAX);
        int min = optionalRange(node, "minCount", 0, max).orElse(Math.min(Scaling.DEFAULT_MIN, max));
        int desired = optionalRange(node, "desiredCount", min, max).orElse(Math.max(min, Math.min(Scaling.DEFAULT_DESIRED, max)));
        return new Scaling(desired, min, max,
                optionalRange(node, "cpuTarget", 1, 100).orElse(Scaling.DEFAULT_TARGET_PERCENT),
                optionalRange(node, "memoryTarget", 1, 100).orElse(Scaling.DEFAULT_TARGET_PERCENT));
    }

    private static Map<String, String> environment(ConfigNode service) {
        var node = service.object("environment", "a mapping of variable name to value");
        var result = new LinkedHashMap<String, String>();
        for (var name : node.fields()) {
            if (!ENV_NAME.matcher(name).matches()) {
                throw node.error(name, "is not an environment variable name", "letters, digits and _, not starting"
                        + " with a digit");
            }
            result.put(name, node.requireString(name, "text"));
        }
        return result;
    }

    private static Optional<String> user(ConfigNode node) {
        var allowed = "a user name or uid, optionally with :group or :gid, e.g. 1000:1000";
        var user = node.optionalString("user", allowed);
        if (user.isPresent() && !USER.matcher(user.get()).matches()) {
            throw node.invalid("user", "is not a container user", allowed);
        }
        return user;
    }

    private static List<String> writablePaths(ConfigNode node) {
        var allowed = "at most 10 distinct absolute paths of letters, digits and _ . @ + -, such as /tmp, not under"
                + " /proc, /sys or /dev";
        var paths = node.stringList("writablePaths", allowed);
        var seen = new LinkedHashSet<String>();
        for (var path : paths) {
            var segments = List.of(path.split("/"));
            if (!PLAIN_PATH.matcher(path).matches() || segments.contains("..") || segments.contains(".")
                    || !seen.add(path)) {
                throw node.error("writablePaths", ConfigNode.show(path) + " is not a distinct plain absolute path",
                        allowed);
            }
            if (SYSTEM_PATHS.stream().anyMatch(system -> path.equals(system) || path.startsWith(system + "/"))) {
                throw node.error("writablePaths", ConfigNode.show(path) + " would hide a kernel filesystem", allowed);
            }
        }
        if (paths.size() > 10) {
            throw node.error("writablePaths", "has " + paths.size() + " paths", allowed);
        }
        return new ArrayList<>(seen);
    }

    /**
     * ECS Exec needs a writable root: "The SSM agent requires that the container file system is able to be written
     * to ... making the root file system read-only ... isn't supported" (ECS developer guide, ecs-exec.html,
     * Considerations). The community workaround of volumes at the agent's paths is not documented by AWS and on
     * EC2 collides with the agent's own mount at /var/log/amazon/ssm (aws/containers-roadmap#1359, open), so the
     * combination is refused rather than patched.
     */
    private static boolean exec(ConfigNode node, boolean readonlyRootFilesystem) {
        var exec = node.optionalBoolean("exec").orElse(false);
        if (exec && readonlyRootFilesystem) {
            throw node.error("exec", "is true with a read-only root filesystem, which ECS Exec does not support (its"
                    + " agent writes to the container's filesystem)", "exec: false, or readonlyRootFilesystem: false"
                    + " next to exec: true (for debugging environments only)");
        }
        return exec;
    }

    /** Every called service exists, is not the caller and has a port to call. */
    private static void checkCalls(ConfigNode services, Map<String, ServiceConfig> all) {
        for (var service : all.values()) {
            for (var callee : service.calls()) {
                var key = service.name() + ".calls";
                var target = all.get(callee);
                if (target == null) {
                    throw services.error(key, ConfigNode.show(callee) + " is not a service of this stack",
                            "names of other services: " + String.join(", ", all.keySet()));
                }
                if (callee.equals(service.name())) {
                    throw services.error(key, ConfigNode.show(callee) + " is the service itself",
                            "names of other services");
                }
                if (target.port().isEmpty()) {
                    throw services.error(key, ConfigNode.show(callee) + " has no port to call",
                            "services with a port");
                }
            }
        }
    }

    /** With several public services on one load balancer, exactly one takes the default action. */
    private static void checkRouting(ConfigNode services, Map<String, ServiceConfig> all) {
        var publicServices = all.values().stream().filter(ServiceConfig::isPublic).toList();
        if (publicServices.size() < 2) {
            return;
        }
        var defaults = publicServices.stream().filter(s -> !s.hasRoutingRule()).map(ServiceConfig::name).toList();
        if (defaults.size() != 1) {
            var allowed = "exactly one public service without pathPatterns or hostHeaders (it gets every request no"
                    + " rule matches); every other public service with them";
            throw services.errorHere(defaults.isEmpty()
                    ? "every public service has pathPatterns or hostHeaders, so none takes the default action"
                    : "public services " + String.join(", ", defaults) + " have no pathPatterns or hostHeaders",
                    allowed);
        }
    }

    static Optional<Integer> optionalRange(ConfigNode node, String field, int min, int max) {
        var allowed = min + " to " + max;
        var value = node.optionalInt(field, allowed);
        if (value.isPresent() && (value.get() < min || value.get() > max)) {
            throw node.invalid(field, "is out of range", allowed);
        }
        return value;
    }
}
