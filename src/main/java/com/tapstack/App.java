package com.tapstack;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.resources.ComponentResourceOptions;
import com.tapstack.config.EngineConfigSource;
import com.tapstack.stack.ConfigLoader;
import com.tapstack.stack.StackConfig;
import com.tapstack.stack.TapStack;

/**
 * The Pulumi program. {@code pulumi up} runs {@link #main}; the offline planner and the tests run
 * {@link #define} under the SDK's mock engine with configuration read from the stack file. Nothing else differs.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    /** Under the Pulumi engine: configuration comes from the engine. */
    static void stack(Context ctx) {
        var loaded = ConfigLoader.loadWithWarnings(EngineConfigSource.fromEnvironment(ctx.stackName()),
                ctx.projectName());
        loaded.warnings().forEach(ctx.log()::warn);
        define(ctx, loaded.config());
    }

    /** The stack for a validated configuration, its outputs exported. */
    public static TapStack define(Context ctx, StackConfig config) {
        var stack = new TapStack(config.project(), config, ComponentResourceOptions.builder().build());
        stack.outputs().forEach(ctx::export);
        return stack;
    }
}
