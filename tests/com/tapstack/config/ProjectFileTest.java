package com.tapstack.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulumi.yaml's config block is read with the CLI's key rules and types. */
class ProjectFileTest {

    @TempDir
    Path dir;

    private ProjectFile read(String text) throws Exception {
        Files.writeString(dir.resolve("Pulumi.yaml"), text);
        return ProjectFile.read(dir);
    }

    @Test
    void keysFollowTheCliRulesBareForTheProjectAndNamespaceConfigNameForOthers() throws Exception {
        var project = read("name: shop\nruntime: java\nconfig:\n  azCount: {type: integer, default: 2}\n"
                + "  aws:config:region: {default: eu-west-1}\n  aws:allowedAccountIds: {type: array, default: []}\n");

        assertThat(project.configDefaults()).containsEntry("shop:azCount", 2L).containsEntry("aws:region", "eu-west-1")
                .containsKey("aws:allowedAccountIds").doesNotContainKey("aws:config:region");
    }

    @Test
    void anIntegerWrittenWithAZeroFractionIsTheInteger() throws Exception {
        var project = read("name: shop\nruntime: java\nconfig:\n  azCount: {type: integer, default: 3.0}\n");

        assertThat(project.configDefaults()).containsEntry("shop:azCount", 3L);
    }
}
