package com.tapstack.config.modules;

import java.util.Optional;

/**
 * The optional PostgreSQL database ({@code tap:database}).
 *
 * @param engine              aurora-postgresql or postgres (RDS)
 * @param engineVersion       e.g. 16.6
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

    public boolean aurora() {
        return engine.equals(AURORA);
    }

    public boolean serverless() {
        return instanceClass.equals("db.serverless");
    }

    /** The parameter group family of the engine's major version, e.g. aurora-postgresql16 or postgres16. */
    public String parameterGroupFamily() {
        return engine + engineVersion.split("\\.")[0];
    }

    /** Whether the database keeps a copy in a second AZ: two Aurora instances, or an RDS standby. */
    public boolean spansZones() {
        return aurora() ? instances >= 2 : multiAz;
    }
}
