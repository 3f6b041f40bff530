package com.tapstack.config.service;

import com.tapstack.config.ConfigKey;

/**
 * The ready-made sidecars: what the stack wires around them (log configuration, collector configuration, task
 * role permissions). The image is still the user's, pinned by digest.
 */
public enum SidecarKind implements ConfigKey.Choice {
    /** A FireLens log router (Fluent Bit) that sends the service container's output to its log group. */
    FIRELENS,
    /** An AWS Distro for OpenTelemetry collector: traces to X-Ray, metrics as EMF to a log group of the stack. */
    OTEL;
}
