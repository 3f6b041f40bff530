package com.tapstack.tooling.offline;

import com.google.protobuf.Struct;
import com.pulumi.Log;
import com.pulumi.core.internal.Urn;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.resources.Resource;
import com.pulumi.serialization.internal.Deserializer;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The SDK's mock resource monitor, recording each registration as the engine would receive it: parent,
 * dependencies, options and inputs from the request, id and outputs from the simulated provider, and the
 * outputs that components and the stack register. Components are answered here, without the provider, as the
 * real engine does.
 *
 * <p>This extends the SDK's {@code @InternalUse} {@link MockMonitor} (pinned SDK version): the public
 * {@code Mocks} interface sees neither parents nor dependencies, and the plan export needs both.
 */
final class RecordingMonitor extends MockMonitor {

    private final Deserializer deserializer;
    private final Map<String, Recorded> byUrn = new ConcurrentHashMap<>();

    RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
        this.deserializer = new Deserializer(log);
    }

    /** Mutable while the program runs; turned into a {@link PlannedResource} at the end. */
    private static final class Recorded {
        final RegisterResourceRequest request;
        final String urn;
        final Map<String, Object> inputs;
        volatile String id;
        volatile Map<String, Object> outputs = Map.of();

        Recorded(RegisterResourceRequest request, String urn, Map<String, Object> inputs) {
            this.request = request;
            this.urn = urn;
            this.inputs = inputs;
        }
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                                                                             RegisterResourceRequest request) {
        var deployment = DeploymentInstanceHolder.getInstance();
        var urn = Urn.create(deployment.getStackName(), deployment.getProjectName(),
                Optional.of(request.getParent()), request.getType(), request.getName());
        var recorded = new Recorded(request, urn, fromWire(request.getObject()));
        byUrn.put(urn, recorded);
        if (!request.getCustom() && !request.getType().equals(Plan.STACK_TYPE)) {
            this.resources.add(resource);
            return CompletableFuture.completedFuture(RegisterResourceResponse.newBuilder()
                    .setUrn(urn)
                    .setObject(Struct.getDefaultInstance())
                    .build());
        }
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            recorded.id = response.getId();
            recorded.outputs = fromWire(response.getObject());
            return response;
        });
    }

    @Override
    public CompletableFuture<Void> registerResourceOutputsAsync(RegisterResourceOutputsRequest request) {
        var recorded = byUrn.get(request.getUrn());
        if (recorded != null) {
            recorded.outputs = fromWire(request.getOutputs());
        }
        return CompletableFuture.completedFuture(null);
    }

    private Map<String, Object> fromWire(Struct struct) {
        var values = new HashMap<String, Object>();
        struct.getFieldsMap().forEach((key, value) -> values.put(key, PlanValues.fromWire(deserializer, value)));
        return values;
    }

    /** The recorded graph: parents and dependencies before the resources that need them, ties by URN. */
    Plan toPlan(String project, String stack, SimulatedAccount account) {
        var resources = new ArrayList<PlannedResource>();
        Map<String, Object> stackOutputs = Map.of();
        for (var recorded : inDependencyOrder()) {
            var request = recorded.request;
            var propertyDependencies = new LinkedHashMap<String, List<String>>();
            request.getPropertyDependenciesMap().forEach((key, deps) ->
                    propertyDependencies.put(key, List.copyOf(deps.getUrnsList())));
            var custom = request.getCustom();
            resources.add(new PlannedResource(
                    recorded.urn,
                    request.getType(),
                    request.getName(),
                    custom,
                    custom ? Optional.ofNullable(recorded.id) : Optional.empty(),
                    request.getParent().isEmpty() ? Optional.empty() : Optional.of(request.getParent()),
                    request.getDependenciesList().stream().distinct().sorted().toList(),
                    propertyDependencies,
                    recorded.inputs,
                    recorded.outputs,
                    request.getProtect(),
                    request.getDeleteBeforeReplace(),
                    request.getRetainOnDelete(),
                    request.getIgnoreChangesList(),
                    request.getVersion().isEmpty() ? Optional.empty() : Optional.of(request.getVersion())));
            if (request.getType().equals(Plan.STACK_TYPE)) {
                stackOutputs = recorded.outputs;
            }
        }
        return new Plan(project, stack, account, resources, stackOutputs);
    }

    private List<Recorded> inDependencyOrder() {
        var waitingOn = new HashMap<String, Integer>();
        var dependents = new HashMap<String, List<String>>();
        byUrn.values().forEach(recorded -> {
            var needs = new ArrayList<>(recorded.request.getDependenciesList());
            if (!recorded.request.getParent().isEmpty()) {
                needs.add(recorded.request.getParent());
            }
            var known = needs.stream().distinct().filter(byUrn::containsKey).toList();
            waitingOn.put(recorded.urn, known.size());
            known.forEach(need -> dependents.computeIfAbsent(need, k -> new ArrayList<>()).add(recorded.urn));
        });
        var ready = new PriorityQueue<String>(Comparator.naturalOrder());
        waitingOn.forEach((urn, count) -> {
            if (count == 0) {
                ready.add(urn);
            }
        });
        var ordered = new ArrayList<Recorded>();
        while (!ready.isEmpty()) {
            var urn = ready.poll();
            ordered.add(byUrn.get(urn));
            for (var dependent : dependents.getOrDefault(urn, List.of())) {
                if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        return ordered;
    }
}
