package com.tapstack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.tapstack.stack.ConfigLoader;
import com.tapstack.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every value reaches the program as the Pulumi CLI hands it over: the stack file typed by yaml.v3 v3.0.1,
 * written back and turned into text (pulumi/pulumi sdk/go/common/workspace/loaders.go, resource/config
 * object.go; traced in source, 2026-12), and the engine's PULUMI_CONFIG decoded the same way. Each row is a
 * scalar as written, the text the program receives for a top-level key, and the JSON value inside a mapping.
 */
class CliReadingTest {

    @TempDir
    Path dir;

    private StackFileSource read(String yaml) throws Exception {
        var file = dir.resolve("Pulumi.t.yaml");
        Files.writeString(file, yaml);
        return StackFileSource.read(Fixtures.project(), file);
    }

    @ParameterizedTest(name = "{0} -> \"{1}\", {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "0123 | 83 | 83",
            "08080 | 8080 | 8080",
            "0o17 | 15 | 15",
            "0x1F | 31 | 31",
            "0b101 | 5 | 5",
            "1e3 | 1000 | 1000",
            ".5 | 0.5 | 0.5",
            "yes | yes | \"yes\"",
            "on | on | \"on\"",
            "Off | Off | \"Off\"",
            "True | true | true",
            "FALSE | false | false",
            "~ | `` | null",
            "null | `` | null",
            "`\"0123\"` | 0123 | \"0123\"",
            "`'0x1F'` | 0x1F | \"0x1F\"",
            "!!str 0123 | 0123 | \"0123\"",
            "16.10 | 16.1 | 16.1",
            "1.0 | 1 | 1",
            "3.0e2 | 300 | 300",
            "+5 | 5 | 5",
            "-012 | -10 | -10",
            "1_000 | 1000 | 1000",
            "1e21 | 1e+21 | 1e+21",
            "0.0000001 | 1e-7 | 1e-7",
            "2001-12-14 | 2001-12-14 00:00:00 +0000 UTC | \"2001-12-14 00:00:00 +0000 UTC\"",
            "12:30 | 12:30 | \"12:30\"",
            "1.2.3 | 1.2.3 | \"1.2.3\"",
            "v1.2 | v1.2 | \"v1.2\"",
            "012345678901 | 12345678901 | 12345678901",
            // Nested numbers go back through json.Number: beyond int64 they become float64.
            "18446744073709551615 | 18446744073709551615 | 18446744073709552000",
            "9223372036854775808 | 9223372036854775808 | 9223372036854776000",
            // The CLI writes the file back before reading it: -0.0 is written -0, read again as the integer 0.
            "-0.0 | 0 | 0",
            "-1e-400 | 0 | 0",
            // Out of float64's range, ParseFloat fails and yaml.v3 keeps the text.
            "1e400 | 1e400 | \"1e400\"",
            // A leading dot goes to Go's ParseFloat as written: underscores between digits, no f/d suffix.
            ".5_5 | 0.55 | 0.55",
            ".5f | .5f | \".5f\"",
            "-.nan | -.nan | \"-.nan\"",
            // Go's time.Parse: one-digit fields, a space or a T, fractions cut to what they say.
            "2001-1-2T3:4:5Z | 2001-01-02 03:04:05 +0000 UTC | \"2001-01-02 03:04:05 +0000 UTC\"",
            "2001-12-14 21:59:43.10 | 2001-12-14 21:59:43.1 +0000 UTC | \"2001-12-14 21:59:43.1 +0000 UTC\"",
            // resolve.go's table is ASCII: other digits start a text.
            "\u0663 | \u0663 | \"\u0663\""})
    void aScalarReachesTheProgramAsTheCliWritesIt(String written, String topLevel, String nested) throws Exception {
        var source = read("config:\n  shop:x: " + written + "\n  shop:o: {v: " + written + "}\n");

        assertThat(source.texts()).containsEntry("shop:x", topLevel).containsEntry("shop:o", "{\"v\":" + nested + "}");
    }

    @Test
    void theStackFileAndTheEnginesConfigDecodeToTheSameValues() throws Exception {
        var source = read("""
                config:
                  shop:a: 0123
                  shop:b: {port: 08080, flag: yes, version: 16.10, list: [1e3, .5, ~, "0123"]}
                  shop:c: True
                  azCount: 3
                  shop:config:legacy: x
                """);
        var pulumiConfig = new Gson().toJson(source.texts());

        var engine = EngineConfigSource.fromJson("t", pulumiConfig, "[]");

        assertThat(engine.namespace("shop")).isEqualTo(source.namespace("shop"));
        assertThat(source.namespace("shop")).containsEntry("a", "83").containsEntry("c", "true")
                .containsEntry("azCount", "3").containsEntry("legacy", "x")
                .containsEntry("b", Map.of("port", 8080L, "flag", "yes", "version", 16.1,
                        "list", java.util.Arrays.asList(1000L, 0.5, null, "0123")));
    }

    @Test
    void aSecretAnywhereMakesTheWholeKeySecretOnBothPaths() throws Exception {
        var source = read("""
                config:
                  shop:p: {a: plain, b: [{secure: v1:AAAA}]}
                """);

        assertThat(source.secretKeys()).containsExactly("shop:p");
        assertThat(source.namespace("shop").get("p")).isEqualTo(Map.of("a", SecretValue.of("plain"),
                "b", List.of(SecretValue.encrypted())));
        var engine = EngineConfigSource.fromJson("t", "{\"shop:p\": \"{\\\"a\\\":\\\"plain\\\",\\\"b\\\":[\\\"tok\\\"]}\"}",
                "[\"shop:p\"]");
        assertThat(engine.namespace("shop").get("p")).isEqualTo(Map.of("a", SecretValue.of("plain"),
                "b", List.of(SecretValue.of("tok"))));
    }

    @Test
    void anchorsAliasesAndMergeKeysAreExpanded() throws Exception {
        var source = read("""
                config:
                  shop:base: &base {cpu: 256, memory: 512}
                  shop:svc: {<<: *base, cpu: 512}
                  shop:list: [*base]
                """);

        assertThat(source.texts()).containsEntry("shop:svc", "{\"cpu\":512,\"memory\":512}")
                .containsEntry("shop:list", "[{\"cpu\":256,\"memory\":512}]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "an anchor that contains itself | `config:\n  shop:x: &a [*a]\n` | Pulumi.t.yaml: line 2: anchor 'a' value"
                    + " contains itself (as yaml.v3 reports it); allowed: aliases of values defined before them",
            "NaN | `config:\n  shop:x: .nan\n` | Pulumi.t.yaml: shop:x: .nan cannot be handed to the program (the"
                    + " Pulumi CLI refuses the file: JSON has no NaN or infinity); allowed: a finite number, or quoted text",
            "an infinity inside a mapping | `config:\n  shop:x: {v: -.inf}\n` | Pulumi.t.yaml: shop:x: an infinity"
                    + " cannot be handed to the program (the Pulumi CLI refuses the file: JSON has no NaN or infinity);"
                    + " allowed: a finite number, or quoted text",
            "a number as a key | `config:\n  123: x\n` | Pulumi.t.yaml: config: the key 123 could not be parsed as a"
                    + " configuration key (the Pulumi CLI refuses it); allowed: keys of the form <namespace>:<name>,"
                    + " e.g. shop:azCount",
            "a null key | `config:\n  ~: x\n` | Pulumi.t.yaml: config: a null key could not be parsed as a"
                    + " configuration key (the Pulumi CLI refuses it); allowed: keys of the form <namespace>:<name>,"
                    + " e.g. shop:azCount",
            "three parts | `config:\n  a:b:c: x\n` | Pulumi.t.yaml: a:b:c: could not be parsed as a configuration key"
                    + " (the Pulumi CLI refuses it); allowed: keys of the form <namespace>:<name>, e.g. shop:azCount",
            "one key twice | `config:\n  shop:x: 1\n  shop:config:x: 2\n` | Pulumi.t.yaml: shop:x: is set twice (as"
                    + " shop:x and shop:config:x), and the Pulumi CLI keeps either of them at random; allowed: one of"
                    + " the two spellings",
            "an unknown tag | `config:\n  shop:x: !Ref y\n` | Pulumi.t.yaml: line 2: uses the tag !Ref, which the"
                    + " Pulumi CLI does not read; allowed: plain values, or !!str",
            "a top-level number key | `1: x\n` | Pulumi.t.yaml: file: has the top-level key 1, and the Pulumi CLI"
                    + " expects only string keys; allowed: config:, secretsprovider:, encryptedkey:, ..."})
    void whatTheCliRefusesIsOneLineNamingTheFile(String what, String yaml, String message) {
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void nestingDeeperThanAnyConfigurationIsRefusedNotOverflowed() {
        var deep = "config:\n  shop:x: " + "[".repeat(200) + "]".repeat(200) + "\n";

        assertThatThrownBy(() -> read(deep)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Pulumi.t.yaml: ").hasMessageNotContaining("\n");
    }

    @Test
    void aValueWithoutANamespaceBelongsToTheProjectAndOtherNamespacesAreNamedInAWarning() throws Exception {
        var values = Fixtures.values(Fixtures.SMALL).remove(Fixtures.key("azCount")).set("azCount", 2)
                .set("myapp:debug", true).toMap();
        var loaded = ConfigLoader.loadWithWarnings(StackFileSource.of(Fixtures.project(), "Pulumi.small.yaml", values),
                "shop");

        assertThat(loaded.config().network().azCount()).isEqualTo(2);
        assertThat(loaded.warnings()).containsExactly("Pulumi.small.yaml: myapp:debug: nothing reads the namespace"
                + " myapp: (this program reads shop: and its providers aws: and random:); it is ignored");
    }

    @Test
    void aLeadingZeroIsReadAsTheCliReadsItAndWarnedAbout() throws Exception {
        var source = read("config:\n  shop:environmentSuffix: 0123\n  shop:tags: {Code: 0777}\n");

        assertThat(source.texts()).containsEntry("shop:environmentSuffix", "83");
        assertThat(source.warnings()).containsExactly(
                "Pulumi.t.yaml: shop:environmentSuffix: 0123 is read by the Pulumi CLI as the number 83 (a leading"
                        + " zero makes YAML octal, or drops); quote it (\"0123\") to keep the text",
                "Pulumi.t.yaml: shop:tags.Code: 0777 is read by the Pulumi CLI as the number 511 (a leading zero makes"
                        + " YAML octal, or drops); quote it (\"0777\") to keep the text");
    }
}
