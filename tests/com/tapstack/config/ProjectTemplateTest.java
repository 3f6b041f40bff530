package com.tapstack.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Project;
import com.tapstack.support.Reference;
import com.tapstack.tooling.check.Checker;
import com.tapstack.tooling.offline.OfflineEngine;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Pulumi.yaml doubles as a `pulumi new` template without changing the project. */
class ProjectTemplateTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> projectFile() throws Exception {
        return new Yaml().load(Files.readString(Project.DIR.resolve("Pulumi.yaml")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTemplateSectionHasTheSchemasShapeAndPromptsForWhatAStackNeeds() throws Exception {
        var template = (Map<String, Object>) projectFile().get("template");

        assertThat(template.keySet()).isSubsetOf(Set.of("description", "quickstart", "important", "config"));
        var prompts = (Map<String, Map<String, Object>>) template.get("config");
        assertThat(prompts).containsOnlyKeys("aws:region", "environment", "owner", "costCenter");
        prompts.values().forEach(prompt -> {
            assertThat(prompt.keySet()).isSubsetOf(Set.of("description", "default", "secret"));
            assertThat((String) prompt.get("description")).isNotBlank();
        });
    }

    @Test
    void theTemplateAddsNoProjectDefaults() {
        var project = ProjectFile.read(Project.DIR);

        assertThat(project.configDefaults()).doesNotContainKeys("aws:region", project.name() + ":environment",
                project.name() + ":owner", project.name() + ":costCenter");
    }

    @Test
    void aStackWithOnlyTheTemplatesAnswersLoadsPlansAndIsOnlyToldToRecordItsZones() {
        var answers = Map.<String, Object>of("aws:region", "us-east-1", Reference.NS + "environment", "dev",
                Reference.NS + "owner", "payments-team", Reference.NS + "costCenter", "payments");

        var config = Reference.load("dev", answers);
        var plan = OfflineEngine.plan(config, "dev");

        assertThat(config.platform().services()).isEmpty();
        assertThat(plan.byType("aws:ecs/cluster:Cluster")).hasSize(1);
        assertThat(plan.byType("aws:lb/loadBalancer:LoadBalancer")).isEmpty();
        // Protected by default, with zones looked up until the stack file records them.
        var report = Checker.check(plan, config);
        assertThat(report.blocking()).isFalse();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("TAP605");
            assertThat(f.message()).isEqualTo("places its subnets in zones looked up on every run (us-east-1a,"
                    + " us-east-1b, us-east-1c); record the zones by id in " + Reference.NS + "availabilityZones (the plan prints them)");
        });
    }
}
