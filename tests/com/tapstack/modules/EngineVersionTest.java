package com.tapstack.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A major version is resolved to AWS's default minor of it when the database is created (the simulator answers
 * the lookup with a stand-in minor), an exact version is used as it is, and both are kept after creation.
 */
class EngineVersionTest {

    private static final String P = Fixtures.project().name() + "-";

    @ParameterizedTest(name = "{0} {1} is created at {2}")
    @CsvSource({"aurora-postgresql, 16, 16.8", "aurora-postgresql, 15, 15.12", "aurora-postgresql, 16.4, 16.4",
            "postgres, 17, 17.4", "postgres, 16.6, 16.6"})
    void theDatabaseIsCreatedAtTheResolvedOrPinnedVersionAndKeepsIt(String engine, String configured, String created) {
        var aurora = engine.equals("aurora-postgresql");
        var settings = aurora ? Map.<String, Object>of("engineVersion", configured, "instances", 2)
                : Map.<String, Object>of("engine", engine, "engineVersion", configured, "instanceClass", "db.t4g.medium");
        var plan = Fixtures.plan(Fixtures.FULL, Fixtures.values(Fixtures.FULL).set(Fixtures.key("database"), settings));
        var major = configured.split("\\.")[0];

        var database = plan.named(aurora ? "aws:rds/cluster:Cluster" : "aws:rds/instance:Instance", P + "database");
        assertThat(database.input("engineVersion")).isEqualTo(created);
        assertThat(database.ignoreChanges()).containsExactly("engineVersion");
        if (aurora) {
            // Aurora instances run their cluster's version: one added later must not ask for another.
            assertThat(plan.byType("aws:rds/clusterInstance:ClusterInstance")).hasSize(2).allSatisfy(instance -> {
                assertThat(instance.input("engineVersion")).isNull();
                assertThat(instance.ignoreChanges()).containsExactly("engineVersion");
            });
        }
        var parameters = plan.find(r -> r.type().endsWith("arameterGroup") && r.name().equals(P + "database-params"))
                .orElseThrow();
        assertThat(parameters.input("family")).isEqualTo(engine + major);
    }

    @Test
    void withoutAnEngineVersionTheDatabaseGetsTheDefaultMajor() {
        var plan = Fixtures.plan(Fixtures.FULL, Fixtures.values(Fixtures.FULL)
                .removeIn(Fixtures.key("database"), "engineVersion"));

        assertThat(plan.named("aws:rds/cluster:Cluster", P + "database").input("engineVersion")).isEqualTo("16.8");
    }
}
