package com.tapstack.tooling.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.pulumi.serialization.internal.Deserializer;
import com.pulumi.test.internal.PulumiTestInternal;
import com.tapstack.bootstrap.DeployIdentityConfig;
import com.tapstack.bootstrap.DeployIdentityProgram;
import com.tapstack.config.ProjectFile;
import com.tapstack.config.StackFileSource;
import com.tapstack.support.Project;
import com.tapstack.support.Reference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The program as {@code pulumi up} runs it: its own JVM on the runtime class path (what the runnable jar holds),
 * configuration in {@code PULUMI_CONFIG} as the CLI passes it, every engine call over gRPC to a {@link
 * GrpcStandInEngine}. It must register exactly what the offline plan shows, input for input.
 */
class ProgramOverGrpcTest {

    static final String JAR_PROPERTY = "tap.programJar";

    /**
     * The program runs once and briefly here: the quick JIT tier and the serial collector, as in ./tap and the
     * tests' own JVMs. Neither changes what it registers; the jar itself is what pulumi up starts.
     */
    private static final String[] QUICK_START = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"};

    private static final Deserializer DESERIALIZER = new Deserializer(PulumiTestInternal.mockLog(
            Logger.getLogger("com.tapstack.tests.overgrpc")));

    @Test
    void theProgramRegistersOverGrpcWhatTheOfflinePlanShows() throws Exception {
        var stack = "dev";
        var config = Reference.config(stack);
        var source = StackFileSource.read(Reference.project(), Reference.DIR.resolve("Pulumi." + stack + ".yaml"));

        assertRegistersOverGrpc(Reference.plan(stack), config.project(), stack, SimulatedAccount.forStack(config),
                source);
    }

    /**
     * The jar's other program, the deploy identity (bootstrap/Pulumi.yaml), chosen by the project's name as
     * {@code pulumi up} in bootstrap/ gives it: a fork runs it once, before any workflow can.
     */
    @Test
    void theDeployIdentityProgramRegistersOverGrpcWhatItsOfflinePlanShows() throws Exception {
        var project = "shop" + DeployIdentityConfig.PROJECT_ENDING;
        var stack = "identity";
        var account = new SimulatedAccount("210987654321", "eu-central-1");
        var values = new LinkedHashMap<String, Object>();
        values.put("aws:region", "eu-central-1");
        values.put(project + ":repository", "acme/shop");
        values.put(project + ":environments", List.of("dev", "prod"));
        values.put(project + ":previewEnvironments", List.of("prod"));
        var source = StackFileSource.of(new ProjectFile(project, Map.of()), "Pulumi." + stack + ".yaml", values);
        var offline = OfflineEngine.plan(project, stack, account, UnaryOperator.identity(),
                ctx -> DeployIdentityProgram.define(ctx, source));

        assertThat(offline.byType("aws:iam/role:Role")).hasSize(3);
        assertRegistersOverGrpc(offline, project, stack, account, source);
    }

    /** Runs the program over gRPC and compares what it registers with the offline plan, input for input. */
    private static void assertRegistersOverGrpc(Plan offline, String project, String stack, SimulatedAccount account,
                                                StackFileSource source) throws Exception {
        try (var engine = new GrpcStandInEngine(project, stack, new AwsSimulator(account, stack))) {
            var run = runProgram(engine, project, stack, source);

            assertThat(run.exitCode).as(run.output).isZero();
            assertThat(engine.log()).filteredOn(line -> line.startsWith("ERROR")).isEmpty();
            var registered = engine.registered();
            var expected = offline.resources().stream().map(PlannedResource::urn).toList();
            assertThat(registered.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            for (var resource : offline.resources()) {
                var request = registered.get(resource.urn());
                assertThat(planValues(request.getObject().getFieldsMap())).as(resource.urn())
                        .isEqualTo(resource.inputs());
                assertThat(request.getParent().isEmpty() ? null : request.getParent()).as(resource.urn())
                        .isEqualTo(resource.parent().orElse(null));
                assertThat(request.getDependenciesList().stream().distinct().sorted().toList()).as(resource.urn())
                        .isEqualTo(resource.dependencies());
            }
        }
    }

    @Test
    void theProgramsClassPathCarriesOneGrpcTransportOkHttp() throws Exception {
        var classpath = Files.readString(Project.DIR.resolve("target/classpath.txt"));

        assertThat(classpath).contains("grpc-okhttp-").doesNotContain("grpc-netty");
    }

    private static Map<String, Object> planValues(Map<String, com.google.protobuf.Value> fields) {
        var values = new HashMap<String, Object>();
        fields.forEach((key, value) -> values.put(key, PlanValues.fromWire(DESERIALIZER, value)));
        return values;
    }

    private record Run(int exitCode, String output) {
    }

    /**
     * The runnable jar when {@value #JAR_PROPERTY} names it ({@code .ci/run} does, after {@code mvn package}: then the
     * shaded jar itself is what talks to the stand-in), else the same classes from the build's runtime class path.
     */
    private static List<String> programCommand(String javaBinary) throws IOException {
        var jar = System.getProperty(JAR_PROPERTY);
        if (jar != null && !jar.isBlank()) {
            return List.of(javaBinary, QUICK_START[0], QUICK_START[1], "-jar", jar);
        }
        var classpath = Project.DIR.resolve("target/classes") + java.io.File.pathSeparator
                + Files.readString(Project.DIR.resolve("target/classpath.txt")).trim();
        return List.of(javaBinary, QUICK_START[0], QUICK_START[1], "-cp", classpath, "com.tapstack.App");
    }

    /** Starts the program as the Java language host would, against the stand-in. */
    private static Run runProgram(GrpcStandInEngine engine, String project, String stack, StackFileSource source)
            throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(programCommand(java)).redirectErrorStream(true);
        var env = builder.environment();
        env.put("PULUMI_MONITOR", engine.address());
        env.put("PULUMI_ENGINE", engine.address());
        env.put("PULUMI_PROJECT", project);
        env.put("PULUMI_STACK", stack);
        env.put("PULUMI_ORGANIZATION", "organization");
        env.put("PULUMI_DRY_RUN", "false");
        env.put("PULUMI_PARALLEL", "4");
        env.put("PULUMI_CONFIG", new Gson().toJson(source.texts()));
        env.put("PULUMI_CONFIG_SECRET_KEYS", new Gson().toJson(source.secretKeys()));
        // Output to a file, not a pipe: a program that hangs must not hang the build; it is stopped at the timeout.
        var log = Files.createTempFile("program-over-grpc", ".log");
        try {
            var process = builder.redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Run(-1, "timed out after 120 s\n" + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
