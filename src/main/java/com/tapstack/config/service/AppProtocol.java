package com.tapstack.config.service;

import com.tapstack.config.ConfigKey;

/**
 * The application protocol of a Service Connect port (the port mapping's {@code appProtocol}; ECS API
 * PortMapping: http, http2 or grpc). Without one the proxy treats the port as TCP: no per-request timeout, no
 * HTTP status metrics.
 */
public enum AppProtocol implements ConfigKey.Choice {
    HTTP,
    HTTP2,
    GRPC;
}
