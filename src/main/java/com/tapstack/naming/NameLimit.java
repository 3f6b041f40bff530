package com.tapstack.naming;

/**
 * AWS's length limits for the physical names this stack sets (aws-facts A5). Every name is built from
 * {@code [a-z0-9-]} only, which every one of these name kinds accepts.
 */
public enum NameLimit {
    LOAD_BALANCER("load balancer", 32),
    TARGET_GROUP("target group", 32),
    IAM_ROLE("IAM role", 64),
    IAM_POLICY("IAM policy", 128),
    EVENT_RULE("EventBridge rule", 64),
    STATE_MACHINE("Step Functions state machine", 80),
    DB_IDENTIFIER("RDS identifier", 63),
    S3_BUCKET("S3 bucket", 63),
    KMS_ALIAS("KMS alias", 256 - "alias/".length()),
    WAF_WEB_ACL("WAF web ACL", 128),
    ECR_REPOSITORY("ECR repository", 256),
    ECS("ECS cluster, service or task family", 255),
    SECURITY_GROUP("security group", 255),
    DB_SUBNET_GROUP("DB subnet group", 255),
    DB_PARAMETER_GROUP("DB parameter group", 255),
    SNS_TOPIC("SNS topic", 256),
    SQS_QUEUE("SQS queue", 80),
    CLOUDWATCH("CloudWatch alarm or dashboard", 255),
    SCALING_POLICY("Application Auto Scaling policy", 256),
    LOG_GROUP("CloudWatch log group", 512),
    SECRET("Secrets Manager secret", 512),
    TAG_VALUE("Name tag", 256),
    /** Schedules and schedule groups: 1 to 64 of [0-9A-Za-z_.-] (CreateSchedule, CreateScheduleGroup). */
    SCHEDULER("EventBridge Scheduler schedule or group", 64);

    private final String description;
    private final int maxLength;

    NameLimit(String description, int maxLength) {
        this.description = description;
        this.maxLength = maxLength;
    }

    public String description() {
        return description;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The tightest limit of all: it decides how long the shared name prefix may be. */
    public static NameLimit tightest() {
        NameLimit tightest = TAG_VALUE;
        for (var limit : values()) {
            if (limit.maxLength < tightest.maxLength) {
                tightest = limit;
            }
        }
        return tightest;
    }
}
