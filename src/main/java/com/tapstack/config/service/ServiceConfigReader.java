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


    private static final Pattern SERVICE_NAME = Pattern.compile("^[a-z][a-z0-9-]{0,19}$");
    private static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
    private static final Pattern USER = Pattern.compile("^[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)?$");
    private static final Pattern PATH_PATTERN = Pattern.compile("^/[A-Za-z0-9_\\-.$/~\"'@:+*?&]{0,127}$");
    private static final Pattern HOST_HEADER = Pattern.compile("^(\\*\\.)?([A-Za-z0-9-]+\\.)*[A-Za-z0-9-]+$");
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
        ScheduledTaskKeys.refuseCallsToScheduledTasks(services, result);
        checkCalls(services, result);
        checkRouting(services, result);
        QueueSettings.checkProducers(services, result);
        return result;
    }

    private static ServiceConfig readService(String name, ConfigNode node) {
        node.rejectUnknownFields(ServiceKeys.KEYS.names());
        ScheduledTaskKeys.refuseServiceKeys(node);
        var image = ImageReader.read(node);
        boolean isPublic = ServiceKeys.PUBLIC.read(node);
        var port = ServiceKeys.PORT.optional(node);
        if (isPublic && port.isEmpty()) {
            throw node.missing(ServiceKeys.PORT.name(), "the container port the load balancer sends traffic to, "
                    + ServiceKeys.PORT.allowed());
        }
        var pathPatterns = ServiceKeys.PATH_PATTERNS.read(node);
        var hostHeaders = ServiceKeys.HOST_HEADERS.read(node);
        checkRoutingValues(node, isPublic, pathPatterns, hostHeaders);
        var environment = environment(node, ServiceKeys.ENVIRONMENT);
        var secrets = SecretReader.read(node.object(ServiceKeys.SECRETS.name(), ServiceKeys.SECRETS.allowed()));
        var readonlyRootFilesystem = ServiceKeys.READONLY_ROOT_FILESYSTEM.read(node);
        var user = user(node);
        var writablePaths = writablePaths(node);
        for (var secretName : secrets.keySet()) {
            if (environment.containsKey(secretName)) {
                throw node.error("secrets." + secretName, "is also set in environment", "each variable in one of"
                        + " environment or secrets");
            }
        }
        var size = size(node);
        return new ServiceConfig(
                name,
                image,
                ServiceKeys.ECR_REPOSITORY.read(node),
                size,
                ServiceKeys.ARCHITECTURE.read(node),
                port,
                isPublic,
                pathPatterns,
                hostHeaders,
                TargetHealthCheck.read(node),
                ServiceKeys.HEALTH_CHECK_GRACE_PERIOD.read(node),
                ServiceKeys.DEREGISTRATION_DELAY.read(node),
                ContainerHealthCheck.read(node),
                Scaling.read(node),
                environment,
                secrets,
                PermissionReader.read(node),
                ServiceKeys.CALLS.read(node),
                readonlyRootFilesystem,
                user,
                writablePaths,
                ServiceKeys.COMMAND.read(node),
                ServiceKeys.ENTRY_POINT.read(node),
                exec(node, readonlyRootFilesystem),
                usesDatabase(node, environment, secrets),
                RunSettings.read(node),
                ServiceConnectSettings.read(node, name, port),
                SidecarReader.read(node, name, size, readonlyRootFilesystem,
                        !ServiceKeys.WRITABLE_PATHS.read(node).isEmpty(), port),
                QueueSettings.readFor(node, isPublic),
                ServiceStorage.read(node, name, user, writablePaths),
                TaskSchedule.read(node));
    }

    private static boolean usesDatabase(ConfigNode node, Map<String, String> environment, Map<String, SecretRef> secrets) {
        var uses = ServiceKeys.DATABASE.read(node);
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
        int cpu = ServiceKeys.CPU.read(node);
        int memory = node.optionalInt(ServiceKeys.MEMORY.name(), "MiB for cpu " + cpu + ": "
                + FargateSize.describeMemoryFor(cpu)).orElse(ServiceKeys.MEMORY.defaultValue().orElseThrow());
        if (!FargateSize.isValid(cpu, memory)) {
            throw new ConfigException(node.origin(), node.key("memory"), memory + " MiB is not a Fargate size for cpu "
                    + cpu + " (nearest valid pairs: " + FargateSize.describe(FargateSize.nearest(cpu, memory, 2)) + ")",
                    "for cpu " + cpu + ": " + FargateSize.describeMemoryFor(cpu));
        }
        return new FargateSize(cpu, memory);
    }

    private static void checkRoutingValues(ConfigNode node, boolean isPublic, List<String> paths, List<String> hosts) {
        if (!isPublic && !(paths.isEmpty() && hosts.isEmpty())) {
            var field = paths.isEmpty() ? "hostHeaders" : "pathPatterns";
            throw node.error(field, "routes load balancer traffic, but the service is not public",
                    "routing only on services with public: true");
        }
        for (var path : paths) {
            if (!PATH_PATTERN.matcher(path).matches()) {
                throw node.error(ServiceKeys.PATH_PATTERNS.name(), ConfigNode.show(path) + " is not a load balancer path pattern",
                        "paths starting with /, up to 128 characters, * and ? as wildcards");
            }
            if (path.equals("/*") || path.equals("*")) {
                throw node.error(ServiceKeys.PATH_PATTERNS.name(), ConfigNode.show(path) + " matches every request, which is what the"
                        + " listener's default action already does", "a narrower path such as /api/*");
            }
        }
        for (var host : hosts) {
            if (host.length() > 128 || !HOST_HEADER.matcher(host).matches()) {
                throw node.error(ServiceKeys.HOST_HEADERS.name(), ConfigNode.show(host) + " is not a host name",
                        "host names such as api.example.com or *.example.com");
            }
        }
        if (paths.size() + hosts.size() > 5) {
            throw node.error(ServiceKeys.PATH_PATTERNS.name(), "and hostHeaders have " + (paths.size() + hosts.size())
                    + " values, more than one listener rule takes", "at most 5 values together");
        }
    }

    /** The plain variables under {@code key} of a service or a sidecar, each name one a container takes. */
    static Map<String, String> environment(ConfigNode owner, com.tapstack.config.ConfigKey.Structured key) {
        var node = owner.object(key.name(), key.allowed());
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
        var user = ServiceKeys.USER.optional(node);
        if (user.isPresent() && !USER.matcher(user.get()).matches()) {
            throw node.invalid(ServiceKeys.USER.name(), "is not a container user", ServiceKeys.USER.allowed());
        }
        return user;
    }

    private static List<String> writablePaths(ConfigNode node) {
        var allowed = ServiceKeys.WRITABLE_PATHS.allowed();
        var paths = ServiceKeys.WRITABLE_PATHS.read(node);
        var seen = new LinkedHashSet<String>();
        for (var path : paths) {
            var segments = List.of(path.split("/"));
            if (!PLAIN_PATH.matcher(path).matches() || segments.contains("..") || segments.contains(".")
                    || !seen.add(path)) {
                throw node.error(ServiceKeys.WRITABLE_PATHS.name(), ConfigNode.show(path) + " is not a distinct plain absolute path",
                        allowed);
            }
            if (SYSTEM_PATHS.stream().anyMatch(system -> path.equals(system) || path.startsWith(system + "/"))) {
                throw node.error(ServiceKeys.WRITABLE_PATHS.name(), ConfigNode.show(path) + " would hide a kernel filesystem", allowed);
            }
        }
        if (paths.size() > 10) {
            throw node.error(ServiceKeys.WRITABLE_PATHS.name(), "has " + paths.size() + " paths", allowed);
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
        var exec = ServiceKeys.EXEC.read(node);
        if (exec && readonlyRootFilesystem) {
            throw node.error(ServiceKeys.EXEC.name(), "is true with a read-only root filesystem, which ECS Exec does not support (its"
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
                var target = otherService(services, key, callee, service.name(), "the service itself", all);
                if (target.port().isEmpty()) {
                    throw services.error(key, ConfigNode.show(callee) + " has no port to call",
                            "services with a port");
                }
            }
        }
    }

    /**
     * The service {@code name} (listed under {@code key} by service {@code self}, which {@code selfIs} describes
     * in the error) names: one of the stack's other services, or a one-line error.
     */
    static ServiceConfig otherService(ConfigNode services, String key, String name, String self, String selfIs,
                                      Map<String, ServiceConfig> all) {
        var other = all.get(name);
        if (other == null) {
            throw services.error(key, ConfigNode.show(name) + " is not a service of this stack",
                    "names of other services: " + String.join(", ", all.keySet()));
        }
        if (name.equals(self)) {
            throw services.error(key, ConfigNode.show(name) + " is " + selfIs, "names of other services");
        }
        return other;
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

}
