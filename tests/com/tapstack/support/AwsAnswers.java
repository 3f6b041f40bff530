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
        return answer(aws, match, args -> aws.callAsync(args).thenApply(answer -> {
            var copy = new HashMap<>(answer);
            edit.accept(copy);
            return copy;
        }));
    }

    /**
     * Lookups that {@code match} answered by {@code answer} instead of the simulator: a failure (nothing found), or
     * an answer the simulator never gives (an endpoint the VPC has).
     */
    public static Mocks answer(Mocks aws, Predicate<Mocks.CallArgs> match,
                               java.util.function.Function<Mocks.CallArgs, CompletableFuture<Map<String, Object>>> answer) {
        return new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                return aws.newResourceAsync(args);
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                return match.test(args) ? answer.apply(args) : aws.callAsync(args);
            }
        };
    }

    /** Matches the lookups of one function token, e.g. {@code aws:ec2/getSubnet:getSubnet}. */
    public static Predicate<Mocks.CallArgs> invoked(String token) {
        return args -> token.equals(args.token);
    }

    /** Matches the lookups of one function token whose argument {@code name} is {@code value}. */
    public static Predicate<Mocks.CallArgs> invoked(String token, String name, Object value) {
        return args -> token.equals(args.token) && args.args != null && value.equals(args.args.get(name));
    }

    /** Matches the resources of one type whose {@code name} input ends with {@code suffix}. */
    public static Predicate<Mocks.ResourceArgs> named(String type, String suffix) {
        return args -> args.type.equals(type) && String.valueOf(args.inputs.get("name")).endsWith(suffix);
    }
}
