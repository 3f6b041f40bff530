package com.tapstack.config.modules;

import java.util.Optional;

/**
 * The optional PostgreSQL database ({@code tap:database}).
 *
 * @param engine              aurora-postgresql or postgres (RDS)
 * @param engineVersion       a major version ({@code 16}: AWS's default minor of it, resolved when the database is
 *                            created) or an exact major.minor ({@code 16.6}) to pin
 * @param instanceClass       e.g. db.r6g.large; db.serverless for Aurora Serverless v2
 * @param serverlessMinCapacity / serverlessMaxCapacity  Aurora Serverless v2 ACUs (0.5 steps)
 * @param instances           Aurora: writer plus readers, spread over AZs (2 or more is Multi-AZ)
 * @param multiAz             RDS: a standby in another AZ
 * @param allocatedStorage / maxAllocatedStorage  RDS storage in GiB (autoscaling up to the max)
 * @param databaseName        the initial database
 * @param masterUsername      the admin user; its password is managed by RDS in Secrets Manager
 * @param port                5432 unless set
 * @param backupRetentionDays 1 to 35
 * @param iamAuthentication   IAM database authentication
 * @param performanceInsights Performance Insights (refused on classes without it)
 */
public record DatabaseConfig(String engine, String engineVersion, String instanceClass,
                             Optional<Double> serverlessMinCapacity, Optional<Double> serverlessMaxCapacity,
                             int instances, boolean multiAz, int allocatedStorage, int maxAllocatedStorage,
                             String databaseName, String masterUsername, int port, int backupRetentionDays,
                             boolean iamAuthentication, boolean performanceInsights) {

    public static final String AURORA = "aurora-postgresql";
    public static final String RDS = "postgres";
    /** The major version a database gets when the stack file names none. */
    public static final String DEFAULT_MAJOR_VERSION = "16";

    public boolean aurora() {
        return engine.equals(AURORA);
    }

    public boolean serverless() {
        return instanceClass.equals("db.serverless");
    }

    /** The parameter group family of the engine's major version, e.g. aurora-postgresql16 or postgres16. */
    public String parameterGroupFamily() {
        return engine + majorVersion();
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
}
