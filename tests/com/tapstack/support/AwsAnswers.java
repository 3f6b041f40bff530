package com.tapstack.support;

import com.pulumi.test.Mocks;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * AWS answering otherwise than the offline simulator for chosen resources or lookups: a service read back at
 * another revision, subnets in other zones, an image without tags. Wrap the simulator with one of these in
 * {@code OfflineEngine.plan(config, stack, account, aws -> AwsAnswers...)}. Part of the test kit.
 */
public final class AwsAnswers {

    private AwsAnswers() {
    }

    /** Resources that {@code match} read back with their state edited by {@code edit}; everything else as usual. */
    public static Mocks readBack(Mocks aws, Predicate<Mocks.ResourceArgs> match, Consumer<Map<String, Object>> edit) {
        return new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                return aws.newResourceAsync(args).thenApply(result -> {
                    if (!match.test(args)) {
                        return result;
                    }
                    @SuppressWarnings("unchecked")
                    var state = new HashMap<String, Object>((Map<String, Object>) result.state);
                    edit.accept(state);
                    return ResourceResult.of(result.id, state);
                });
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                return aws.callAsync(args);
            }
        };
    }

    /** Lookups that {@code match} answer with their result edited by {@code edit}. */
    public static Mocks lookup(Mocks aws, Predicate<Mocks.CallArgs> match, Consumer<Map<String, Object>> edit) {
        return new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                return aws.newResourceAsync(args);
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                return aws.callAsync(args).thenApply(answer -> {
                    if (!match.test(args)) {
                        return answer;
                    }
                    var copy = new HashMap<>(answer);
                    edit.accept(copy);
                    return copy;
                });
            }
        };
    }

    /** Matches the resources of one type whose {@code name} input ends with {@code suffix}. */
    public static Predicate<Mocks.ResourceArgs> named(String type, String suffix) {
        return args -> args.type.equals(type) && String.valueOf(args.inputs.get("name")).endsWith(suffix);
    }
}
