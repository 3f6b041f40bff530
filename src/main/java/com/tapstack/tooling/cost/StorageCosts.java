package com.tapstack.tooling.cost;

import com.tapstack.config.CostAssumptions;
import com.tapstack.tooling.offline.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What storage costs a month: ephemeral storage a service asks for beyond the 20 GB Fargate includes (per task and
 * hour, every desired task placed on on-demand or Spot alike), and EFS Standard storage for the assumed size of each
 * file system (reads and writes of Elastic throughput are billed by use and left out).
 */
final class StorageCosts {

    static final String EPHEMERAL = "Fargate ephemeral storage";
    static final String EFS = "EFS storage";
    /** What every Fargate task gets without charge (Fargate pricing: "20 GB of ephemeral storage by default"). */
    static final int INCLUDED_GB = 20;

    private StorageCosts() {
    }

    static List<CostEstimate.Line> lines(Plan plan, CostAssumptions usage, PriceTable prices) {
        var lines = new ArrayList<CostEstimate.Line>();
        var hours = prices.hoursPerMonth();
        double extraGbTasks = 0;
        for (var service : plan.byType("aws:ecs/service:Service")) {
            var definition = plan.find(r -> r.type().equals("aws:ecs/taskDefinition:TaskDefinition")
                    && r.output("arn") != null && r.output("arn").equals(service.input("taskDefinition")));
            var size = definition.map(d -> d.input("ephemeralStorage")).filter(Map.class::isInstance)
                    .map(m -> ((Map<?, ?>) m).get("sizeInGib")).filter(Number.class::isInstance)
                    .map(n -> ((Number) n).intValue()).orElse(INCLUDED_GB);
            var tasks = service.input("desiredCount") instanceof Number n ? n.intValue() : 0;
            extraGbTasks += Math.max(0, size - INCLUDED_GB) * (double) tasks;
        }
        if (extraGbTasks > 0) {
            lines.add(line(EPHEMERAL, CostEstimator.fmt(extraGbTasks) + " GB beyond the included " + INCLUDED_GB
                    + " GB per task x " + hours + " h", extraGbTasks * hours * prices.price("fargateEphemeralGBHour")));
        }
        var fileSystems = plan.byType("aws:efs/fileSystem:FileSystem").size();
        if (fileSystems > 0) {
            var gb = fileSystems * usage.efsGBPerFileSystem();
            lines.add(line(EFS, fileSystems + " file system" + (fileSystems == 1 ? "" : "s") + " x "
                    + CostEstimator.fmt(usage.efsGBPerFileSystem()) + " GB assumed (Standard; transfer by use, not"
                    + " included)", gb * prices.price("efsStandardGBMonth")));
        }
        return lines;
    }

    private static CostEstimate.Line line(String family, String basis, double monthly) {
        return new CostEstimate.Line(family, basis, Math.round(monthly * 100) / 100.0);
    }
}
