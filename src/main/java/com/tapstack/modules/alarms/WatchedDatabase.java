package com.tapstack.modules.alarms;

/**
 * What the alarms need to know of the database before it exists, to decide which alarms to create: its kind and
 * how many instances it has (the alarms module does not depend on the database module).
 *
 * @param aurora     an Aurora cluster (else one RDS instance)
 * @param serverless Aurora Serverless v2, which reports ACUUtilization
 * @param instances  Aurora's instances, each watched by its own identifier
 */
public record WatchedDatabase(boolean aurora, boolean serverless, int instances) {
}
