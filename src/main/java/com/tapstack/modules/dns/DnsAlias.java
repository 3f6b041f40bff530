package com.tapstack.modules.dns;

import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

/** The alias A record that points the configured host name at the load balancer. */
public final class DnsAlias {

    private DnsAlias() {
    }

    public static Record create(String logicalName, DnsConfig dns, Output<String> loadBalancerDnsName,
                                Output<String> loadBalancerZoneId, Resource parent) {
        return new Record(logicalName, RecordArgs.builder()
                .zoneId(dns.zoneId())
                .name(dns.recordName())
                .type("A")
                .aliases(RecordAliasArgs.builder()
                        .name(loadBalancerDnsName)
                        .zoneId(loadBalancerZoneId)
                        .evaluateTargetHealth(true)
                        .build())
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
