package com.tapstack.network;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How private subnets reach the internet. */
public enum NatStrategy implements com.tapstack.config.ConfigKey.Choice {
    /** No NAT gateway: private subnets have no default route (tasks need VPC endpoints, tap:endpoints). */
    NONE("none"),
    /** One NAT gateway in the first public subnet, shared by every AZ: cheaper, one AZ's outage cuts egress. */
    SINGLE("single"),
    /** One NAT gateway per AZ, each private subnet routing through its own AZ's gateway. */
    PER_AZ("perAz");

    private final String configValue;

    NatStrategy(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public int gatewayCount(int azCount) {
        return switch (this) {
            case NONE -> 0;
            case SINGLE -> 1;
            case PER_AZ -> azCount;
        };
    }

    /** Index of the NAT gateway the private subnet of {@code az} routes through. */
    public int gatewayFor(int az) {
        return switch (this) {
            case NONE -> throw new IllegalStateException("no NAT gateway with strategy none");
            case SINGLE -> 0;
            case PER_AZ -> az;
        };
    }

    public static Optional<NatStrategy> fromConfig(String value) {
        return Arrays.stream(values()).filter(s -> s.configValue.equals(value)).findFirst();
    }

    public static String allowedValues() {
        return Arrays.stream(values()).map(NatStrategy::configValue).collect(Collectors.joining(", "));
    }
}
