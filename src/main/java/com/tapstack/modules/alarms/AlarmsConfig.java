package com.tapstack.modules.alarms;

import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.ListKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import com.tapstack.config.Placeholders;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Alarms to an SNS topic (with optional e-mail subscribers) and a dashboard ({@code <project>:alarms}).
 *
 * @param databaseAcuPercent        Aurora Serverless v2: ACUUtilization (capacity used of the maximum ACUs)
 * @param databaseFreeableMemoryMiB memory left on the database's instances (for Serverless v2: left at the
 *                                  maximum capacity)
 * @param databaseFreeStorageGiB    RDS only: free storage of the instance (Aurora's volume grows by itself)
 */
public record AlarmsConfig(List<String> emails, int cpuPercent, int memoryPercent, int alb5xxPerMinute,
                           int databaseCpuPercent, int databaseAcuPercent, int databaseFreeableMemoryMiB,
                           int databaseFreeStorageGiB) {

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}$");

    public static final ListKey EMAILS = ListKey.of("emails", List.of(), "e-mail addresses that receive the alarms",
            "Addresses subscribed to the topic (each confirms by mail)");
    public static final IntKey CPU_PERCENT = IntKey.of("cpuPercent", 1, 100, 80,
            "A service's CPU use that notifies (it does not roll deployments back)");
    public static final IntKey MEMORY_PERCENT = IntKey.of("memoryPercent", 1, 100, 80,
            "A service's memory use that notifies");
    public static final IntKey ALB_5XX_PER_MINUTE = IntKey.of("alb5xxPerMinute", 1, 100_000, 10,
            "5xx responses a minute from a public service's targets; its deployments roll back on it");
    public static final IntKey DATABASE_CPU_PERCENT = IntKey.of("databaseCpuPercent", 1, 100, 80,
            "CPU of the busiest database instance");
    public static final IntKey DATABASE_ACU_PERCENT = IntKey.of("databaseAcuPercent", 1, 100, 90,
            "Aurora Serverless v2: capacity used of its maximum, on the busiest instance");
    public static final IntKey DATABASE_FREEABLE_MEMORY_MIB = IntKey.of("databaseFreeableMemoryMiB", 1, 1_048_576,
            512, "Memory left on the database instance with the least (MiB)");
    public static final IntKey DATABASE_FREE_STORAGE_GIB = IntKey.of("databaseFreeStorageGiB", 1, 10_000, 5,
            "RDS only: free storage (GiB); Aurora's volume grows by itself");
    public static final KeyTable KEYS = KeyTable.of("<project>:alarms", "Alarms", "An encrypted SNS topic, alarms"
            + " and a dashboard. A public service's deployments roll back on its target group's 5xx and unhealthy"
            + " targets; CPU and memory alarms only notify.", EMAILS, CPU_PERCENT, MEMORY_PERCENT,
            ALB_5XX_PER_MINUTE, DATABASE_CPU_PERCENT, DATABASE_ACU_PERCENT, DATABASE_FREEABLE_MEMORY_MIB,
            DATABASE_FREE_STORAGE_GIB);
    public static final Structured BLOCK = Structured.table("alarms", "off", "Alarms, an SNS topic and a dashboard",
            KEYS);

    public AlarmsConfig {
        emails = List.copyOf(emails);
    }

    /** The block's settings, or empty without it. */
    public static Optional<AlarmsConfig> read(ConfigNode parent) {
        return BLOCK.optional(parent).map(node -> {
            var emails = EMAILS.read(node);
            for (var email : emails) {
                if (!EMAIL.matcher(email).matches() || Placeholders.isDocumentationEmail(email)) {
                    throw node.error(EMAILS.name(), ConfigNode.show(email) + " is not a deliverable e-mail address",
                            "real addresses (example.com is reserved for documentation), or none");
                }
            }
            return new AlarmsConfig(emails, CPU_PERCENT.read(node), MEMORY_PERCENT.read(node),
                    ALB_5XX_PER_MINUTE.read(node), DATABASE_CPU_PERCENT.read(node), DATABASE_ACU_PERCENT.read(node),
                    DATABASE_FREEABLE_MEMORY_MIB.read(node), DATABASE_FREE_STORAGE_GIB.read(node));
        });
    }
}
