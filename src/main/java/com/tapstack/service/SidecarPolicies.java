package com.tapstack.service;

import com.tapstack.config.service.ServiceConfig;
import com.tapstack.config.service.SidecarKind;
import com.tapstack.iam.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a service's ready-made sidecars do with the task role's credentials, and nothing more. Plain sidecars get
 * nothing: what they need, the service's permissions list.
 */
public final class SidecarPolicies {

    /**
     * What the collector's awsxray exporter and receiver call: PutTraceSegments and PutTelemetryRecords to send,
     * GetSamplingRules and GetSamplingTargets for the X-Ray SDKs' sampling it proxies. X-Ray defines no resource
     * type for any of the four (Service Authorization Reference, AWS X-Ray: empty resource type column), so AWS
     * accepts only "*" for them.
     */
    public static final List<String> XRAY_ACTIONS = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords",
            "xray:GetSamplingRules", "xray:GetSamplingTargets");
    /**
     * Writing to a log group that exists: Fluent Bit's cloudwatch_logs plugin calls only CreateLogStream and
     * PutLogEvents without auto_create_group or log_retention_days (fluent-bit plugins/out_cloudwatch_logs/
     * cloudwatch_api.c); the collector's awsemf exporter the same two, plus CreateLogGroup only for a missing group
     * (opentelemetry-collector-contrib internal/aws/cwlogs/cwlog_client.go). Neither calls DescribeLogStreams:
     * PutLogEvents no longer takes sequence tokens.
     */
    public static final List<String> WRITE_LOG_ACTIONS = List.of("logs:CreateLogStream", "logs:PutLogEvents");

    private SidecarPolicies() {
    }

    /** Whether the service's sidecars need task role statements. */
    public static boolean needed(ServiceConfig config) {
        return config.sidecar(SidecarKind.FIRELENS).isPresent() || config.sidecar(SidecarKind.OTEL).isPresent();
    }

    /**
     * The task role statements of the service's sidecars: the router writes streams of the service's log group;
     * the collector sends traces to X-Ray and writes its metrics (EMF, which CloudWatch turns into metrics itself:
     * no cloudwatch:PutMetricData) to the service's metrics log group.
     *
     * @param logGroupArn        the service's log group, as the provider returns it (no trailing {@code :*})
     * @param metricsLogGroupArn the metrics log group, present when the service has an otel sidecar
     */
    public static List<Statement> statements(ServiceConfig config, String logGroupArn,
                                             Optional<String> metricsLogGroupArn) {
        var statements = new ArrayList<Statement>();
        if (config.sidecar(SidecarKind.FIRELENS).isPresent()) {
            statements.add(Statement.allow("FireLensWriteLogs").actions(WRITE_LOG_ACTIONS)
                    .resources(logGroupArn + ":log-stream:*").build());
        }
        if (config.sidecar(SidecarKind.OTEL).isPresent()) {
            statements.add(Statement.allow("OtelTraces").actions(XRAY_ACTIONS).resources("*").build());
            statements.add(Statement.allow("OtelMetrics").actions(WRITE_LOG_ACTIONS)
                    .resources(metricsLogGroupArn.orElseThrow(() -> new IllegalStateException("an otel sidecar's"
                            + " service has a metrics log group")) + ":log-stream:*").build());
        }
        return statements;
    }
}
