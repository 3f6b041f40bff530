package com.tapstack.tooling.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineUrnTest {

    private static final String STACK_URN = "urn:pulumi:dev::tap::pulumi:pulumi:Stack::tap-dev";

    @Test
    void theStacksChildrenLeaveTheRootStacksTypeOutAndGrandchildrenCarryTheirParentsType() {
        var component = EngineUrn.of("dev", "tap", STACK_URN, "tap:stack:TapStack", "tap-dev");
        var vpc = EngineUrn.of("dev", "tap", component, "aws:ec2/vpc:Vpc", "tap-dev-vpc");

        assertThat(EngineUrn.of("dev", "tap", "", Plan.STACK_TYPE, "tap-dev")).isEqualTo(STACK_URN);
        assertThat(component).isEqualTo("urn:pulumi:dev::tap::tap:stack:TapStack::tap-dev");
        assertThat(vpc).isEqualTo("urn:pulumi:dev::tap::tap:stack:TapStack$aws:ec2/vpc:Vpc::tap-dev-vpc");
    }

    @Test
    void theEarlierFormAddsTheRootStacksTypeToTheTypePartOnlyAndOnlyOnce() {
        var vpc = "urn:pulumi:dev::tap::tap:stack:TapStack$aws:ec2/vpc:Vpc::tap-dev-vpc";
        var earlier = "urn:pulumi:dev::tap::pulumi:pulumi:Stack$tap:stack:TapStack$aws:ec2/vpc:Vpc::tap-dev-vpc";
        // A name may hold :: and $ (Pulumi names are free text).
        var oddName = "urn:pulumi:dev::tap::aws:s3/bucket:Bucket::a::b$pulumi:pulumi:Stack$c";

        assertThat(EngineUrn.withRootStackType(vpc)).isEqualTo(earlier);
        assertThat(EngineUrn.withRootStackType(earlier)).isEqualTo(earlier);
        assertThat(EngineUrn.withRootStackType(STACK_URN)).isEqualTo(STACK_URN);
        assertThat(EngineUrn.withRootStackType(oddName))
                .isEqualTo("urn:pulumi:dev::tap::pulumi:pulumi:Stack$aws:s3/bucket:Bucket::a::b$pulumi:pulumi:Stack$c");
        assertThat(EngineUrn.withoutRootStackType(EngineUrn.withRootStackType(oddName))).isEqualTo(oddName);
        assertThat(EngineUrn.withoutRootStackType(earlier)).isEqualTo(vpc);
        assertThat(EngineUrn.withoutRootStackType(oddName)).isEqualTo(oddName);
    }
}
