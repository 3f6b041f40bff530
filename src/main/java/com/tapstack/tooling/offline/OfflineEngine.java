package com.tapstack.tooling.offline;

import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import com.tapstack.App;
import com.tapstack.config.ConfigException;
import com.tapstack.stack.StackConfig;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the real program ({@link App#define}) under the SDK's mock engine against the {@link AwsSimulator} and
 * returns the {@link Plan}. No credentials, CLI or network are used. The SDK keeps one deployment per JVM, so
 * runs are serialized.
 */
public final class OfflineEngine {

    private static final Object ONE_DEPLOYMENT_AT_A_TIME = new Object();

    private OfflineEngine() {
    }

    public static Plan plan(StackConfig config, String stackName) {
        return plan(config, stackName, SimulatedAccount.forStack(config));
    }

    public static Plan plan(StackConfig config, String stackName, SimulatedAccount account) {
        return plan(config, stackName, account, UnaryOperator.identity());
    }

    /**
     * With {@code answers} wrapped around the simulator: a test makes AWS answer otherwise for one resource (a
     * service read back at another revision, say) and sees what the program does with it.
     */
    public static Plan plan(StackConfig config, String stackName, SimulatedAccount account,
                            UnaryOperator<Mocks> answers) {
        return plan(config.project(), stackName, account, answers, ctx -> App.define(ctx, config));
    }

    /** Any program of this code base (the stack, the deploy identity) under the simulator. */
    public static Plan plan(String project, String stackName, SimulatedAccount account, UnaryOperator<Mocks> answers,
                            java.util.function.Consumer<com.pulumi.Context> program) {
        return plan(project, stackName, account, answers, program, RecordingMonitor::new);
    }

    /** With the monitor made by {@code monitors} from the mocks and the SDK's log (tests compare conversions). */
    static Plan plan(String project, String stackName, SimulatedAccount account, UnaryOperator<Mocks> answers,
                     java.util.function.Consumer<com.pulumi.Context> program,
                     java.util.function.BiFunction<Mocks, com.pulumi.Log, RecordingMonitor> monitors) {
        synchronized (ONE_DEPLOYMENT_AT_A_TIME) {
            var quiet = Logger.getLogger("com.tapstack.tooling.offline.engine");
            quiet.setUseParentHandlers(false);
            quiet.setLevel(Level.OFF);
            var simulator = new AwsSimulator(account, stackName);
            var mocks = answers.apply(simulator);
            var monitor = monitors.apply(mocks, PulumiTestInternal.mockLog(quiet));
            try {
                var result = PulumiTestInternal.builder()
                        .options(TestOptions.builder()
                                .projectName(project)
                                .stackName(stackName)
                                .preview(false)
                                .build())
                        .mocks(mocks)
                        .standardLogger(quiet)
                        .monitorDecorator(ignored -> monitor)
                        .deploymentFactory(state -> {
                            state.logger = new DebugDroppingLogger(state.logger);
                            state.runner = new QuietRunner(state.logger);
                            return new DeploymentImpl(state);
                        })
                        .build()
                        .runTest(program::accept);
                for (var exception : result.exceptions()) {
                    throw asPlanFailure(exception);
                }
                if (!result.errors().isEmpty()) {
                    throw new PlanException(String.join("\n", result.errors()));
                }
                return monitor.toPlan(project, stackName, account);
            } finally {
                PulumiTest.cleanup();
            }
        }
    }

    /** A config error raised while the program ran (e.g. too few AZs) stays a config error. */
    private static RuntimeException asPlanFailure(Throwable exception) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigException configException) {
                return configException;
            }
        }
        return new PlanException("the program failed: " + exception, exception);
    }

    /** The program could not be planned for a reason other than configuration. */
    public static final class PlanException extends RuntimeException {
        public PlanException(String message) {
            super(message);
        }

        public PlanException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
