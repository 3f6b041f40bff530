package com.tapstack.modules.database;

import com.tapstack.config.ConfigKey.BoolKey;
import com.tapstack.config.ConfigKey.ChoiceKey;
import com.tapstack.config.ConfigKey.DecimalKey;
import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The optional PostgreSQL database ({@code <project>:database}): its keys, and the validated settings.
 *
 * @param engine              Aurora PostgreSQL or RDS PostgreSQL
 * @param engineVersion       a major version ({@code 16}: AWS's default minor of it, resolved when the database is
 *                            created) or an exact major.minor ({@code 16.6}) to pin
 * @param instanceClass       e.g. db.r6g.large; db.serverless for Aurora Serverless v2
 * @param serverlessMinCapacity / serverlessMaxCapacity  Aurora Serverless v2 ACUs (0.5 steps)
 * @param instances           Aurora: writer plus readers, spread over AZs (2 or more is Multi-AZ)
 * @param multiAz             RDS: a standby in another AZ
 * @param allocatedStorage / maxAllocatedStorage  RDS storage in GiB (autoscaling up to the max)
 * @param databaseName        the initial database
 * @param masterUsername      the admin user; its password is managed by RDS in Secrets Manager
 * @param port                the port the database listens on
 * @param backupRetentionDays days of automated backups
 * @param iamAuthentication   IAM database authentication
 * @param performanceInsights Performance Insights (refused on classes without it)
 */
public record DatabaseConfig(DatabaseEngine engine, String engineVersion, String instanceClass,
                             Optional<Double> serverlessMinCapacity, Optional<Double> serverlessMaxCapacity,
                             int instances, boolean multiAz, int allocatedStorage, int maxAllocatedStorage,
                             String databaseName, String masterUsername, int port, int backupRetentionDays,
                             boolean iamAuthentication, boolean performanceInsights) {

    public static final String SERVERLESS_CLASS = "db.serverless";
    /** The class an RDS instance gets when the stack file names none: burstable Graviton, enough for a start. */
    public static final String RDS_DEFAULT_CLASS = "db.t4g.medium";
    /** How far RDS storage autoscales when the stack file does not say (GiB). */
    private static final int DEFAULT_MAX_STORAGE_GIB = 100;
    private static final String VERSION_RULE = "a major version such as 16 (AWS's default minor of it at creation)"
            + " or an exact major.minor such as 16.6";
    private static final String AURORA_CLASS_RULE = "db.serverless, db.t3/t4g.medium or .large, or a"
            + " db.r5/r6g/r6i/r7g/r7i/r8g/x2g class";
    private static final String RDS_CLASS_RULE = "a db.t3/t4g/m5/m6g/m6i/m7g/m7i/r5/r6g/r6i/r7g/r7i class, e.g."
            + " db.t4g.medium";
    private static final String CAPACITY_RULE = "0 (auto-pause) or 0.5 to 256 in steps of 0.5 ACU";
    private static final Set<String> RESERVED_USERS = Set.of("rdsadmin", "rdsrepladmin", "rds_superuser",
            "postgres", "public", "admin");

    public static final ChoiceKey<DatabaseEngine> ENGINE = ChoiceKey.of("engine", DatabaseEngine.class,
            DatabaseEngine.AURORA, "is not an engine this stack creates", "Aurora PostgreSQL (a cluster) or RDS"
                    + " PostgreSQL (one instance)");
    public static final TextKey ENGINE_VERSION = TextKey.of("engineVersion", "16", VERSION_RULE, "The version at"
            + " creation: a major takes AWS's default minor of it, looked up when the database is created; AWS then"
            + " applies minor upgrades, which the stack leaves alone (a major upgrade is its own operation)");
    public static final TextKey INSTANCE_CLASS = TextKey.derived("instanceClass",
            SERVERLESS_CLASS + " for Aurora, " + RDS_DEFAULT_CLASS + " for RDS", "Aurora: " + AURORA_CLASS_RULE + "; RDS: "
                    + RDS_CLASS_RULE, "The instance class of every instance");
    public static final DecimalKey MIN_CAPACITY = DecimalKey.of("minCapacity", 0, 256, 0.5,
            "Aurora Serverless v2: the fewest ACUs (0 pauses the database when idle)").allowed(CAPACITY_RULE);
    public static final DecimalKey MAX_CAPACITY = DecimalKey.of("maxCapacity", 0, 256, 4,
            "Aurora Serverless v2: the most ACUs").allowed(CAPACITY_RULE);
    public static final KeyTable SERVERLESS_KEYS = KeyTable.of("<project>:database.serverless",
            "Aurora Serverless v2 capacity", "Only with instanceClass db.serverless; minCapacity at most maxCapacity.", MIN_CAPACITY, MAX_CAPACITY);
    public static final Structured SERVERLESS = Structured.table("serverless", "{minCapacity: 0.5, maxCapacity: 4}"
            + " with db.serverless", "Aurora Serverless v2 capacity range", SERVERLESS_KEYS);
    public static final IntKey INSTANCES = IntKey.of("instances", 1, 15, 1, "Aurora: the writer plus readers in"
            + " other AZs (2 or more is Multi-AZ)");
    public static final BoolKey MULTI_AZ = BoolKey.of("multiAz", false, "RDS: a standby in another AZ");
    public static final IntKey ALLOCATED_STORAGE = IntKey.of("allocatedStorage", 20, 65_536, 20,
            "RDS: storage in GiB (gp3)");
    public static final IntKey MAX_ALLOCATED_STORAGE = IntKey.derived("maxAllocatedStorage", 20, 65_536,
            DEFAULT_MAX_STORAGE_GIB + ", or allocatedStorage when larger", "RDS: storage autoscales up to this many GiB (at least"
                    + " allocatedStorage)");
    public static final TextKey DATABASE_NAME = TextKey.of("databaseName", "app", "1 to 63 letters, digits and _,"
            + " starting with a letter", "The database created with the cluster or instance");
    public static final TextKey MASTER_USERNAME = TextKey.of("masterUsername", "tapadmin", "1 to 16 letters, digits"
            + " and _, starting with a letter, not " + String.join(", ", new TreeSet<>(RESERVED_USERS)),
            "The admin user; its password is created and rotated by RDS in Secrets Manager, never in config or state");
    public static final IntKey PORT = IntKey.of("port", 1150, 65_535, 5432, "The port the database listens on");
    public static final IntKey BACKUP_RETENTION_DAYS = IntKey.of("backupRetentionDays", 1, 35, 7,
            "Days of automated backups");
    public static final BoolKey IAM_AUTHENTICATION = BoolKey.of("iamAuthentication", false,
            "IAM database authentication");
    public static final BoolKey PERFORMANCE_INSIGHTS = BoolKey.of("performanceInsights", false,
            "Performance Insights, encrypted with the stack key (refused on classes without it)");

    public static final KeyTable KEYS = KeyTable.of("<project>:database", "Database",
            "PostgreSQL in the private subnets, reachable only from services with database: true. Storage,"
                    + " Performance Insights and the master password secret are encrypted with the stack key; TLS is"
                    + " required; its log is kept for logRetentionDays; deletion protection and a final snapshot"
                    + " where protect is true. Off unless the block is present.",
            ENGINE, ENGINE_VERSION, INSTANCE_CLASS, SERVERLESS, INSTANCES, MULTI_AZ, ALLOCATED_STORAGE,
            MAX_ALLOCATED_STORAGE, DATABASE_NAME, MASTER_USERNAME, PORT, BACKUP_RETENTION_DAYS, IAM_AUTHENTICATION,
            PERFORMANCE_INSIGHTS);
    public static final Structured BLOCK = Structured.table("database", "off", "A PostgreSQL database (Aurora or"
            + " RDS) for the services with database: true", KEYS);

    public boolean aurora() {
        return engine == DatabaseEngine.AURORA;
    }

    public boolean serverless() {
        return instanceClass.equals(SERVERLESS_CLASS);
    }

    /** The parameter group family of the engine's major version, e.g. aurora-postgresql16 or postgres16. */
    public String parameterGroupFamily() {
        return engine.configValue() + majorVersion();
    }

    public String majorVersion() {
        return engineVersion.split("\\.")[0];
    }

    /** The exact version the stack file pins, if it names a minor. */
    public Optional<String> pinnedVersion() {
        return engineVersion.contains(".") ? Optional.of(engineVersion) : Optional.empty();
    }

    /** Whether the database keeps a copy in a second AZ: two Aurora instances, or an RDS standby. */
    public boolean spansZones() {
        return aurora() ? instances >= 2 : multiAz;
    }

    /** A database of {@code engine} with every other setting at its declared default. */
    public static Builder builder(DatabaseEngine engine) {
        return new Builder(engine);
    }

    /** Builds a {@link DatabaseConfig}; starts from the declared defaults of {@link #KEYS}. */
    public static final class Builder {
        private final DatabaseEngine engine;
        private String engineVersion = ENGINE_VERSION.defaultValue().orElseThrow();
        private String instanceClass;
        private Optional<Double> serverlessMinCapacity;
        private Optional<Double> serverlessMaxCapacity;
        private int instances = INSTANCES.defaultValue().orElseThrow();
        private boolean multiAz = MULTI_AZ.defaultValue().orElseThrow();
        private int allocatedStorage = ALLOCATED_STORAGE.defaultValue().orElseThrow();
        private int maxAllocatedStorage = Math.max(ALLOCATED_STORAGE.defaultValue().orElseThrow(), DEFAULT_MAX_STORAGE_GIB);
        private String databaseName = DATABASE_NAME.defaultValue().orElseThrow();
        private String masterUsername = MASTER_USERNAME.defaultValue().orElseThrow();
        private int port = PORT.defaultValue().orElseThrow();
        private int backupRetentionDays = BACKUP_RETENTION_DAYS.defaultValue().orElseThrow();
        private boolean iamAuthentication = IAM_AUTHENTICATION.defaultValue().orElseThrow();
        private boolean performanceInsights = PERFORMANCE_INSIGHTS.defaultValue().orElseThrow();

        private Builder(DatabaseEngine engine) {
            this.engine = engine;
            var aurora = engine == DatabaseEngine.AURORA;
            this.instanceClass = aurora ? SERVERLESS_CLASS : RDS_DEFAULT_CLASS;
            this.serverlessMinCapacity = aurora ? Optional.of(MIN_CAPACITY.defaultValue().orElseThrow().doubleValue())
                    : Optional.empty();
            this.serverlessMaxCapacity = aurora ? Optional.of(MAX_CAPACITY.defaultValue().orElseThrow().doubleValue())
                    : Optional.empty();
        }

        public Builder engineVersion(String value) {
            engineVersion = value;
            return this;
        }

        /** The class; Serverless v2 capacities are kept only with db.serverless. */
        public Builder instanceClass(String value) {
            instanceClass = value;
            if (!value.equals(SERVERLESS_CLASS)) {
                serverlessMinCapacity = Optional.empty();
                serverlessMaxCapacity = Optional.empty();
            }
            return this;
        }

        public Builder serverless(double min, double max) {
            serverlessMinCapacity = Optional.of(min);
            serverlessMaxCapacity = Optional.of(max);
            return this;
        }

        public Builder instances(int value) {
            instances = value;
            return this;
        }

        public Builder multiAz(boolean value) {
            multiAz = value;
            return this;
        }

        public Builder storage(int allocated, int maxAllocated) {
            allocatedStorage = allocated;
            maxAllocatedStorage = maxAllocated;
            return this;
        }

        public Builder databaseName(String value) {
            databaseName = value;
            return this;
        }

        public Builder masterUsername(String value) {
            masterUsername = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder backupRetentionDays(int value) {
            backupRetentionDays = value;
            return this;
        }

        public Builder iamAuthentication(boolean value) {
            iamAuthentication = value;
            return this;
        }

        public Builder performanceInsights(boolean value) {
            performanceInsights = value;
            return this;
        }

        public DatabaseConfig build() {
            return new DatabaseConfig(engine, engineVersion, instanceClass, serverlessMinCapacity,
                    serverlessMaxCapacity, instances, multiAz, allocatedStorage, maxAllocatedStorage, databaseName,
                    masterUsername, port, backupRetentionDays, iamAuthentication, performanceInsights);
        }
    }

    /** The block's settings, or empty when the stack has no database. */
    public static Optional<DatabaseConfig> read(ConfigNode parent) {
        return BLOCK.optional(parent).map(DatabaseConfig::readBlock);
    }

    private static DatabaseConfig readBlock(ConfigNode db) {
        var engine = ENGINE.read(db);
        var aurora = engine == DatabaseEngine.AURORA;
        var version = ENGINE_VERSION.read(db);
        if (!version.matches("^\\d{2}(\\.\\d{1,2})?$")) {
            throw db.invalid(ENGINE_VERSION.name(), "is not a PostgreSQL version", VERSION_RULE);
        }
        var classRule = aurora ? AURORA_CLASS_RULE : RDS_CLASS_RULE;
        var instanceClass = db.optionalString(INSTANCE_CLASS.name(), classRule)
                .orElse(aurora ? SERVERLESS_CLASS : RDS_DEFAULT_CLASS);
        if (!(aurora ? DatabaseClasses.AURORA_POSTGRESQL : DatabaseClasses.RDS_POSTGRESQL).matcher(instanceClass)
                .matches()) {
            throw db.invalid(INSTANCE_CLASS.name(), "is not an " + engine.description() + " instance class",
                    classRule);
        }
        Optional<Double> min = Optional.empty();
        Optional<Double> max = Optional.empty();
        var serverless = SERVERLESS.optional(db);
        if (instanceClass.equals(SERVERLESS_CLASS)) {
            var node = serverless.orElseGet(() -> db.object(SERVERLESS.name(), ""));
            min = Optional.of(capacity(node, MIN_CAPACITY));
            max = Optional.of(capacity(node, MAX_CAPACITY));
            if (min.get() > max.get()) {
                throw node.invalid(MIN_CAPACITY.name(), "is above maxCapacity " + max.get(), "0 to maxCapacity");
            }
        } else if (serverless.isPresent()) {
            throw db.error(SERVERLESS.name(), "applies only to instanceClass db.serverless",
                    "instanceClass: db.serverless");
        }
        var allocated = ALLOCATED_STORAGE.read(db);
        var maxAllocated = MAX_ALLOCATED_STORAGE.optional(db, allocated, MAX_ALLOCATED_STORAGE.max())
                .orElse(Math.max(allocated, DEFAULT_MAX_STORAGE_GIB));
        var name = DATABASE_NAME.read(db);
        if (!name.matches("^[A-Za-z][A-Za-z0-9_]{0,62}$")) {
            throw db.invalid(DATABASE_NAME.name(), "is not a PostgreSQL database name", DATABASE_NAME.allowed());
        }
        var user = MASTER_USERNAME.read(db);
        if (!user.matches("^[A-Za-z][A-Za-z0-9_]{0,15}$") || RESERVED_USERS.contains(user.toLowerCase())) {
            throw db.invalid(MASTER_USERNAME.name(), "is not a master user name RDS accepts",
                    MASTER_USERNAME.allowed());
        }
        var performanceInsights = PERFORMANCE_INSIGHTS.read(db);
        if (performanceInsights && !DatabaseClasses.performanceInsightsSupported(engine.configValue(), instanceClass)) {
            throw db.invalid(PERFORMANCE_INSIGHTS.name(), "is not available on " + instanceClass, "false, or a class"
                    + " with Performance Insights");
        }
        if (aurora && db.has(MULTI_AZ.name())) {
            throw db.error(MULTI_AZ.name(), "is an RDS setting; Aurora spreads its instances over AZs",
                    "instances: 2 or more");
        }
        if (!aurora && db.has(INSTANCES.name())) {
            throw db.error(INSTANCES.name(), "is an Aurora setting", "multiAz: true for a standby in another AZ");
        }
        return new DatabaseConfig(engine, version, instanceClass, min, max, INSTANCES.read(db), MULTI_AZ.read(db),
                allocated, maxAllocated, name, user, PORT.read(db), BACKUP_RETENTION_DAYS.read(db),
                IAM_AUTHENTICATION.read(db), performanceInsights);
    }

    /** Aurora Serverless v2 capacity: 0 (auto-pause) or 0.5 to 256 ACUs in half steps. */
    private static double capacity(ConfigNode node, DecimalKey key) {
        var value = node.optionalDecimal(key.name(), key.allowed()).orElse(key.defaultValue().orElseThrow());
        var halfSteps = value.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() <= 0;
        var inRange = value.signum() == 0 || value.compareTo(new BigDecimal("0.5")) >= 0
                && value.compareTo(BigDecimal.valueOf(256)) <= 0;
        if (!halfSteps || !inRange) {
            throw node.invalid(key.name(), "is not an Aurora Serverless v2 capacity", key.allowed());
        }
        return value.doubleValue();
    }
}
