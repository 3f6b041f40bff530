package com.tapstack.modules.database;

import java.util.regex.Pattern;

/**
 * Which instance classes the database engines offer, and where Performance Insights is available (aws-facts
 * A10). Shared by the loader, which refuses a bad class, and {@code ./tap check}, which finds one in a plan.
 */
public final class DatabaseClasses {

    /** Aurora PostgreSQL: Serverless v2, the burstable medium/large classes and the memory-optimised families. */
    public static final Pattern AURORA_POSTGRESQL = Pattern.compile(
            "^db\\.(serverless|(t3|t4g)\\.(medium|large)|(r5|r6g|r6i|r7g|r7i|r8g|x2g)\\.(large|[0-9]*xlarge))$");
    public static final Pattern RDS_POSTGRESQL = Pattern.compile(
            "^db\\.(t3|t4g|m5|m6g|m6i|m7g|m7i|r5|r6g|r6i|r7g|r7i)\\.(micro|small|medium|large|[0-9]*xlarge)$");
    private static final Pattern SMALL_BURSTABLE = Pattern.compile("^db\\.(t2|t3|t4g)\\.(micro|small)$");

    private DatabaseClasses() {
    }

    /** Aurora (either engine) has no micro or small burstable instances; RDS has them. */
    public static boolean offeredByAurora(String engine, String instanceClass) {
        return engine == null || instanceClass == null || !engine.startsWith("aurora")
                || !SMALL_BURSTABLE.matcher(instanceClass).matches();
    }

    /**
     * PostgreSQL has Performance Insights on every class; MySQL, MariaDB and Aurora MySQL lack it on their
     * smallest burstable classes.
     */
    public static boolean performanceInsightsSupported(String engine, String instanceClass) {
        if (engine == null || instanceClass == null) {
            return true;
        }
        var mysqlFamily = engine.contains("mysql") || engine.contains("mariadb");
        return !(mysqlFamily && SMALL_BURSTABLE.matcher(instanceClass).matches());
    }
}
