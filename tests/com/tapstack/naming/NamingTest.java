package com.tapstack.naming;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import org.junit.jupiter.api.Test;

class NamingTest {

    private final Naming dev = new Naming(Reference.NAME, "dev", "x7k2p9");

    @Test
    void namesAreProjectEnvironmentSuffixAndPart() {
        assertThat(dev.prefix()).isEqualTo(Reference.P + "dev-x7k2p9-");
        assertThat(dev.name("vpc-flow-logs", NameLimit.LOG_GROUP)).isEqualTo(Reference.P + "dev-x7k2p9-vpc-flow-logs");
    }

    @Test
    void aPartThatWouldPassTheLimitIsCutAndHashedButThePrefixStays() {
        var name = dev.name("notifications-dispatcher", NameLimit.TARGET_GROUP);

        assertThat(name).hasSize(32).matches(Reference.P + "dev-x7k2p9-notificati-[0-9a-f]{6}");
        assertThat(dev.name("notifications-dispatcher", NameLimit.TARGET_GROUP)).isEqualTo(name);
        assertThat(dev.name("notifications-digest", NameLimit.TARGET_GROUP)).isNotEqualTo(name).hasSize(32);
    }

    @Test
    void aCutNeverEndsInAHyphenBeforeTheHash() {
        var name = dev.name("abcdefghi-jklmnopqrstuvwxyz", NameLimit.TARGET_GROUP);

        assertThat(name).doesNotContain("--").matches(Reference.P + "dev-x7k2p9-abcdefghi-[0-9a-f]{6}");
    }

    @Test
    void theLongestSuffixLeavesRoomForAPartUnderTheTightestLimit() {
        assertThat(NameLimit.tightest().maxLength()).isEqualTo(32);
        assertThat(Naming.maxSuffixLength(Reference.NAME, "dev")).isEqualTo(13);
        assertThat(Naming.maxSuffixLength(Reference.NAME, "prod")).isEqualTo(12);

        var longest = new Naming(Reference.NAME, "dev", "a".repeat(13));
        assertThat(longest.name("web-service-with-a-long-name", NameLimit.LOAD_BALANCER)).hasSize(32);
    }
}
