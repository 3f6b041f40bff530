package com.tapstack.tooling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Careless and hostile stack and project files through {@code ./tap plan}: each ends in exit 2 and one line on
 * stderr that names the file, without a trace, however long or strange the value.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    /** The project of the fixture (named shop), with the program's config declarations as Pulumi.yaml has them. */
    private static String projectFile() {
        return com.tapstack.tooling.docs.GeneratedFiles.pulumiYaml("name: " + Fixtures.project().name()
                + "\nruntime: java\n");
    }

    private static String stackFile() throws Exception {
        return Files.readString(Fixtures.DIR.resolve("Pulumi.small.yaml"));
    }

    static Stream<Arguments> cases() throws Exception {
        var stack = stackFile();
        var project = projectFile();
        var longValue = "x".repeat(300_000);
        return Stream.of(
                Arguments.of("a newline in a value", project, stack.replace("shop:owner: shop-team",
                        "shop:owner: \"shop\\nteam\""), "error: Pulumi.small.yaml: shop:owner: \"shop\\nteam\" has characters"
                        + " a tag value cannot have; allowed: up to 256 letters, digits, spaces and _ . : / = + - @"),
                Arguments.of("a 300 KB value", project, stack.replace("shop:owner: shop-team", "shop:owner: "
                        + longValue), "error: Pulumi.small.yaml: shop:owner: \"" + "x".repeat(60) + "... (300000"
                        + " characters)\" is longer than the 256 characters a tag value may have; allowed: up to 256"
                        + " letters, digits, spaces and _ . : / = + - @"),
                // YAML itself allows a key of at most 1024 characters.
                Arguments.of("a 300 KB key", project, stack.replace("shop:owner: shop-team",
                        "shop:owner: shop-team\n  shop:" + longValue + ": 1"), "error: Pulumi.small.yaml: line 7: not"
                        + " valid YAML (could not find expected ':'); allowed: a YAML document"),
                Arguments.of("a 1000-character unknown key", project, stack.replace("shop:owner: shop-team",
                        "shop:owner: shop-team\n  shop:" + "k".repeat(1000) + ": 1"), "error: Pulumi.small.yaml: shop:"
                        + "k".repeat(55) + "... (1005 characters): is not a known key; allowed: shop:alarms, ..."),
                Arguments.of("a newline in a key", project, stack.replace("shop:owner: shop-team",
                        "shop:owner: shop-team\n  \"shop:own\\ner\": 1"), "error: Pulumi.small.yaml: shop:own\\ner: is"
                        + " not a known key (did you mean shop:owner?); allowed: shop:alarms, ..."),
                Arguments.of("an anchor that contains itself", project, stack + "  shop:tags: &t {a: [*t]}\n",
                        "error: Pulumi.small.yaml: line 40: anchor 't' value contains itself (as yaml.v3 reports it); allowed:"
                        + " aliases of values defined before them"),
                Arguments.of("a number as a key", project, stack + "  42: x\n", "error: Pulumi.small.yaml: config:"
                        + " the key 42 could not be parsed as a configuration key (the Pulumi CLI refuses it); allowed:"
                        + " keys of the form <namespace>:<name>, e.g. shop:azCount"),
                Arguments.of("a null key", project, stack + "  ~: x\n", "error: Pulumi.small.yaml: config: a null key"
                        + " could not be parsed as a configuration key (the Pulumi CLI refuses it); allowed: keys of the"
                        + " form <namespace>:<name>, e.g. shop:azCount"),
                Arguments.of("a secret inside a list", project, stack + "  shop:tags: [{secure: v1:AAAA}]\n",
                        "error: Pulumi.small.yaml: shop:tags: holds a Pulumi secret, and no value of this key is"
                                + " secret; allowed: plain values; a secret goes in shop:parameters as a SecureString, or"
                                + " in SSM or Secrets Manager referenced from a service's secrets"),
                Arguments.of("a secret inside a service's command", project, stack.replace("      maxCount: 2",
                        "      maxCount: 2\n      command: [run, {secure: v1:AAAA}]"), "error: Pulumi.small.yaml:"
                        + " shop:services: holds a Pulumi secret, and no value of this key is secret; allowed: plain"
                        + " values; a secret goes in shop:parameters as a SecureString, or in SSM or Secrets Manager"
                        + " referenced from a service's secrets"),
                Arguments.of("NaN", project, stack.replace("shop:spotWeight: 2", "shop:spotWeight: .nan"),
                        "error: Pulumi.small.yaml: shop:spotWeight: .nan cannot be handed to the program (the Pulumi CLI"
                                + " refuses the file: JSON has no NaN or infinity); allowed: a finite number, or quoted"
                                + " text"),
                Arguments.of("nesting beyond any configuration", project, stack + "  shop:tags: " + "[".repeat(500)
                        + "]".repeat(500) + "\n", "error: Pulumi.small.yaml: file: nests values deeper than 32 levels"
                        + " (tap's limit); allowed: the configuration docs/configuration.md documents"),
                Arguments.of("an alias bomb", project, stack + "  shop:tags:\n    a: &a [x, x, x, x, x, x, x, x, x]\n"
                        + "    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                        + "    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n    e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                        + "    f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n    g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n",
                        "error: Pulumi.small.yaml: line 41: expands to more than 100000 values through its aliases (tap's limit);"
                                + " allowed: fewer aliases"),
                Arguments.of("one key twice in a mapping", project, stack.replace("      maxCount: 2",
                        "      maxCount: 2\n      maxCount: 3"), "error: Pulumi.small.yaml: line 40: mapping key \"maxCount\""
                        + " already defined at line 39 (as yaml.v3 reports it); allowed: each key once"),
                Arguments.of("a count beyond every integer", project, stack.replace("shop:spotWeight: 2",
                        "shop:spotWeight: 99999999999999999999999"), "error: Pulumi.small.yaml: shop:spotWeight:"
                        + " \"1e+23\" is not a whole number; allowed: 0 to 1000"),
                Arguments.of("a list for a stack file", project, "- config\n- x\n", "error: Pulumi.small.yaml: file:"
                        + " top level is not a mapping; allowed: a Pulumi stack file with a config: mapping"),
                Arguments.of("bytes that are not UTF-8", project, "", "error: Pulumi.small.yaml: file: cannot be"
                        + " read as UTF-8 text (Input length = 1); allowed: a Pulumi stack file"),
                Arguments.of("a region of the right shape that AWS does not have", project,
                        stack.replace("aws:region: us-east-1", "aws:region: us-east-9"), "error: Pulumi.small.yaml:"
                        + " aws:region: \"us-east-9\" is not an AWS region (not in AWS's region list of 2026-11-24"
                        + " (@aws-sdk/core 3.981.2 partitions); a region opened since: add it to"
                        + " com.tapstack.aws.AwsRegions); allowed: us-east-1, us-east-2, us-gov-east-1, us-gov-west-1,"
                        + " us-west-1, us-west-2"),
                // What the review of the reading found (a Go reproduction of the CLI's reading next to ours).
                Arguments.of("a secret without a value", project, stack.replace("      maxCount: 2",
                        "      maxCount: 2\n      secrets: {TOKEN: ~}"), "error: Pulumi.small.yaml: shop:services.mailer.secrets.TOKEN: has no"
                        + " value; allowed: a mapping of variable name to an SSM parameter (/path/name or its ARN), a"
                        + " Secrets Manager secret ARN, {ssmParameter | secretArn, jsonKey, kmsKeyArn}, or {parameter:"
                        + " <a name in <project>:parameters>}"),
                Arguments.of("a parameter without a value", project, stack + "  shop:parameters: {LEVEL: ~}\n",
                        "error: Pulumi.small.yaml: shop:parameters.LEVEL: has no value; allowed: text, or {type, value}"),
                Arguments.of("a \\U escape beyond Unicode", project, stack.replace("shop:owner: shop-team",
                        "shop:owner: \"\\UFFFFFFFF\""), "error: Pulumi.small.yaml: file: not valid YAML (an escape that is no"
                        + " Unicode character, which yaml.v3 refuses); allowed: a YAML document"),
                Arguments.of("an escaped surrogate", project, stack.replace("shop:owner: shop-team",
                        "shop:owner: \"team\\ud800\""), "error: Pulumi.small.yaml: line 6: escapes a UTF-16 surrogate"
                        + " (\\uD800 to \\uDFFF), which yaml.v3 refuses as an invalid escape; allowed: the character"
                        + " itself, or \\U followed by its 8-digit code point"),
                Arguments.of("YAML 1.2", project, "%YAML 1.2\n---\n" + stack, "error: Pulumi.small.yaml: line 1: declares %YAML"
                        + " 1.2, a version the Pulumi CLI's YAML reader refuses; allowed: no %YAML directive (or %YAML 1.1)"),
                Arguments.of("a key written twice, once quoted", project, stack + "  shop:tags: {1: a, \"1\": b}\n",
                        "error: Pulumi.small.yaml: line 40: mapping key \"1\" already defined at line 40 (as yaml.v3"
                                + " reports it); allowed: each key once"),
                Arguments.of("two merges in one mapping", project, stack + "  shop:tags: {<<: {a: x}, <<: {b: y}}\n",
                        "error: Pulumi.small.yaml: line 40: mapping key \"<<\" already defined at line 40 (as yaml.v3"
                                + " reports it); allowed: each key once"),
                Arguments.of("a merge of nothing", project, stack + "  shop:tags: {<<: ~, a: x}\n", "error: Pulumi.small.yaml: line 40:"
                        + " merges nothing (<<: ~), which yaml.v3 refuses; allowed: <<: *anchor-of-a-mapping"),
                Arguments.of("an empty project file", "", stack, "error: Pulumi.yaml: name: is missing; allowed: 1 to"
                        + " 15 lowercase letters, digits or hyphens, starting with a letter"),
                Arguments.of("a project file without a name", "runtime: java\n", stack, "error: Pulumi.yaml: name:"
                        + " is missing; allowed: 1 to 15 lowercase letters, digits or hyphens, starting with a letter"),
                Arguments.of("a project name that is a list", "name: [a]\n", stack, "error: Pulumi.yaml: name: [\"a\"]"
                        + " cannot prefix AWS resource names; allowed: 1 to 15 lowercase letters, digits or hyphens,"
                        + " starting with a letter"),
                Arguments.of("a bad default in the project file", project.replace(
                        "  logRetentionDays:\n    type: integer\n    default: 30", "  logRetentionDays:\n    type:"
                        + " integer\n    default: 8"), stack.replace("  shop:logRetentionDays: 7\n", ""),
                        "error: Pulumi.yaml: shop:logRetentionDays: 8 is not a retention period CloudWatch Logs accepts;"
                                + " allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,"
                                + " 2192, 2557, 2922, 3288, 3653"),
                Arguments.of("a default of the wrong type", project.replace("  azCount:\n    type: integer\n"
                        + "    default: 3", "  azCount:\n    type: integer\n    default: three"), stack,
                        "error: Pulumi.yaml: config.azCount.default: \"three\" is not of the declared type integer;"
                                + " allowed: a value of type integer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInExit2AndOneLineNamingTheFile(String what, String project, String stack, String message) throws Exception {
        Files.writeString(dir.resolve("Pulumi.yaml"), project);
        Files.write(dir.resolve("Pulumi.small.yaml"), what.startsWith("bytes")
                ? new byte[] {'c', 'o', 'n', 'f', 'i', 'g', ':', '\n', ' ', ' ', 'a', ':', ' ', (byte) 0xC3, (byte) 0x28}
                : stack.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var out = new StringWriter();
        var err = new StringWriter();

        int code = TapCli.run(new String[] {"plan", "small", "--project-dir", dir.toString()}, new PrintWriter(out),
                new PrintWriter(err));

        assertThat(code).as(err.toString()).isEqualTo(TapCli.CONFIG_ERROR);
        var lines = err.toString().lines().filter(line -> !line.startsWith("warning: ")).toList();
        assertThat(lines).hasSize(1);
        // A message that lists every known key is compared up to the list ("...").
        if (message.endsWith(", ...")) {
            assertThat(lines.get(0)).startsWith(message.substring(0, message.length() - 3)).hasSizeLessThan(2_000);
        } else {
            assertThat(lines.get(0)).isEqualTo(message);
        }
    }

    @org.junit.jupiter.api.Test
    void warningsAboutOddKeysStayOneLineEach() throws Exception {
        Files.writeString(dir.resolve("Pulumi.yaml"), projectFile());
        Files.writeString(dir.resolve("Pulumi.small.yaml"), stackFile() + "  \"foo:ba\\nr\": 0123\n  \"foo:"
                + "y".repeat(900) + "\":\n");
        var out = new StringWriter();
        var err = new StringWriter();

        int code = TapCli.run(new String[] {"plan", "small", "--project-dir", dir.toString()}, new PrintWriter(out),
                new PrintWriter(err));

        assertThat(code).as(err.toString()).isZero();
        var warnings = err.toString().lines().filter(line -> !line.startsWith("tap:")).toList();
        assertThat(warnings).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("warning: ")
                .hasSizeLessThan(400));
        assertThat(String.join("\n", warnings)).contains("foo:ba\\nr").contains("(904 characters)");
    }
}
