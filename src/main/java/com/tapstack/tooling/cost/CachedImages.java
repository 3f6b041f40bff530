package com.tapstack.tooling.cost;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.tapstack.tooling.offline.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The ECR storage of images pulled through a pull through cache: one line per rule, its distinct images (those of
 * the task definitions under the rule's prefix) at the assumed size each, at ECR's storage price. The first pull's
 * transfer is on AWS's side; pulls inside the region from ECR cost nothing extra.
 */
final class CachedImages {

    static final String FAMILY = "ECR pull through cache";

    private CachedImages() {
    }

    static List<CostEstimate.Line> lines(Plan plan, double imageGB, PriceTable prices) {
        var images = new TreeSet<String>();
        for (var task : plan.byType("aws:ecs/taskDefinition:TaskDefinition")) {
            List<Map<String, Object>> containers = new Gson().fromJson(task.inputString("containerDefinitions"),
                    new TypeToken<List<Map<String, Object>>>() { }.getType());
            containers.forEach(container -> images.add(String.valueOf(container.get("image"))));
        }
        var lines = new ArrayList<CostEstimate.Line>();
        for (var rule : plan.byType("aws:ecr/pullThroughCacheRule:PullThroughCacheRule")) {
            var prefix = "/" + rule.inputString("ecrRepositoryPrefix") + "/";
            // Each digest is an image of its own in ECR; two services running one image store it once.
            var count = images.stream().filter(image -> image.contains(prefix)).count();
            var gb = count * imageGB;
            lines.add(new CostEstimate.Line(FAMILY, rule.inputString("upstreamRegistryUrl") + ": " + count
                    + " cached image" + (count == 1 ? "" : "s") + " x " + CostEstimator.fmt(imageGB) + " GB (assumed)",
                    Math.round(gb * prices.price("ecrStorageGBMonth") * 100) / 100.0));
        }
        return lines;
    }
}
