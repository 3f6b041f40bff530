package com.tapstack.tooling.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.config.ProjectFile;
import com.tapstack.stack.StackKeys;
import com.tapstack.support.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The files generated from the code are committed as generated: the configuration reference, the rule table and
 * Pulumi.yaml's config block. After changing a key or a rule, {@code ./tap docs --write} brings them in step.
 */
class GeneratedFilesTest {

    @Test
    void everyCommittedGeneratedFileIsWhatTheCodeGenerates() throws Exception {
        var dir = Project.DIR;
        GeneratedFiles.expected(dir).forEach((path, text) -> {
            try {
                assertThat(Files.readString(dir.resolve(path))).as(path + " (run ./tap docs --write)").isEqualTo(text);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void pulumiYamlDeclaresEveryScalarProjectKeyWithTheTablesTypeAndDefault(@TempDir Path file) throws Exception {
        var yaml = (java.util.Map<String, Object>) new Yaml().load(GeneratedFiles.pulumiYaml(
                Files.readString(Project.DIR.resolve("Pulumi.yaml"))));
        var config = (java.util.Map<String, java.util.Map<String, Object>>) yaml.get("config");

        assertThat(config.get("logRetentionDays")).containsEntry("type", "integer")
                .containsEntry("default", StackKeys.LOG_RETENTION_DAYS.defaultValue().orElseThrow());
        assertThat(config.get("protect")).containsEntry("type", "boolean").containsEntry("default", true);
        assertThat(config.get("environmentSuffix")).containsEntry("default", "");
        assertThat(config.get("natStrategy")).containsEntry("default", "perAz");
        // Required keys have no default, so the Pulumi CLI refuses a stack without them.
        assertThat(config.get("environment")).doesNotContainKey("default");
        assertThat(config.get("owner")).doesNotContainKey("default");
        assertThat(config).doesNotContainKeys("services", "database", "tags", "availabilityZones");
        // The project file reader accepts what is generated (types it knows, defaults of their type).
        Files.writeString(file.resolve("Pulumi.yaml"), GeneratedFiles.pulumiYaml("name: shop\nruntime: java\n"));
        assertThat(ProjectFile.read(file).configDefaults()).containsEntry("shop:azCount", 3L)
                .containsEntry("shop:vpcCidr", "10.0.0.0/16");
    }

    @Test
    void theConfigurationReferenceListsEveryKeyOfEveryTableWithItsDefault() {
        var markdown = ConfigReference.markdown();

        for (var table : ConfigReference.tables()) {
            assertThat(markdown).contains("## " + table.title() + ": `" + table.path() + "`");
            table.keys().forEach(key -> assertThat(markdown).contains("| `" + key.name() + "` | " + key.type()));
        }
        assertThat(markdown).contains("| `logRetentionDays` | integer | `30` |")
                .contains("| `minCount` | integer | *1, or maxCount when lower* |");
    }
}
