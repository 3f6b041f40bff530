package com.tapstack.tooling.offline;

import com.google.common.collect.ImmutableMap;
import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.pulumi.serialization.internal.Deserializer;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.PulumiTestInternal;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass;
import pulumirpc.Resource.RegisterPackageRequest;
import pulumirpc.Resource.RegisterPackageResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;

/**
 * A Pulumi engine on a real gRPC port, for a program started as {@code pulumi up} starts it (its own JVM,
 * {@code PULUMI_MONITOR} and {@code PULUMI_ENGINE} pointing here): the resource monitor answers registrations and
 * lookups from the {@link AwsSimulator}, as the offline engine does, and keeps every request; the engine keeps the
 * program's log. Only the calls the SDK makes for this program are served; any other is UNIMPLEMENTED, which fails
 * the program loudly.
 */
final class GrpcStandInEngine implements AutoCloseable {

    private final String project;
    private final String stack;
    private final Mocks simulator;
    private final Deserializer deserializer = new Deserializer(PulumiTestInternal.mockLog(quiet()));
    private final Map<String, RegisterResourceRequest> registered = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Server server;

    GrpcStandInEngine(String project, String stack, Mocks simulator) throws IOException {
        this.project = project;
        this.stack = stack;
        this.simulator = simulator;
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .maxInboundMessageSize(400 * 1024 * 1024)
                .addService(new Monitor())
                .addService(new Engine())
                .build()
                .start();
    }

    private static Logger quiet() {
        var logger = Logger.getLogger("com.tapstack.tests.standin");
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.OFF);
        return logger;
    }

    /** host:port, as the Pulumi CLI passes it in PULUMI_MONITOR and PULUMI_ENGINE. */
    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    /** Every registration received, by URN, in arrival order. */
    Map<String, RegisterResourceRequest> registered() {
        synchronized (registered) {
            return Map.copyOf(registered);
        }
    }

    /** The program's log lines, "SEVERITY message". */
    List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    private ImmutableMap<String, Object> known(Struct struct) {
        var fields = struct.getFieldsMap();
        return RecordingMonitor.knownValues(fields, PlainWire.fromWire(fields), deserializer);
    }

    private static Struct wire(Object state) {
        var struct = state instanceof Map<?, ?> map ? PlainWire.structOf(map) : PlainWire.NOT_PLAIN;
        if (struct == PlainWire.NOT_PLAIN) {
            throw new IllegalStateException("the simulator answered a value the stand-in cannot send: " + state);
        }
        return (Struct) struct;
    }

    private static <T> void reply(StreamObserver<T> observer, T response) {
        observer.onNext(response);
        observer.onCompleted();
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {

        @Override
        public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> observer) {
            // As the SDK's mock monitor answers, so that the program serializes exactly as under the offline engine.
            reply(observer, SupportsFeatureResponse.newBuilder()
                    .setHasSupport(!"outputValues".equals(request.getId())).build());
        }

        @Override
        public void registerResource(RegisterResourceRequest request,
                                     StreamObserver<RegisterResourceResponse> observer) {
            var urn = EngineUrn.of(stack, project, request.getParent(), request.getType(), request.getName());
            registered.put(urn, request);
            var response = RegisterResourceResponse.newBuilder().setUrn(urn);
            if (request.getCustom()) {
                var answer = simulator.newResourceAsync(new Mocks.ResourceArgs(request.getType(), request.getName(),
                        known(request.getObject()), request.getProvider(), request.getImportId())).join();
                response.setId(answer.id.orElse(request.getImportId())).setObject(wire(answer.state));
            } else {
                response.setObject(Struct.getDefaultInstance());
            }
            reply(observer, response.build());
        }

        @Override
        public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> observer) {
            reply(observer, Empty.getDefaultInstance());
        }

        @Override
        public void invoke(ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> observer) {
            try {
                var answer = simulator.callAsync(new Mocks.CallArgs(request.getTok(), known(request.getArgs()),
                        request.getProvider())).join();
                reply(observer, ResourceInvokeResponse.newBuilder().setReturn(wire(answer)).build());
            } catch (RuntimeException e) {
                observer.onError(io.grpc.Status.UNKNOWN.withDescription(String.valueOf(e.getMessage()))
                        .asRuntimeException());
            }
        }

        @Override
        public void registerPackage(RegisterPackageRequest request, StreamObserver<RegisterPackageResponse> observer) {
            reply(observer, RegisterPackageResponse.newBuilder().setRef(request.getName() + "-" + request.getVersion())
                    .build());
        }
    }

    private final class Engine extends EngineGrpc.EngineImplBase {
        private volatile String root = "";

        @Override
        public void log(EngineOuterClass.LogRequest request, StreamObserver<Empty> observer) {
            log.add(request.getSeverity() + " " + request.getMessage());
            reply(observer, Empty.getDefaultInstance());
        }

        @Override
        public void getRootResource(EngineOuterClass.GetRootResourceRequest request,
                                    StreamObserver<EngineOuterClass.GetRootResourceResponse> observer) {
            reply(observer, EngineOuterClass.GetRootResourceResponse.newBuilder().setUrn(root).build());
        }

        @Override
        public void setRootResource(EngineOuterClass.SetRootResourceRequest request,
                                    StreamObserver<EngineOuterClass.SetRootResourceResponse> observer) {
            root = request.getUrn();
            reply(observer, EngineOuterClass.SetRootResourceResponse.getDefaultInstance());
        }
    }
}
