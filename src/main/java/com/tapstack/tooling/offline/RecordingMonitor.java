package com.tapstack.tooling.offline;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.Log;
import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.resources.Resource;
import com.pulumi.serialization.internal.Deserializer;
import com.pulumi.serialization.internal.Serializer;
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
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The SDK's mock resource monitor, recording each registration as the engine would receive it: parent,
 * dependencies, options and inputs from the request, id and outputs from the simulated provider, and the
 * outputs that components and the stack register. Components are answered here, without the provider, as the
 * real engine does.
 *
 * <p>This extends the SDK's {@code @InternalUse} {@link MockMonitor} (pinned SDK version): the public
 * {@code Mocks} interface sees neither parents nor dependencies, and the plan export needs both. It registers
 * resources itself, as {@code MockMonitor.registerResourceAsync} does (pulumi-java 1.36.1, read: the mocks get the
 * known inputs, the response carries their id, falling back to the import id, and their state), converting plain
 * values with {@link PlainWire} and only the rest with the SDK's serializers; the SDK's {@code
 * pulumi:pulumi:getResource} lookup is answered from the same registrations.
 */
class RecordingMonitor extends MockMonitor {

    private static final String GET_RESOURCE = "pulumi:pulumi:getResource";

    private final Mocks mocks;
    private final Deserializer deserializer;
    private final Serializer serializer;
    private final Map<String, Recorded> byUrn = new ConcurrentHashMap<>();
    private final Map<String, Struct> registered = new ConcurrentHashMap<>();

    RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
        this.mocks = mocks;
        this.deserializer = new Deserializer(log);
        this.serializer = new Serializer(log);
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
        var urn = EngineUrn.of(deployment.getStackName(), deployment.getProjectName(), request.getParent(),
                request.getType(), request.getName());
        var fields = request.getObject().getFieldsMap();
        var plain = PlainWire.fromWire(fields);
        var recorded = new Recorded(request, urn, planValues(fields, plain));
        byUrn.put(urn, recorded);
        this.resources.add(resource);
        if (!request.getCustom()) {
            // Components and the stack are the engine's own: no provider sees them.
            return CompletableFuture.completedFuture(RegisterResourceResponse.newBuilder()
                    .setUrn(urn)
                    .setObject(Struct.getDefaultInstance())
                    .build());
        }
        var args = new Mocks.ResourceArgs(request.getType(), request.getName(), mockInputs(fields, plain),
                request.getProvider(), request.getImportId());
        return ContextAwareCompletableFuture.wrap(mocks.newResourceAsync(args))
                .thenCompose(answer -> wireState(answer.state).thenApply(state -> {
                    var id = answer.id.orElse(request.getImportId());
                    registered.put(urn, Struct.newBuilder()
                            .putFields("id", Value.newBuilder().setStringValue(id).build())
                            .putFields("state", Value.newBuilder().setStructValue(state).build())
                            .putFields("urn", Value.newBuilder().setStringValue(urn).build())
                            .build());
                    recorded.id = id;
                    recorded.outputs = fromWire(state);
                    return RegisterResourceResponse.newBuilder().setId(id).setUrn(urn).setObject(state).build();
                }));
    }

    /** The SDK's resource lookup by URN, from this monitor's registrations; any other invoke goes to the mocks. */
    @Override
    public CompletableFuture<ResourceInvokeResponse> invokeAsync(ResourceInvokeRequest request) {
        if (!GET_RESOURCE.equals(request.getTok())) {
            return super.invokeAsync(request);
        }
        var urn = request.getArgs().getFieldsOrDefault("urn", Value.getDefaultInstance()).getStringValue();
        var found = registered.get(urn);
        if (found == null) {
            throw new IllegalArgumentException("Unknown resource '" + urn + "', got: " + registered.keySet());
        }
        return CompletableFuture.completedFuture(ResourceInvokeResponse.newBuilder().setReturn(found).build());
    }

    /** What the mocks are given, as the SDK's monitor gives it: the known inputs with a value, in wire order. */
    ImmutableMap<String, Object> mockInputs(Map<String, Value> fields, Map<String, Object> plain) {
        return knownValues(fields, plain, deserializer);
    }

    /**
     * The fields whose value is known and not null, as the SDK's monitor hands inputs to the mocks: each field's
     * {@link PlainWire} conversion, or the SDK's where it is not plain.
     */
    static ImmutableMap<String, Object> knownValues(Map<String, Value> fields, Map<String, Object> plain,
                                                    Deserializer deserializer) {
        var inputs = ImmutableMap.<String, Object>builder();
        fields.forEach((key, value) -> {
            var converted = plain.get(key);
            if (converted == PlainWire.NOT_PLAIN) {
                var data = deserializer.deserialize(value);
                converted = data.isKnown() ? data.getValueNullable() : null;
            }
            if (converted != null) {
                inputs.put(key, converted);
            }
        });
        return inputs.build();
    }

    /** A mock's state on the wire: plain data directly, anything else through the SDK's serializer. */
    CompletableFuture<Struct> wireState(Object state) {
        // (Map.of refuses containsValue(null), so the values are looked at one by one.)
        if (state instanceof Map<?, ?> map && map.values().stream().noneMatch(java.util.Objects::isNull)) {
            var struct = PlainWire.structOf(map);
            if (struct != PlainWire.NOT_PLAIN) {
                return CompletableFuture.completedFuture((Struct) struct);
            }
        }
        // As the SDK's monitor: a defensive copy (which refuses null values), then a map or an error.
        Object copy = state instanceof Map<?, ?> map ? ImmutableMap.copyOf(map)
                : state instanceof List<?> list ? ImmutableList.copyOf(list) : state;
        return serializer.serializeAsync("MockMonitor", copy, true).thenApply(serialized -> {
            if (serialized instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                var typed = (Map<String, Object>) map;
                return Serializer.createStruct(typed);
            }
            throw new UnsupportedOperationException("'" + serialized.getClass().getTypeName()
                    + "' is not a supported result type, with argument '"
                    + (state == null ? Void.class : state.getClass()).getTypeName() + "'");
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
        var fields = struct.getFieldsMap();
        return planValues(fields, PlainWire.fromWire(fields));
    }

    /** The plan's values of a Struct's fields, given each field's {@link PlainWire} conversion. */
    Map<String, Object> planValues(Map<String, Value> fields, Map<String, Object> plain) {
        var values = new HashMap<String, Object>();
        fields.forEach((key, value) -> {
            var converted = plain.get(key);
            values.put(key, converted == PlainWire.NOT_PLAIN ? PlanValues.fromWire(deserializer, value)
                    : PlanValues.normalize(converted));
        });
        return values;
    }

    /**
     * The recorded graph: parents and dependencies before the resources that need them, ties by URN. Dependency
     * lists are sorted: the SDK gathers them in hash sets, whose order changes from run to run.
     */
    Plan toPlan(String project, String stack, SimulatedAccount account) {
        var resources = new ArrayList<PlannedResource>();
        Map<String, Object> stackOutputs = Map.of();
        for (var recorded : inDependencyOrder()) {
            var request = recorded.request;
            var propertyDependencies = new LinkedHashMap<String, List<String>>();
            request.getPropertyDependenciesMap().forEach((key, deps) ->
                    propertyDependencies.put(key, deps.getUrnsList().stream().distinct().sorted().toList()));
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
