package com.tapstack.tooling.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The runner contract the offline engine relies on: wait for every task, also ones registered late; stop on a failure. */
class QuietRunnerTest {

    private final EngineLogger logger = mock(EngineLogger.class);
    private final QuietRunner runner = new QuietRunner(logger);

    @Test
    void waitsForTasksThatFinishLaterAndForTasksTheyRegister() throws Exception {
        var secondDone = new AtomicBoolean();
        var first = new CompletableFuture<String>();
        var result = runner.runAsync(() -> {
            runner.registerTask("first", first);
            first.thenRun(() -> runner.registerTask("second", CompletableFuture.runAsync(() -> {
                sleep(100);
                secondDone.set(true);
            })));
            return "stack";
        });
        CompletableFuture.runAsync(() -> {
            sleep(100);
            first.complete("ok");
        });

        var outcome = result.get(10, TimeUnit.SECONDS);

        assertThat(secondDone).isTrue();
        assertThat(outcome.exitCode()).isEqualTo(Runner.ProcessExitedSuccessfully);
        assertThat(outcome.result()).contains("stack");
        assertThat(outcome.exceptions()).isEmpty();
    }

    @Test
    void aFailedTaskEndsTheRunWithItsException() throws Exception {
        var never = new CompletableFuture<Void>();
        var failure = new IllegalStateException("no such zone");
        var result = runner.runAsync(() -> {
            runner.registerTask("never finishes", never);
            runner.registerTask("fails", CompletableFuture.failedFuture(failure));
            return "stack";
        });

        var outcome = result.get(10, TimeUnit.SECONDS);

        assertThat(outcome.exitCode()).isEqualTo(Runner.ProcessExitedAfterLoggingUserActionableMessage);
        assertThat(outcome.exceptions()).containsExactly(failure);
        assertThat(outcome.result()).isEmpty();
    }

    @Test
    void errorsLoggedToTheEngineMakeTheRunFail() throws Exception {
        when(logger.hasLoggedErrors()).thenReturn(true);

        var outcome = runner.runAsync(() -> "stack").get(10, TimeUnit.SECONDS);

        assertThat(outcome.exitCode()).isEqualTo(Runner.ProcessExitedBeforeLoggingUserActionableMessage);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
