package com.tapstack.logs;

import java.util.LinkedHashMap;
import java.util.Map;

/** The awslogs log driver's options, as every container of the stack and the Service Connect proxy use them. */
public final class AwsLogsDriver {

    private AwsLogsDriver() {
    }

    /**
     * To {@code logGroupName} under {@code streamPrefix}, non-blocking with a 25 MB buffer, so a CloudWatch Logs
     * throttle never stalls the container (ECS developer guide, LogConfiguration: mode, max-buffer-size).
     */
    public static Map<String, String> options(String logGroupName, String region, String streamPrefix) {
        var options = new LinkedHashMap<String, String>();
        options.put("awslogs-group", logGroupName);
        options.put("awslogs-region", region);
        options.put("awslogs-stream-prefix", streamPrefix);
        options.put("mode", "non-blocking");
        options.put("max-buffer-size", "25m");
        return options;
    }
}
