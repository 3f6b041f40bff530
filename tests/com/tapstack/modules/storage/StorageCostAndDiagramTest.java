package com.tapstack.modules.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tapstack.config.CostAssumptions;
import com.tapstack.support.Fixtures;
import com.tapstack.support.StackValues;
import com.tapstack.tooling.cost.CostEstimate;
import com.tapstack.tooling.cost.CostEstimator;
import com.tapstack.tooling.cost.PriceTable;
import com.tapstack.tooling.diagram.MermaidDiagram;
import com.tapstack.tooling.offline.Plan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What storage costs in ./tap cost, and how ./tap diagram draws the file systems and who mounts them. */
class StorageCostAndDiagramTest {

    static final String S = Fixtures.key("services");
    static final PriceTable PRICES = PriceTable.shipped();

    static StackValues values() {
        return Fixtures.values(Fixtures.SMALL)
                .set(Fixtures.key("storage"), Map.of("fileSystems", Map.of("shared", Map.of(), "media", Map.of())))
                .set(Fixtures.key("costAssumptions"), Map.of("efsGBPerFileSystem", 25))
                .setIn(S, "orders.ephemeralStorage", 50)
                .setIn(S, "orders.volumes", List.of(Map.of("fileSystem", "shared", "path", "/data")))
                .setIn(S, "storefront.volumes", List.of(Map.of("fileSystem", "shared", "path", "/srv/shared",
                        "readOnly", true), Map.of("fileSystem", "media", "path", "/media")));
    }

    static final Plan PLAN = Fixtures.plan(Fixtures.SMALL, values());

    static CostEstimate estimate() {
        var config = Fixtures.load(Fixtures.SMALL, values().toMap());
        return CostEstimator.estimate(PLAN, config.costAssumptions(), config.logRetentionDays(), PRICES);
    }

    @Test
    void ephemeralStorageBeyondTwentyGbIsBilledPerTaskAndEfsForItsAssumedSize() {
        var orders = PLAN.named("aws:ecs/service:Service", Fixtures.project().name() + "-orders");
        var tasks = ((Number) orders.input("desiredCount")).intValue();
        var estimate = estimate();
        assertThat(estimate.lines()).filteredOn(l -> l.family().equals("Fargate ephemeral storage")).singleElement()
                .satisfies(line -> {
                    assertThat(line.basis()).isEqualTo((30 * tasks) + " GB beyond the included 20 GB per task x 730 h");
                    assertThat(line.monthly()).isCloseTo(30 * tasks * 730 * PRICES.price("fargateEphemeralGBHour"),
                            within(0.01));
                });
        assertThat(estimate.lines()).filteredOn(l -> l.family().equals("EFS storage")).singleElement()
                .satisfies(line -> {
                    assertThat(line.basis()).isEqualTo("2 file systems x 25 GB assumed (Standard; transfer by use, not"
                            + " included)");
                    assertThat(line.monthly()).isCloseTo(2 * 25 * PRICES.price("efsStandardGBMonth"), within(0.01));
                });
    }

    @Test
    void withoutStorageThereIsNoStorageLineAndTheAssumptionDefaultsToTenGb() {
        var config = Fixtures.config(Fixtures.SMALL);
        var estimate = CostEstimator.estimate(Fixtures.plan(Fixtures.SMALL), config.costAssumptions(),
                config.logRetentionDays(), PRICES);
        assertThat(estimate.lines()).extracting(CostEstimate.Line::family)
                .doesNotContain("Fargate ephemeral storage", "EFS storage");
        assertThat(config.costAssumptions().efsGBPerFileSystem()).isEqualTo(10.0);
        assertThat(new CostAssumptions(1, 1, 1)).isEqualTo(CostAssumptions.defaults());
    }

    @Test
    void theDiagramDrawsEachFileSystemWithAnEdgeFromEachServiceThatMountsIt() {
        var diagram = MermaidDiagram.render(PLAN);
        var id = Fixtures.project().name() + "_";
        assertThat(diagram).contains("  efs_" + id + "storage_shared[(\"EFS " + id.replace('_', '-') + "qa-t1-efs-shared"
                + "<br/>elastic, encrypted\")]");
        assertThat(diagram.lines().filter(l -> l.contains("-->|\"NFS :2049\"|"))).containsExactlyInAnyOrder(
                "  svc_" + id + "orders -->|\"NFS :2049\"| efs_" + id + "storage_shared",
                "  svc_" + id + "storefront -->|\"NFS :2049\"| efs_" + id + "storage_shared",
                "  svc_" + id + "storefront -->|\"NFS :2049\"| efs_" + id + "storage_media");
        assertThat(diagram).contains("  kms -.->|encrypts| efs_" + id + "storage_media");
        assertThat(MermaidDiagram.render(Fixtures.plan(Fixtures.SMALL))).doesNotContain("efs_");
    }
}
