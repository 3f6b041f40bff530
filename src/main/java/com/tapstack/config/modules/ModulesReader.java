package com.tapstack.config.modules;

import com.tapstack.config.ConfigNode;
import com.tapstack.config.Placeholders;
import com.tapstack.config.SecretValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the optional module blocks of a stack file; each is off unless present. */
public final class ModulesReader {

    public static final String DATABASE = "database";
    public static final String PARAMETERS = "parameters";
    public static final String HTTPS = "https";
    public static final String DNS = "dns";
    public static final String WAF = "waf";
    public static final String ENDPOINTS = "endpoints";
    public static final String ALB_LOGS = "albLogs";
    public static final String ALARMS = "alarms";
    public static final Set<String> KEYS = Set.of(DATABASE, PARAMETERS, HTTPS, DNS, WAF, ENDPOINTS, ALB_LOGS, ALARMS);

    public static final List<String> DEFAULT_MANAGED_RULE_GROUPS = List.of("AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList");
    public static final List<String> INTERFACE_ENDPOINTS = List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager",
            "ssm", "ssmmessages", "kms", "sts", "monitoring");
    public static final List<String> DEFAULT_INTERFACE_ENDPOINTS = List.of("ecr.api", "ecr.dkr", "logs",
            "secretsmanager", "ssm");

    private static final Pattern HOST = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Pattern ZONE_ID = Pattern.compile("^Z[A-Z0-9]{1,31}$");
    private static final Pattern CERTIFICATE_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[0-9a-f-]{36}$");
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}$");
    private static final Pattern PARAMETER_NAME = Pattern.compile("^[A-Za-z0-9_.-]{1,128}$");
    private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,62}$");
    private static final Set<String> RESERVED_USERS = Set.of("rdsadmin", "rdsrepladmin", "rds_superuser", "postgres",
            "public", "admin");

    private ModulesReader() {
    }

    /** The modules, given whether any service is public (the load balancer modules need one). */
    public static ModulesConfig read(ConfigNode tap, String region, boolean hasLoadBalancer) {
        var https = https(tap, region);
        var dns = dns(tap, https);
        requireLoadBalancer(tap, hasLoadBalancer, HTTPS, https.isPresent());
        requireLoadBalancer(tap, hasLoadBalancer, DNS, dns.isPresent());
        var waf = waf(tap);
        requireLoadBalancer(tap, hasLoadBalancer, WAF, waf.isPresent());
        var albLogs = albLogs(tap);
        requireLoadBalancer(tap, hasLoadBalancer, ALB_LOGS, albLogs.isPresent());
        return new ModulesConfig(database(tap), parameters(tap), https, dns, waf, endpoints(tap), albLogs, alarms(tap));
    }

    private static void requireLoadBalancer(ConfigNode tap, boolean hasLoadBalancer, String key, boolean present) {
        if (present && !hasLoadBalancer) {
            throw tap.error(key, "needs the load balancer, and no service is public", "a service with public: true,"
                    + " or no " + key + " block");
        }
    }

    static Optional<DatabaseConfig> database(ConfigNode tap) {
        var maybe = tap.optionalObject(DATABASE, "a mapping of database settings (see Pulumi.yaml)");
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        var db = maybe.get();
        db.rejectUnknownFields(Set.of("engine", "engineVersion", "instanceClass", "serverless", "instances", "multiAz",
                "allocatedStorage", "maxAllocatedStorage", "databaseName", "masterUsername", "port",
                "backupRetentionDays", "iamAuthentication", "performanceInsights"));
        var engine = db.optionalString("engine", "aurora-postgresql or postgres").orElse(DatabaseConfig.AURORA);
        if (!engine.equals(DatabaseConfig.AURORA) && !engine.equals(DatabaseConfig.RDS)) {
            throw db.invalid("engine", "is not an engine this stack creates", "aurora-postgresql or postgres");
        }
        var aurora = engine.equals(DatabaseConfig.AURORA);
        var versionRule = "a major version such as 16 (AWS's default minor of it at creation) or an exact"
                + " major.minor such as 16.6";
        var version = db.optionalString("engineVersion", versionRule).orElse(DatabaseConfig.DEFAULT_MAJOR_VERSION);
        if (!version.matches("^\\d{2}(\\.\\d{1,2})?$")) {
            throw db.invalid("engineVersion", "is not a PostgreSQL version", versionRule);
        }
        var classRule = aurora ? "db.serverless, db.t3/t4g.medium or .large, or a db.r5/r6g/r6i/r7g/r7i/r8g/x2g class"
                : "a db.t3/t4g/m5/m6g/m6i/m7g/m7i/r5/r6g/r6i/r7g/r7i class, e.g. db.t4g.medium";
        var instanceClass = db.optionalString("instanceClass", classRule).orElse(aurora ? "db.serverless" : "db.t4g.medium");
        if (!(aurora ? DatabaseClasses.AURORA_POSTGRESQL : DatabaseClasses.RDS_POSTGRESQL).matcher(instanceClass).matches()) {
            throw db.invalid("instanceClass", "is not an " + (aurora ? "Aurora PostgreSQL" : "RDS PostgreSQL")
                    + " instance class", classRule);
        }
        Optional<Double> min = Optional.empty();
        Optional<Double> max = Optional.empty();
        var serverless = db.optionalObject("serverless", "{minCapacity: 0.5, maxCapacity: 4}");
        if (instanceClass.equals("db.serverless")) {
            var node = serverless.orElseGet(() -> db.object("serverless", ""));
            node.rejectUnknownFields(Set.of("minCapacity", "maxCapacity"));
            min = Optional.of(capacity(node, "minCapacity", 0.5));
            max = Optional.of(capacity(node, "maxCapacity", 4));
            if (min.get() > max.get()) {
                throw node.invalid("minCapacity", "is above maxCapacity " + max.get(), "0 to maxCapacity");
            }
        } else if (serverless.isPresent()) {
            throw db.error("serverless", "applies only to instanceClass db.serverless", "instanceClass: db.serverless");
        }
        var allocated = range(db, "allocatedStorage", 20, 65_536, 20);
        var maxAllocated = range(db, "maxAllocatedStorage", allocated, 65_536, Math.max(allocated, 100));
        var name = db.optionalString("databaseName", "letters, digits and _").orElse("app");
        if (!IDENTIFIER.matcher(name).matches()) {
            throw db.invalid("databaseName", "is not a PostgreSQL database name", "1 to 63 letters, digits and _,"
                    + " starting with a letter");
        }
        var user = db.optionalString("masterUsername", "letters, digits and _").orElse("tapadmin");
        if (!user.matches("^[A-Za-z][A-Za-z0-9_]{0,15}$") || RESERVED_USERS.contains(user.toLowerCase())) {
            throw db.invalid("masterUsername", "is not a master user name RDS accepts", "1 to 16 letters, digits"
                    + " and _, starting with a letter, not " + String.join(", ", new java.util.TreeSet<>(RESERVED_USERS)));
        }
        var performanceInsights = db.optionalBoolean("performanceInsights").orElse(false);
        if (performanceInsights && !DatabaseClasses.performanceInsightsSupported(engine, instanceClass)) {
            throw db.invalid("performanceInsights", "is not available on " + instanceClass, "false, or a class with"
                    + " Performance Insights");
        }
        if (aurora && db.has("multiAz")) {
            throw db.error("multiAz", "is an RDS setting; Aurora spreads its instances over AZs", "instances: 2 or more");
        }
        if (!aurora && db.has("instances")) {
            throw db.error("instances", "is an Aurora setting", "multiAz: true for a standby in another AZ");
        }
        return Optional.of(new DatabaseConfig(engine, version, instanceClass, min, max,
                range(db, "instances", 1, 15, 1), db.optionalBoolean("multiAz").orElse(false), allocated, maxAllocated,
                name, user, range(db, "port", 1150, 65_535, 5432), range(db, "backupRetentionDays", 1, 35, 7),
                db.optionalBoolean("iamAuthentication").orElse(false), performanceInsights));
    }

    private static double capacity(ConfigNode node, String field, double fallback) {
        var allowed = "0 (auto-pause) or 0.5 to 256 in steps of 0.5 ACU";
        var maybe = node.optionalDecimal(field, allowed);
        if (maybe.isEmpty()) {
            return fallback;
        }
        var value = maybe.get();
        var halfSteps = value.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() <= 0;
        var inRange = value.signum() == 0 || value.compareTo(new BigDecimal("0.5")) >= 0
                && value.compareTo(BigDecimal.valueOf(256)) <= 0;
        if (!halfSteps || !inRange) {
            throw node.invalid(field, "is not an Aurora Serverless v2 capacity", allowed);
        }
        return value.doubleValue();
    }

    static Map<String, ParameterConfig> parameters(ConfigNode tap) {
        var node = tap.optionalObject(PARAMETERS, "a mapping of parameter name to value");
        var result = new LinkedHashMap<String, ParameterConfig>();
        if (node.isEmpty()) {
            return result;
        }
        var parameters = node.get();
        // Under `pulumi up` every value of the block is secret once one is: a bare value could then not be told
        // from a secret one, so with secrets present every parameter states its type.
        var holdsSecrets = parameters.fields().stream().anyMatch(name -> SecretValue.within(parameters.raw(name)
                .orElse(null)));
        for (var name : parameters.fields()) {
            if (!PARAMETER_NAME.matcher(name).matches()) {
                throw parameters.error(name, "is not a parameter name", "1 to 128 letters, digits, _ . -");
            }
            var raw = parameters.raw(name).orElseThrow();
            var parameter = raw instanceof Map ? typed(parameters.optionalObject(name, "").orElseThrow(), name)
                    : bare(parameters, name, raw, holdsSecrets);
            if (!parameter.valueIsSecret()) {
                if (parameter.value() instanceof Map || parameter.value() instanceof List) {
                    throw parameters.invalid(name, "is not text", "text, or {type, value}");
                }
                var text = String.valueOf(parameter.value());
                if (Placeholders.isPlaceholder(text)) {
                    throw parameters.error(name, ConfigNode.show(text) + " is a placeholder, not a value", "the real"
                            + " value the service needs (a secret one as a SecureString set with --secret)");
                }
            }
            result.put(name, parameter);
        }
        return result;
    }

    private static ParameterConfig bare(ConfigNode parameters, String name, Object value, boolean holdsSecrets) {
        if (holdsSecrets) {
            throw parameters.error(name, "is a bare value in a block that holds secrets (pulumi up then hands every"
                    + " value of tap:parameters over as a secret, so its type cannot be told)", "{type: String, value:"
                    + " ...} or {type: SecureString, value: <secret>} for every parameter");
        }
        return new ParameterConfig(name, false, value);
    }

    private static ParameterConfig typed(ConfigNode typed, String name) {
        typed.rejectUnknownFields(Set.of("type", "value"));
        var allowed = "String or SecureString";
        var type = typed.raw("type").map(raw -> raw instanceof SecretValue secret ? secret.plaintext()
                .orElseThrow(() -> typed.error("type", "is a secret", allowed + ", in plain text")) : raw)
                .map(String::valueOf).orElse("String");
        if (!type.equals("String") && !type.equals("SecureString")) {
            throw typed.invalid("type", "is not a parameter type this stack creates", allowed);
        }
        var secure = type.equals("SecureString");
        var value = typed.raw("value").orElseThrow(() -> typed.missing("value", "the parameter's real value"));
        if (secure && !(value instanceof SecretValue)) {
            throw typed.error("value", "is plain text, and a SecureString's value must be a Pulumi secret", "a value set with `pulumi"
                    + " config set --secret --path '" + typed.key("value") + "' <value>`");
        }
        // An encrypted value in the stack file is meant secret; a String would store it in clear text in SSM.
        // (Under pulumi up every value of the block arrives decrypted and secret, so only the file can tell.)
        if (!secure && value instanceof SecretValue secret && secret.plaintext().isEmpty()) {
            throw typed.error("type", "is String, which SSM stores in clear text, for a secret value",
                    "type: SecureString (encrypted with the stack key)");
        }
        return new ParameterConfig(name, secure, value);
    }

    static Optional<ModulesConfig.HttpsConfig> https(ConfigNode tap, String region) {
        var maybe = tap.optionalObject(HTTPS, "{certificateArn: ...} or {domainName: ...}");
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        var node = maybe.get();
        node.rejectUnknownFields(Set.of("certificateArn", "domainName"));
        var allowed = "an ACM certificate ARN in the stack's region, arn:aws:acm:<region>:<account>:certificate/<id>";
        var arn = node.optionalString("certificateArn", allowed);
        var domain = node.optionalString("domainName", "a host name such as app.example.com");
        if (arn.isPresent() == domain.isPresent()) {
            throw node.errorHere("needs exactly one of certificateArn and domainName", "certificateArn (a certificate"
                    + " you have) or domainName (one is requested and validated in tap:dns.zoneId)");
        }
        if (arn.isPresent()) {
            if (!CERTIFICATE_ARN.matcher(arn.get()).matches()) {
                throw node.invalid("certificateArn", "is not an ACM certificate ARN", allowed);
            }
            if (!arn.get().split(":")[3].equals(region)) {
                throw node.invalid("certificateArn", "is in another region than the load balancer (" + region + ")",
                        allowed);
            }
        }
        if (domain.isPresent() && !HOST.matcher(domain.get()).matches()) {
            throw node.invalid("domainName", "is not a host name", "a lowercase host name such as app.example.com");
        }
        return Optional.of(new ModulesConfig.HttpsConfig(arn, domain));
    }

    static Optional<ModulesConfig.DnsConfig> dns(ConfigNode tap, Optional<ModulesConfig.HttpsConfig> https) {
        var maybe = tap.optionalObject(DNS, "{zoneId: Z..., recordName: app.example.com}");
        var requestedDomain = https.flatMap(ModulesConfig.HttpsConfig::domainName);
        if (maybe.isEmpty()) {
            if (requestedDomain.isPresent()) {
                throw tap.error(DNS, "is missing, and tap:https.domainName needs a Route 53 zone to validate the"
                        + " certificate in", "{zoneId: <the hosted zone of " + requestedDomain.get() + ">}");
            }
            return Optional.empty();
        }
        var node = maybe.get();
        node.rejectUnknownFields(Set.of("zoneId", "recordName"));
        var zone = node.requireString("zoneId", "a Route 53 hosted zone id, e.g. Z0123456789ABCDEFGHIJ");
        if (!ZONE_ID.matcher(zone).matches()) {
            throw node.invalid("zoneId", "is not a Route 53 hosted zone id", "Z followed by letters and digits");
        }
        var record = node.optionalString("recordName", "a host name in the zone").or(() -> requestedDomain)
                .orElseThrow(() -> node.missing("recordName", "the host name that should point at the load balancer"));
        if (!HOST.matcher(record).matches()) {
            throw node.invalid("recordName", "is not a host name", "a lowercase host name such as app.example.com");
        }
        return Optional.of(new ModulesConfig.DnsConfig(zone, record));
    }

    static Optional<ModulesConfig.WafConfig> waf(ConfigNode tap) {
        var maybe = tap.optionalObject(WAF, "{managedRuleGroups: [...], rateLimit: 2000}");
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        var node = maybe.get();
        node.rejectUnknownFields(Set.of("managedRuleGroups", "rateLimit"));
        var groups = node.has("managedRuleGroups") ? node.stringList("managedRuleGroups", "AWS managed rule group"
                + " names") : DEFAULT_MANAGED_RULE_GROUPS;
        for (var group : groups) {
            var known = ManagedRuleGroups.GROUPS.get(group);
            if (known == null) {
                throw node.error("managedRuleGroups", ConfigNode.show(group) + " is not an AWS managed rule group (list"
                        + " of " + ManagedRuleGroups.DATE + ")", ManagedRuleGroups.usable());
            }
            if (known.needsConfig()) {
                throw node.error("managedRuleGroups", ConfigNode.show(group) + " needs managedRuleGroupConfigs, which"
                        + " " + node.path() + " does not set (and is charged per request)", ManagedRuleGroups.usable());
            }
        }
        return Optional.of(new ModulesConfig.WafConfig(groups, range(node, "rateLimit", 100, 2_000_000_000, 2000)));
    }

    static Optional<List<String>> endpoints(ConfigNode tap) {
        var maybe = tap.optionalObject(ENDPOINTS, "{interfaces: [ecr.api, ecr.dkr, logs, secretsmanager, ssm]}");
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        var node = maybe.get();
        node.rejectUnknownFields(Set.of("interfaces"));
        var interfaces = node.has("interfaces") ? node.stringList("interfaces", "") : DEFAULT_INTERFACE_ENDPOINTS;
        for (var service : interfaces) {
            if (!INTERFACE_ENDPOINTS.contains(service)) {
                throw node.error("interfaces", ConfigNode.show(service) + " is not an endpoint this stack creates",
                        String.join(", ", INTERFACE_ENDPOINTS));
            }
        }
        return Optional.of(List.copyOf(new java.util.LinkedHashSet<>(interfaces)));
    }

    static Optional<Integer> albLogs(ConfigNode tap) {
        var maybe = tap.optionalObject(ALB_LOGS, "{expirationDays: 90}");
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        var node = maybe.get();
        node.rejectUnknownFields(Set.of("expirationDays"));
        return Optional.of(range(node, "expirationDays", 1, 3650, 90));
    }

    static Optional<ModulesConfig.AlarmsConfig> alarms(ConfigNode tap) {
        var maybe = tap.optionalObject(ALARMS, "{emails: [...], cpuPercent: 80, ...}");
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        var node = maybe.get();
        node.rejectUnknownFields(Set.of("emails", "cpuPercent", "memoryPercent", "alb5xxPerMinute",
                "databaseCpuPercent", "databaseAcuPercent", "databaseFreeableMemoryMiB", "databaseFreeStorageGiB"));
        var emails = node.stringList("emails", "e-mail addresses that receive the alarms");
        for (var email : emails) {
            if (!EMAIL.matcher(email).matches() || Placeholders.isDocumentationEmail(email)) {
                throw node.error("emails", ConfigNode.show(email) + " is not a deliverable e-mail address",
                        "real addresses (example.com is reserved for documentation), or none");
            }
        }
        return Optional.of(new ModulesConfig.AlarmsConfig(emails, range(node, "cpuPercent", 1, 100, 80),
                range(node, "memoryPercent", 1, 100, 80), range(node, "alb5xxPerMinute", 1, 100_000, 10),
                range(node, "databaseCpuPercent", 1, 100, 80), range(node, "databaseAcuPercent", 1, 100, 90),
                range(node, "databaseFreeableMemoryMiB", 1, 1_048_576, 512),
                range(node, "databaseFreeStorageGiB", 1, 10_000, 5)));
    }

    static int range(ConfigNode node, String field, int min, int max, int fallback) {
        var allowed = min + " to " + max;
        var value = node.optionalInt(field, allowed).orElse(fallback);
        if (value < min || value > max) {
            throw node.invalid(field, "is out of range", allowed);
        }
        return value;
    }
}
