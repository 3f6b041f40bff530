package com.tapstack.stack;

import com.pulumi.aws.ecr.Repository;
import com.pulumi.core.Output;
import com.tapstack.service.FargateService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects the stack outputs, including the per-service map ({@code services}). */
final class StackOutputs {

    private final Map<String, Output<?>> outputs = new LinkedHashMap<>();
    private final List<Output<Map.Entry<String, Map<String, String>>>> services = new ArrayList<>();

    void put(String name, Output<?> value) {
        outputs.put(name, value);
    }

    /**
     * A service's name, task definition family, the task definition it runs (verified to be the one registered),
     * discovery name and, where it has one, repository URL.
     */
    void service(String name, FargateService service, Optional<Repository> repository) {
        var repositoryUrl = repository.map(r -> r.repositoryUrl().applyValue(Optional::of))
                .orElse(Output.of(Optional.empty()));
        services.add(Output.tuple(service.serviceName(), service.taskDefinitionFamily(), service.taskDefinitionArn(),
                repositoryUrl).applyValue(t -> {
            var values = new LinkedHashMap<String, String>();
            // A scheduled task has a schedule where a service has its ECS service and Cloud Map name.
            values.put(service.scheduleName().isPresent() ? "scheduleName" : "serviceName", t.t1);
            values.put("taskDefinitionFamily", t.t2);
            values.put("taskDefinitionArn", t.t3);
            service.discoveryName().ifPresent(discoveryName -> values.put("discoveryName", discoveryName));
            t.t4.ifPresent(url -> values.put("repositoryUrl", url));
            return Map.entry(name, (Map<String, String>) values);
        }));
    }

    Map<String, Output<?>> all() {
        var all = new LinkedHashMap<>(outputs);
        all.put("services", Output.all(services).applyValue(entries -> {
            var byName = new LinkedHashMap<String, Map<String, String>>();
            entries.forEach(e -> byName.put(e.getKey(), e.getValue()));
            return byName;
        }));
        return Map.copyOf(all);
    }
}
