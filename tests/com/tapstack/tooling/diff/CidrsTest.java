package com.tapstack.tooling.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CidrsTest {

    @Test
    void blocksOverlapWhenOneContainsTheOther() {
        assertThat(Cidrs.overlap("10.20.0.0/18", "10.20.0.0/19")).isTrue();
        assertThat(Cidrs.overlap("10.20.32.0/19", "10.20.0.0/18")).isTrue();
        assertThat(Cidrs.overlap("10.20.64.0/18", "10.20.32.0/19")).isFalse();
        assertThat(Cidrs.overlap("10.0.0.0/16", "10.1.0.0/16")).isFalse();
        assertThat(Cidrs.overlap("0.0.0.0/0", "192.168.1.0/24")).isTrue();
    }

    @Test
    void textThatIsNoCidrOverlapsNothing() {
        assertThat(Cidrs.overlap("10.0.0.0", "10.0.0.0/16")).isFalse();
        assertThat(Cidrs.overlap("10.0.0.256/24", "10.0.0.0/16")).isFalse();
        assertThat(Cidrs.overlap("10.0.0.0/33", "10.0.0.0/16")).isFalse();
        assertThat(Cidrs.overlap("(known after apply)", "10.0.0.0/16")).isFalse();
    }
}
