package com.tapstack.tooling.offline;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.resources.Resource;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;

/**
 * The engine logger of the SDK's deployment in offline plans, with its debug messages dropped. The deployment's
 * own log (pulumi-java 1.36.1, DeploymentImpl's {@code Log}: several debug lines per registered resource, and the
 * converter's warnings) sends every debug line to the engine as an async task chained after the previous one
 * (DefaultEngineLogger.logImplAsync: a {@code thenComposeAsync} hop to the pool and a task registered with the
 * runner per message). Under the mock engine nothing reads them: the mock keeps only errors (MockEngine.logAsync)
 * and the offline engine's own logger is off. Info, warnings and errors go to the SDK's logger as before. The
 * program's {@code ctx.log()} is another logger, made by the SDK's test builder (PulumiTestInternal), and is left
 * as it is: a program's error still fails the plan.
 */
final class DebugDroppingLogger implements EngineLogger {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final EngineLogger sdkLogger;

    DebugDroppingLogger(EngineLogger sdkLogger) {
        this.sdkLogger = sdkLogger;
    }

    @Override
    public CompletableFuture<Void> debugAsync(String message, Resource resource,
                                              Integer streamId, Boolean ephemeral) {
        return DONE;
    }

    @Override
    public CompletableFuture<Void> infoAsync(String message, Resource resource,
                                             Integer streamId, Boolean ephemeral) {
        return sdkLogger.infoAsync(message, resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> warnAsync(String message, Resource resource,
                                             Integer streamId, Boolean ephemeral) {
        return sdkLogger.warnAsync(message, resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> errorAsync(String message, Resource resource,
                                              Integer streamId, Boolean ephemeral) {
        return sdkLogger.errorAsync(message, resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> logAsync(Level level, String message, Resource resource,
                                            Integer streamId, Boolean ephemeral) {
        return level.intValue() < Level.INFO.intValue() ? DONE
                : sdkLogger.logAsync(level, message, resource, streamId, ephemeral);
    }

    @Override
    public int getErrorCount() {
        return sdkLogger.getErrorCount();
    }

    @Override
    public boolean hasLoggedErrors() {
        return sdkLogger.hasLoggedErrors();
    }
}
