package com.tapstack.tooling.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tapstack.config.ConfigException;
import org.junit.jupiter.api.Test;

/** Deployment files: what is read, what is left out, and what is refused with one line. */
class DeploymentReaderTest {

    static final String STACK = "{\"urn\": \"urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev\", \"custom\": false,"
            + " \"type\": \"pulumi:pulumi:Stack\"}";

    static String export(String... resources) {
        return "{\"version\": 3, \"deployment\": {\"manifest\": {\"version\": \"v3.150.0\"}, \"resources\": ["
                + String.join(", ", resources) + "]}}";
    }

    static String bucket(String extra) {
        return "{\"urn\": \"urn:pulumi:dev::shop::aws:s3/bucketV2:BucketV2::logs\", \"custom\": true,"
                + " \"type\": \"aws:s3/bucketV2:BucketV2\", \"id\": \"logs-1\", \"inputs\": {\"bucket\": \"logs-1\"}"
                + extra + "}";
    }

    @Test
    void readsAnExportAndKnowsItFromAPlan() {
        var deployment = DeploymentReader.parse("e.json", export(STACK, bucket(", \"protect\": true")));
        assertThat(deployment.kind()).isEqualTo(Deployment.Kind.STACK_EXPORT);
        assertThat(deployment.stack()).isEqualTo("dev");
        assertThat(deployment.project()).isEqualTo("shop");
        assertThat(deployment.resources()).hasSize(2).last().satisfies(r -> {
            assertThat(r.protect()).isTrue();
            assertThat(r.name()).isEqualTo("logs");
            assertThat(r.inputs()).containsEntry("bucket", "logs-1");
        });
    }

    @Test
    void referencesBetweenResourcesWithTheRootStacksTypeInTheirURNsAreReadAsTheEnginesURNs() {
        var old = "urn:pulumi:dev::shop::pulumi:pulumi:Stack$";
        var component = "{\"urn\": \"" + old + "tap:stack:TapStack::shop-dev\", \"custom\": false, \"type\":"
                + " \"tap:stack:TapStack\", \"parent\": \"urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev\"}";
        var provider = old + "pulumi:providers:aws::default_6_83_0";
        var policy = "{\"urn\": \"" + old + "tap:stack:TapStack$aws:s3/bucketPolicy:BucketPolicy::logs\", \"custom\":"
                + " true, \"type\": \"aws:s3/bucketPolicy:BucketPolicy\", \"id\": \"logs-1\", \"parent\": \"" + old
                + "tap:stack:TapStack::shop-dev\", \"provider\": \"" + provider + "::04da6b54\", \"inputs\": {},"
                + " \"propertyDependencies\": {\"bucket\": [\"" + old + "tap:stack:TapStack$aws:s3/bucketV2:BucketV2"
                + "::logs\"]}}";

        var resources = DeploymentReader.parse("e.json", export(STACK, component, policy)).resources();

        assertThat(resources.get(1).urn()).isEqualTo("urn:pulumi:dev::shop::tap:stack:TapStack::shop-dev");
        assertThat(resources.get(1).parent()).contains("urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev");
        var read = resources.get(2);
        assertThat(read.urn()).isEqualTo("urn:pulumi:dev::shop::tap:stack:TapStack$aws:s3/bucketPolicy:BucketPolicy"
                + "::logs");
        assertThat(read.parent()).contains("urn:pulumi:dev::shop::tap:stack:TapStack::shop-dev");
        assertThat(read.provider()).contains("urn:pulumi:dev::shop::pulumi:providers:aws::default_6_83_0::04da6b54");
        assertThat(read.propertyDependencies()).containsExactly(java.util.Map.entry("bucket",
                java.util.List.of("urn:pulumi:dev::shop::tap:stack:TapStack$aws:s3/bucketV2:BucketV2::logs")));
    }

    @Test
    void theOldHalfOfAnUnfinishedReplacementIsLeftOut() {
        var deployment = DeploymentReader.parse("e.json", export(STACK, bucket(""), bucket(", \"delete\": true")));
        assertThat(deployment.resources()).hasSize(2);
    }

    @Test
    void aFreshStackExportHasNoResources() {
        var deployment = DeploymentReader.parse("e.json", "{\"version\": 3, \"deployment\": {\"manifest\": {}}}");
        assertThat(deployment.resources()).isEmpty();
        assertThat(deployment.stack()).isNull();
    }

    @Test
    void wrongShapesAreOneLineNamingTheFileAndTheKey() {
        assertThatThrownBy(() -> DeploymentReader.parse("e.json", export(STACK, bucket(""), bucket(""))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("e.json: deployment.resources[2].urn: repeats");
        assertThatThrownBy(() -> DeploymentReader.parse("e.json", export(bucket(""))))
                .hasMessageContaining("has no pulumi:pulumi:Stack resource");
        assertThatThrownBy(() -> DeploymentReader.parse("e.json", export(STACK.replace("\"type\": \"pulumi:pulumi:Stack\"",
                "\"type\": \"aws:s3/bucketV2:BucketV2\"")))).hasMessageContaining("is not the type in its URN");
        assertThatThrownBy(() -> DeploymentReader.parse("e.json", export(STACK) + " trailing"))
                .hasMessageContaining("is not JSON");
        assertThatThrownBy(() -> DeploymentReader.parse("e.json", "[".repeat(100_000)))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> DeploymentReader.parse("e.json", export(STACK, bucket(", \"inputs\": [1]"))))
                .isInstanceOf(ConfigException.class);
    }
}
