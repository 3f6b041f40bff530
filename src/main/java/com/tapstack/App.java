package com.tapstack;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.resources.ComponentResourceOptions;
import com.tapstack.bootstrap.DeployIdentityProgram;
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

    /** Threads the ForkJoin common pool gets when nothing else set its parallelism. */
    static final String COMMON_POOL_PARALLELISM = "4";
    static final String PARALLELISM_PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        keepTheCommonPoolBusyEnough();
        StartupClasses.loadInBackground();
        Pulumi.run(App::stack);
    }

    /**
     * The SDK chains its engine calls as CompletableFutures on the ForkJoin common pool, whose parallelism is the
     * CPU count minus one: one thread on a 2-CPU runner, and on one CPU none (a new thread per task). A blocking
     * step then holds the pool's only worker, which is how the SDK hangs on one- and two-CPU runners under Java 25
     * (pulumi/pulumi-java#2270, fixed by #2314 in an SDK release newer than the one this project pins). The property is read once, when the pool is first used, so it is set before anything
     * else runs, and only when neither the command line nor JAVA_TOOL_OPTIONS chose a value.
     */
    static void keepTheCommonPoolBusyEnough() {
        if (System.getProperty(PARALLELISM_PROPERTY) == null) {
            System.setProperty(PARALLELISM_PROPERTY, COMMON_POOL_PARALLELISM);
        }
    }

    /**
     * Under the Pulumi engine: configuration comes from the engine. The jar holds two programs; the project named
     * {@code <stack project>-deploy-identity} (bootstrap/Pulumi.yaml) is the deploy identity, every other the stack.
     */
    static void stack(Context ctx) {
        if (DeployIdentityProgram.runs(ctx.projectName())) {
            DeployIdentityProgram.define(ctx, EngineConfigSource.fromEnvironment(ctx.stackName()));
            return;
        }
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
