package com.tapstack.modules.alblogs;

import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import java.util.Optional;

/** Load balancer access logs ({@code <project>:albLogs}). */
public record AlbLogsConfig(int expirationDays) {

    public static final IntKey EXPIRATION_DAYS = IntKey.of("expirationDays", 1, 3650, 90,
            "Days the bucket keeps access logs before its lifecycle rule expires them");
    public static final KeyTable KEYS = KeyTable.of("<project>:albLogs", "Load balancer access logs", "Access logs"
            + " to an SSE-S3 bucket with public access blocked, a TLS-only policy and a lifecycle expiry. Needs a"
            + " public service.", EXPIRATION_DAYS);
    public static final Structured BLOCK = Structured.table("albLogs", "off", "Load balancer access logs in S3",
            KEYS);

    /** The block's settings, or empty without it. */
    public static Optional<AlbLogsConfig> read(ConfigNode parent) {
        return BLOCK.optional(parent).map(node -> new AlbLogsConfig(EXPIRATION_DAYS.read(node)));
    }
}
