package com.tapstack.tooling.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.Log;
import com.pulumi.asset.StringAsset;
import com.pulumi.aws.s3.Bucket;
import com.pulumi.aws.s3.BucketArgs;
import com.pulumi.core.internal.Constants;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.serialization.internal.Deserializer;
import com.pulumi.serialization.internal.Serializer;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.PulumiTestInternal;
import com.tapstack.App;
import com.tapstack.support.Fixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The offline engine's direct conversions give what the SDK's serializers give: value by value here, and over
 * every registration of whole plans, where a monitor converts each value both ways and keeps any difference.
 */
class PlainWireTest {

    private static final Log LOG = PulumiTestInternal.mockLog(quietLogger());
    private static final Deserializer SDK_DESERIALIZER = new Deserializer(LOG);

    private static Logger quietLogger() {
        var logger = Logger.getLogger("com.tapstack.tests.plainwire");
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.OFF);
        return logger;
    }

    private static Value text(String value) {
        return Value.newBuilder().setStringValue(value).build();
    }

    private static Value number(double value) {
        return Value.newBuilder().setNumberValue(value).build();
    }

    private static Value nullValue() {
        return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
    }

    private static Value list(Value... items) {
        return Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(Arrays.asList(items))).build();
    }

    private static Value struct(Object... keysAndValues) {
        var struct = Struct.newBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            struct.putFields((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
        }
        return Value.newBuilder().setStructValue(struct).build();
    }

    private static Object sdkValue(Value value) {
        return SDK_DESERIALIZER.deserialize(value).getValueNullable();
    }

    private static Struct sdkStruct(Object state) {
        var serialized = new Serializer(LOG).serializeAsync("test", state, true).join();
        @SuppressWarnings("unchecked")
        var map = (Map<String, Object>) serialized;
        return Serializer.createStruct(map);
    }

    @Test
    void plainWireValuesReadAsTheSdkReadsThem() {
        var values = List.of(
                text("tap"),
                number(3),
                number(0.25),
                Value.newBuilder().setBoolValue(true).build(),
                nullValue(),
                list(text("a"), nullValue(), number(1)),
                struct("name", text("web"), "port", number(8080), "gone", nullValue(), "__internal", text("x"),
                        "nested", struct("list", list(struct("k", text("v")))), "empty", struct()),
                list());

        for (var value : values) {
            assertThat(PlainWire.fromWire(value)).as(value.toString()).isEqualTo(sdkValue(value));
        }
    }

    @Test
    void secretsAssetsResourcesAndUnknownsAreLeftToTheSdk() {
        var secret = struct(Constants.SpecialSigKey, text(Constants.SpecialSecretSig), "value", text("s3cr3t"));
        var asset = struct(Constants.SpecialSigKey, text(Constants.SpecialAssetSig), "text", text("body"));
        var unknown = text(Constants.UnknownValue);

        for (var value : List.of(secret, asset, unknown, list(text("a"), unknown), struct("inner", secret),
                Value.getDefaultInstance())) {
            assertThat(PlainWire.fromWire(value)).as(value.toString()).isSameAs(PlainWire.NOT_PLAIN);
        }
    }

    @Test
    void plainJavaValuesGoOnTheWireAsTheSdkPutsThem() {
        var nested = new HashMap<String, Object>();
        nested.put("kept", "yes");
        nested.put("dropped", null);
        var state = new LinkedHashMap<String, Object>();
        state.put("zeta", 1);
        state.put("alpha", 2.5);
        state.put("flag", false);
        state.put("present", Optional.of("here"));
        state.put("absent", Optional.empty());
        state.put("items", new ArrayList<>(Arrays.asList("a", null, 3)));
        state.put("nested", nested);
        state.put("listOfMaps", List.of(Map.of("k", "v"), Map.of()));

        assertThat(PlainWire.structOf(state)).isEqualTo(sdkStruct(ImmutableMap.copyOf(state)));
    }

    @Test
    void javaValuesTheSdkTreatsSpeciallyOrRefusesAreLeftToIt() {
        for (var value : List.<Object>of(7L, new StringAsset("body"), Map.of(1, "one"), List.of(Map.of("n", 7L)),
                java.time.DayOfWeek.MONDAY)) {
            assertThat(PlainWire.toWire(value)).as(String.valueOf(value)).isSameAs(PlainWire.NOT_PLAIN);
        }
    }

    /** Converts every value both ways and keeps what differs. */
    private static final class CheckingMonitor extends RecordingMonitor {
        final List<String> differences = new ArrayList<>();
        final AtomicInteger inputsCompared = new AtomicInteger();
        final AtomicInteger statesCompared = new AtomicInteger();

        CheckingMonitor(Mocks mocks, Log log) {
            super(mocks, log);
        }

        @Override
        ImmutableMap<String, Object> mockInputs(Map<String, Value> fields, Map<String, Object> plain) {
            var fast = super.mockInputs(fields, plain);
            var sdk = ImmutableMap.<String, Object>builder();
            fields.forEach((key, value) -> {
                var data = SDK_DESERIALIZER.deserialize(value);
                if (data.isKnown() && data.getValueOptional().isPresent()) {
                    sdk.put(key, data.getValueOptional().get());
                }
            });
            compare("mock inputs", fast, sdk.build());
            inputsCompared.incrementAndGet();
            return fast;
        }

        @Override
        CompletableFuture<Struct> wireState(Object state) {
            var fast = super.wireState(state).join();
            @SuppressWarnings("unchecked")
            var copy = ImmutableMap.copyOf((Map<String, Object>) state);
            compare("state", fast, sdkStruct(copy));
            statesCompared.incrementAndGet();
            return CompletableFuture.completedFuture(fast);
        }

        @Override
        Map<String, Object> planValues(Map<String, Value> fields, Map<String, Object> plain) {
            var fast = super.planValues(fields, plain);
            var sdk = new HashMap<String, Object>();
            fields.forEach((key, value) -> sdk.put(key, PlanValues.fromWire(SDK_DESERIALIZER, value)));
            compare("plan values", fast, sdk);
            return fast;
        }

        private synchronized void compare(String what, Object fast, Object sdk) {
            if (!fast.equals(sdk)) {
                differences.add(what + ": " + fast + " <> " + sdk);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.SMALL, Fixtures.FULL})
    void everyValueOfAWholePlanConvertsAsTheSdkConvertsIt(String stack) {
        var config = Fixtures.config(stack);
        var monitor = new CheckingMonitor[1];

        var plan = OfflineEngine.plan(config.project(), stack, SimulatedAccount.forStack(config),
                UnaryOperator.identity(), ctx -> App.define(ctx, config),
                (mocks, log) -> monitor[0] = new CheckingMonitor(mocks, log));

        long custom = plan.resources().stream().filter(PlannedResource::custom).count();
        assertThat(monitor[0].differences).isEmpty();
        assertThat(monitor[0].inputsCompared.get()).isEqualTo((int) custom);
        assertThat(monitor[0].statesCompared.get()).isEqualTo((int) custom);
    }

    @Test
    void aStateTheSdkCannotSerializeFailsThePlanWithTheSdksMessage() {
        var config = Fixtures.config(Fixtures.SMALL);
        UnaryOperator<Mocks> longIds = simulator -> new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of("id-1"),
                        Map.of("count", 7L)));
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                return simulator.callAsync(args);
            }
        };

        assertThatThrownBy(() -> OfflineEngine.plan(config, Fixtures.SMALL, SimulatedAccount.forStack(config),
                longIds))
                .isInstanceOf(OfflineEngine.PlanException.class)
                .hasMessageContaining("Type 'Long' is not a supported argument type");
    }

    @Test
    void aResourceReadBackByUrnGetsTheIdAndStateItWasRegisteredWith() {
        var account = new SimulatedAccount(SimulatedAccount.DEFAULT_ACCOUNT_ID, "eu-west-1");
        var readBack = new String[2];

        var plan = OfflineEngine.plan("proj", "test", account, UnaryOperator.identity(), ctx -> {
            var bucket = new Bucket("logs", BucketArgs.builder().bucket("tap-logs").build());
            bucket.urn().applyValue(urn -> {
                var again = new Bucket("logs-again", BucketArgs.Empty, CustomResourceOptions.builder().urn(urn).build());
                again.id().applyValue(id -> readBack[0] = id);
                again.bucket().applyValue(name -> readBack[1] = name);
                return urn;
            });
        });

        var registered = plan.resources().stream().filter(r -> r.name().equals("logs")).findFirst().orElseThrow();
        assertThat(readBack[0]).isEqualTo(registered.id().orElseThrow());
        assertThat(readBack[1]).isEqualTo("tap-logs");
    }

    @Test
    void aLookupOfAnUnregisteredUrnIsRefused() {
        var urn = "urn:pulumi:test::proj::aws:s3/bucket:Bucket::nowhere";
        var account = new SimulatedAccount(SimulatedAccount.DEFAULT_ACCOUNT_ID, "eu-west-1");

        assertThatThrownBy(() -> OfflineEngine.plan("proj", "test", account, UnaryOperator.identity(),
                ctx -> new Bucket("ghost", BucketArgs.Empty, CustomResourceOptions.builder().urn(urn).build())))
                .isInstanceOf(OfflineEngine.PlanException.class)
                .hasMessageContaining("Unknown resource '" + urn + "'");
    }
}
