package com.tapstack.modules.database;

import com.tapstack.config.ConfigKey;

/** The PostgreSQL engines the database module creates. */
public enum DatabaseEngine implements ConfigKey.Choice {
    /** Aurora PostgreSQL: a cluster of a writer and readers over a shared volume. */
    AURORA("aurora-postgresql", "Aurora PostgreSQL"),
    /** RDS for PostgreSQL: one instance, with an optional standby. */
    RDS("postgres", "RDS PostgreSQL");

    private final String configValue;
    private final String description;

    DatabaseEngine(String configValue, String description) {
        this.configValue = configValue;
        this.description = description;
    }

    /** The engine as config, RDS's API and the parameter group family spell it. */
    @Override
    public String configValue() {
        return configValue;
    }

    public String description() {
        return description;
    }
}
