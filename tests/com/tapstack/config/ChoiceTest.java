package com.tapstack.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.config.service.AppProtocol;
import com.tapstack.config.service.Architecture;
import com.tapstack.config.service.Discovery;
import com.tapstack.config.service.SidecarKind;
import com.tapstack.modules.storage.ThroughputMode;
import org.junit.jupiter.api.Test;

/** A Choice is written as its constant in lower camel case, unless the enum spells it as AWS does. */
class ChoiceTest {

    @Test
    void theDefaultIsTheConstantInLowerCamelCase() {
        assertThat(Discovery.CLOUD_MAP.configValue()).isEqualTo("cloudMap");
        assertThat(Discovery.SERVICE_CONNECT.configValue()).isEqualTo("serviceConnect");
        assertThat(SidecarKind.OTEL.configValue()).isEqualTo("otel");
        assertThat(ThroughputMode.ELASTIC.configValue()).isEqualTo("elastic");
        assertThat(AppProtocol.HTTP2.configValue()).isEqualTo("http2");
    }

    @Test
    void anEnumThatSpellsItsValuesAsAwsDoesKeepsThem() {
        assertThat(Architecture.X86_64.configValue()).isEqualTo("X86_64");
    }
}
