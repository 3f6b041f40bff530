package com.tapstack.config.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FargateSizeTest {

    @Test
    void theTableHasAwsSeventyFourLinuxPairs() {
        assertThat(FargateSize.all()).hasSize(74);
        assertThat(FargateSize.memoryFor(256)).containsExactly(512, 1024, 2048);
        assertThat(FargateSize.memoryFor(512)).containsExactly(1024, 2048, 3072, 4096);
        assertThat(FargateSize.memoryFor(4096)).hasSize(23).startsWith(8192).endsWith(30720);
        assertThat(FargateSize.memoryFor(8192)).hasSize(12).startsWith(16384).endsWith(61440);
        assertThat(FargateSize.memoryFor(16384)).hasSize(12).startsWith(32768).endsWith(122880);
        assertThat(FargateSize.memoryFor(300)).isEmpty();
    }

    @ParameterizedTest(name = "cpu {0} memory {1} valid={2}")
    @CsvSource({"256, 512, true", "256, 2048, true", "256, 1024, true", "256, 4096, false", "512, 512, false",
            "1024, 8192, true", "1024, 9216, false", "2048, 16384, true", "4096, 30720, true", "4096, 31744, false",
            "8192, 20480, true", "8192, 18432, false", "16384, 122880, true", "16384, 36864, false"})
    void validity(int cpu, int memory, boolean valid) {
        assertThat(FargateSize.isValid(cpu, memory)).isEqualTo(valid);
    }

    @Test
    void nearestPairsAreTheFewestDoublingsAway() {
        assertThat(FargateSize.nearest(256, 4096, 2))
                .containsExactly(new FargateSize(256, 2048), new FargateSize(512, 4096));
    }
}
