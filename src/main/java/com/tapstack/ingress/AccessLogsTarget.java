package com.tapstack.ingress;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

/**
 * Where the load balancer writes access logs: a bucket, the key prefix, and the resource (the bucket policy) that
 * must exist first, since ELB checks that it may write there when logging is enabled.
 */
public record AccessLogsTarget(Output<String> bucket, String prefix, Resource ready) {
}
