package com.tapstack.tooling.offline;

import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The SDK's task runner contract (run the program, then wait until every task it registered has finished or
 * one has failed) without the cost of the SDK's default runner, which polls its set of tasks in a loop and
 * formats that whole set into a debug message on every pass, whether or not the message is logged: work that
 * grows with the square of the resource count and keeps a core busy. This one counts tasks and sleeps until
 * the count reaches zero. Used only by the offline engine; {@code pulumi up} runs the SDK's own runner.
 *
 * <p>The counts are atomics and the waiter is woken only when the count reaches zero or a task fails: every
 * resource completes several tasks, and a lock taken (and a waiter woken) on each completion was a tenth of a
 * warm plan's samples in a JFR profile, the pool threads queueing on it.
 */
final class QuietRunner implements Runner {

    private final EngineLogger engineLogger;
    private final Object lock = new Object();
    private final ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong registered = new AtomicLong();

    QuietRunner(EngineLogger engineLogger) {
        this.engineLogger = engineLogger;
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        registered.incrementAndGet();
        pending.incrementAndGet();
        task.whenComplete((value, error) -> {
            if (error != null) {
                failures.add(unwrap(error));
            }
            if (pending.decrementAndGet() == 0 || error != null) {
                // Under the lock, so the waiter is either before its check or inside wait(): never missed.
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        });
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
        var program = ContextAwareCompletableFuture.supplyAsync(callback);
        registerTask("program", program);
        var result = new CompletableFuture<Result<T>>();
        var waiter = new Thread(() -> {
            try {
                awaitAllTasks();
                T value = failures.isEmpty() ? program.getNow(null) : null;
                int code = !failures.isEmpty() ? ProcessExitedAfterLoggingUserActionableMessage
                        : engineLogger.hasLoggedErrors() ? ProcessExitedBeforeLoggingUserActionableMessage
                        : ProcessExitedSuccessfully;
                result.complete(new OfflineResult<>(code, List.copyOf(failures), Optional.ofNullable(value)));
            } catch (RuntimeException | InterruptedException e) {
                result.completeExceptionally(e);
            }
        }, "tap-offline-runner");
        waiter.setDaemon(true);
        waiter.start();
        return result;
    }

    /**
     * Returns once no task is pending and none was registered while the pool settled (a finishing task may
     * register the next one from its continuation), or as soon as one has failed.
     */
    private void awaitAllTasks() throws InterruptedException {
        while (true) {
            long seen;
            synchronized (lock) {
                while (pending.get() > 0 && failures.isEmpty()) {
                    lock.wait();
                }
            }
            if (!failures.isEmpty()) {
                return;
            }
            seen = registered.get();
            ForkJoinPool.commonPool().awaitQuiescence(1, TimeUnit.SECONDS);
            if (pending.get() == 0 && registered.get() == seen) {
                return;
            }
        }
    }

    private static Exception unwrap(Throwable error) {
        var cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof Exception exception ? exception : new RuntimeException(cause);
    }

    /** The runner's result; the SDK's constructor is protected. */
    private static final class OfflineResult<T> extends Result<T> {
        OfflineResult(int exitCode, List<Exception> exceptions, Optional<T> result) {
            super(exitCode, exceptions, result);
        }
    }
}
