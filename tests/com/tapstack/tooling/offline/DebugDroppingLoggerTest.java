package com.tapstack.tooling.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.aws.s3.Bucket;
import com.pulumi.aws.s3.BucketArgs;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class DebugDroppingLoggerTest {

    private static final SimulatedAccount ACCOUNT =
            new SimulatedAccount(SimulatedAccount.DEFAULT_ACCOUNT_ID, "eu-west-1");

    /** Records what reaches the SDK's logger. */
    private static final class SdkLogger implements EngineLogger {
        final List<String> received = new ArrayList<>();

        @Override
        public CompletableFuture<Void> logAsync(Level level, String message, Resource resource, Integer streamId,
                                                Boolean ephemeral) {
            received.add(level + " " + message);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public int getErrorCount() {
            return (int) received.stream().filter(m -> m.startsWith("SEVERE")).count();
        }

        @Override
        public boolean hasLoggedErrors() {
            return getErrorCount() > 0;
        }
    }

    @Test
    void debugLinesStopHereAndEverythingElseReachesTheSdksLogger() {
        var sdk = new SdkLogger();
        var logger = new DebugDroppingLogger(sdk);

        logger.debugAsync("registering");
        logger.logAsync(Level.FINEST, "finest", null, null, null);
        logger.infoAsync("info");
        logger.warnAsync("warning");
        logger.errorAsync("error");
        logger.logAsync(Level.WARNING, "direct", null, null, null);

        assertThat(sdk.received).containsExactly("INFO info", "WARNING warning", "SEVERE error", "WARNING direct");
        assertThat(logger.getErrorCount()).isEqualTo(1);
        assertThat(logger.hasLoggedErrors()).isTrue();
    }

    /** The program's own log is the SDK test builder's logger, not the deployment's: it decides as before. */
    @Test
    void aProgramsErrorStillFailsThePlanAndItsDebugAndInfoLinesDoNot() {
        var plan = OfflineEngine.plan("proj", "test", ACCOUNT, UnaryOperator.identity(), ctx -> {
            ctx.log().debug("debug line");
            ctx.log().info("info line");
            new Bucket("logs", BucketArgs.builder().bucket("tap-logs").build());
        });
        assertThat(plan.resources()).extracting(r -> r.name()).contains("logs");

        assertThatThrownBy(() -> OfflineEngine.plan("proj", "test", ACCOUNT, UnaryOperator.identity(),
                ctx -> ctx.log().error("the program refused its input")))
                .isInstanceOf(OfflineEngine.PlanException.class)
                .hasMessageContaining("the program refused its input");
    }
}
