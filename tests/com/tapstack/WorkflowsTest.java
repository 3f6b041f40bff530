package com.tapstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What the GitHub workflows promise a fork (their schema is checked by action-validator in .ci/run): every action
 * pinned to a commit, pull requests run without credentials or write tokens, deployments assume roles by OIDC and
 * never read stored AWS keys, prod only after dev, and the Pulumi project starts the jar Maven builds.
 */
class WorkflowsTest {

    static final Path WORKFLOWS = Project.DIR.resolve(".github/workflows");
    static final Pattern PINNED = Pattern.compile("^[\\w.-]+/[\\w.-]+(/[\\w.-]+)?@[0-9a-f]{40} # v\\d+\\.\\d+\\.\\d+$");

    static String read(String name) throws IOException {
        return Files.readString(WORKFLOWS.resolve(name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String name) throws IOException {
        return new Yaml().load(read(name));
    }

    @Test
    void everyActionIsPinnedToACommitWithItsVersion() throws IOException {
        try (var files = Files.list(WORKFLOWS)) {
            for (var file : files.toList()) {
                for (var line : Files.readAllLines(file)) {
                    var trimmed = line.trim();
                    if (trimmed.startsWith("- uses:") || trimmed.startsWith("uses:")) {
                        var target = trimmed.substring(trimmed.indexOf("uses:") + 5).trim();
                        if (!target.startsWith("./")) {
                            assertThat(target).as(file.getFileName() + ": " + line).matches(PINNED);
                        }
                    }
                }
            }
        }
    }

    /** Every expression: {@code ${{ ... }}} anywhere, and the bare expressions of {@code if:} keys. */
    static List<String> expressions(String text) {
        var out = new java.util.ArrayList<String>();
        var interpolation = Pattern.compile("\\$\\{\\{(.*?)}}").matcher(text);
        while (interpolation.find()) {
            out.add(interpolation.group(1));
        }
        var condition = Pattern.compile("^\\s*(?:- )?if: (.*)$", Pattern.MULTILINE).matcher(text);
        while (condition.find()) {
            if (!condition.group(1).contains("${{")) {
                out.add(condition.group(1));
            }
        }
        return out;
    }

    /**
     * Why an expression would not parse, as GitHub reads its literals: strings in single quotes, a quote inside
     * doubled; parentheses balanced outside strings. Empty when it parses this far.
     */
    static java.util.Optional<String> unparsable(String expression) {
        int depth = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\'') {
                int j = i + 1;
                while (true) {
                    j = expression.indexOf('\'', j);
                    if (j < 0) {
                        return java.util.Optional.of("a string from " + i + " is not closed");
                    }
                    if (j + 1 < expression.length() && expression.charAt(j + 1) == '\'') {
                        j += 2;
                        continue;
                    }
                    break;
                }
                i = j;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return java.util.Optional.of("a ')' at " + i + " closes nothing");
            }
        }
        return depth == 0 ? java.util.Optional.empty() : java.util.Optional.of(depth + " '(' not closed");
    }

    @Test
    void everyExpressionParses() throws IOException {
        assertThat(unparsable("a == 'x''")).isPresent();
        assertThat(unparsable("a == 'it''s' && (b || c)")).isEmpty();
        assertThat(unparsable("format('{0}', a")).isPresent();
        try (var files = Files.list(WORKFLOWS)) {
            for (var file : files.toList()) {
                var expressions = expressions(Files.readString(file));
                assertThat(expressions).as(file.getFileName().toString()).isNotEmpty();
                for (var expression : expressions) {
                    assertThat(unparsable(expression)).as(file.getFileName() + ": " + expression).isEmpty();
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void scriptsGetValuesAsVariablesExceptNumbersAndCommitsFromTheEvent() throws IOException {
        // A value pasted into a script's text runs as code if it holds a quote: only values that cannot (a
        // pull-request number, a commit sha, a step's own exit code) are pasted; everything else is an env variable.
        var allowed = java.util.Set.of("github.event.pull_request.number", "github.event.pull_request.head.sha",
                "github.event.workflow_run.head_sha", "steps.check.outputs.code", "steps.diff.outputs.code");
        try (var files = Files.list(WORKFLOWS)) {
            for (var file : files.toList()) {
                var workflow = (Map<String, Object>) new Yaml().load(Files.readString(file));
                for (var job : ((Map<String, Map<String, Object>>) workflow.get("jobs")).values()) {
                    var steps = (List<Map<String, Object>>) job.getOrDefault("steps", List.of());
                    for (var step : steps) {
                        var run = (String) step.get("run");
                        if (run == null) {
                            continue;
                        }
                        for (var expression : expressions(run)) {
                            assertThat(allowed).as(file.getFileName() + ": ${{" + expression + "}} in a script")
                                    .contains(expression.trim());
                        }
                    }
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void pullRequestsRunWithoutCredentialsOrWriteTokens() throws IOException {
        var text = read("pull-request.yml");
        assertThat(text).doesNotContain("secrets.").doesNotContain("id-token").doesNotContain("pull_request_target")
                .doesNotContain(": write");
        var workflow = yaml("pull-request.yml");
        assertThat((Map<String, Object>) workflow.get("permissions")).containsExactly(Map.entry("contents", "read"));
        assertThat(((Map<String, Object>) workflow.get("jobs")).keySet()).contains("test", "check", "diff");
        assertThat(text).contains("Pulumi.*.yaml").contains("./tap check").contains("--sarif")
                .contains("./tap diff").contains("--markdown").contains("github.event.pull_request.base.sha");
        // A base that does not plan is said so, not reported as a new stack; stack names (file names of the pull
        // request) reach scripts as variables only.
        assertThat(text).contains("The stack does not plan on the target branch").contains("STACK: ${{ matrix.stack }}");
        assertThat(text.lines().filter(l -> l.contains("./tap") && l.contains("${{"))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportIsPublishedWithoutRunningThePullRequestsCode() throws IOException {
        var text = read("pr-report.yml").lines().filter(l -> !l.trim().startsWith("#"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(text).contains("workflow_run").doesNotContain("actions/checkout").doesNotContain("./tap")
                .doesNotContain("mvn").contains("upload-sarif").contains("<!-- tap-diff -->").contains("PATCH");
        assertThat(text).contains("^[0-9]{1,10}$");
        // The comment edited is the workflow's own: anyone can post one that starts with the marker.
        assertThat(text).contains("select(.user.login == \\\"github-actions[bot]\\\" and .user.type == \\\"Bot\\\"");
        var publish = (Map<String, Object>) ((Map<String, Object>) yaml("pr-report.yml").get("jobs")).get("publish");
        assertThat((Map<String, Object>) publish.get("permissions")).containsEntry("contents", "read")
                .containsEntry("pull-requests", "write").containsEntry("security-events", "write");
    }

    @Test
    @SuppressWarnings("unchecked")
    void mainsFindingsGoToCodeScanningAsTheBaseOfPullRequests() throws IOException {
        var workflow = yaml("code-scanning.yml");
        // snakeyaml reads the key `on` as the boolean true (YAML 1.1).
        var on = (Map<String, Object>) workflow.get(Boolean.TRUE);
        assertThat(((Map<String, Object>) on.get("push")).get("branches")).isEqualTo(List.of("main"));
        var check = ((Map<String, Map<String, Object>>) workflow.get("jobs")).get("check");
        assertThat((Map<String, Object>) check.get("permissions")).containsOnly(Map.entry("contents", "read"),
                Map.entry("security-events", "write"));
        var text = read("code-scanning.yml");
        assertThat(text).contains("for file in Pulumi.*.yaml").contains("./tap check \"$stack\" --sarif")
                .contains("upload-sarif").doesNotContain("secrets.").doesNotContain("id-token");
        assertThat(text.indexOf("upload-sarif")).isLessThan(text.indexOf("exit ${{ steps.check.outputs.code }}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void deploymentsAssumeRolesByOidcDevFirstThenProdBehindItsEnvironment() throws IOException {
        var deploy = yaml("deploy.yml");
        var jobs = (Map<String, Map<String, Object>>) deploy.get("jobs");
        assertThat(jobs.keySet()).containsExactly("dev", "prod-preview", "prod");
        // prod's read-only preview runs after dev, and prod after both: after the preview whatever its result (the
        // first run has no prod stack to preview), never after a failed dev.
        assertThat(jobs.get("prod-preview").get("needs")).isEqualTo("dev");
        assertThat(jobs.get("prod-preview").get("if")).isEqualTo("vars.PROD_PREVIEW == 'true'");
        assertThat((Map<String, Object>) jobs.get("prod-preview").get("with")).containsEntry("environment", "prod")
                .containsEntry("preview-only", true);
        assertThat(jobs.get("prod").get("needs")).isEqualTo(List.of("dev", "prod-preview"));
        assertThat(jobs.get("prod").get("if")).isEqualTo("${{ !cancelled() && needs.dev.result == 'success' }}");
        assertThat(((Map<String, Object>) jobs.get("prod").get("with")).get("environment")).isEqualTo("prod");
        assertThat((Map<String, Object>) jobs.get("prod").get("with")).doesNotContainKey("preview-only");
        var environment = read("deploy-environment.yml");
        assertThat(environment).contains("id-token: write").contains("role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}")
                .contains("environment: ${{ inputs.preview-only && format('{0}-preview', inputs.environment)"
                        + " || inputs.environment }}").contains("command: preview").contains("command: up")
                .contains("mvn -B -DskipTests package")
                .doesNotContain("aws-access-key-id").doesNotContain("AWS_SECRET_ACCESS_KEY");
        assertThat(environment.indexOf("command: preview")).isLessThan(environment.indexOf("command: up"));
        // The session outlasts preview and up (nothing refreshes it) and is what the role allows; the CLI is one
        // pinned version; a stored Pulumi token is used as it is, without an OIDC exchange that would fail.
        assertThat(environment).contains("role-duration-seconds: ${{ inputs.preview-only && 3600 || 10800 }}")
                .contains("PULUMI_VERSION: 3.270.0")
                .contains("pulumi-version: ${{ env.PULUMI_VERSION }}")
;
        var steps = (List<Map<String, Object>>) ((Map<String, Map<String, Object>>) yaml("deploy-environment.yml")
                .get("jobs")).get("deploy").get("steps");
        var auth = steps.stream().filter(step -> String.valueOf(step.get("uses")).startsWith("pulumi/auth-actions@"))
                .findFirst().orElseThrow();
        assertThat(((Map<String, Object>) auth.get("with")).get("token-expiration"))
                .isEqualTo("${{ inputs.preview-only && 3600 || 10800 }}");
        // A preview-only run previews (into the job's summary) and never updates, nor creates the stack.
        var pulumi = steps.stream().filter(step -> String.valueOf(step.get("uses")).startsWith("pulumi/actions@"))
                .toList();
        assertThat(pulumi).hasSize(2);
        assertThat((Map<String, Object>) pulumi.get(0).get("with")).containsEntry("command", "preview")
                .containsEntry("upsert", "${{ !inputs.preview-only }}").containsEntry("comment-on-summary", true);
        assertThat(pulumi.get(1).get("if")).isEqualTo("${{ !inputs.preview-only }}");
        assertThat((Map<String, Object>) pulumi.get(1).get("with")).containsEntry("command", "up");
        assertThat(auth.get("if")).isEqualTo("vars.PULUMI_BACKEND_URL == '' && vars.PULUMI_ORGANIZATION != ''"
                + " && (inputs.preview-only || env.HAS_PULUMI_TOKEN != 'true')");
        // A preview never holds the organization's admin token or the stored one: a team token, or it stops.
        assertThat((Map<String, Object>) auth.get("with")).containsEntry("requested-token-type", "${{ inputs.preview-only"
                + " && 'urn:pulumi:token-type:access_token:team' || 'urn:pulumi:token-type:access_token:organization' }}")
                .containsEntry("scope", "${{ inputs.preview-only && format('team:{0}', vars.PULUMI_PREVIEW_TEAM) || '' }}");
        assertThat(environment).contains("if: inputs.preview-only && vars.PULUMI_BACKEND_URL == '' &&"
                + " vars.PULUMI_PREVIEW_TEAM == ''").contains("PULUMI_ACCESS_TOKEN: ${{ env.PULUMI_ACCESS_TOKEN ||"
                + " (!inputs.preview-only && secrets.PULUMI_ACCESS_TOKEN) || '' }}");
        // Only main deploys, by hand too.
        assertThat(jobs.get("dev").get("if")).isEqualTo("github.ref == 'refs/heads/main'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pulumiStartsTheJarMavenBuilds() throws IOException {
        for (var dir : List.of(Project.DIR, Project.DIR.resolve("bootstrap"))) {
            Map<String, Object> project = new Yaml().load(Files.readString(dir.resolve("Pulumi.yaml")));
            var runtime = (Map<String, Object>) project.get("runtime");
            assertThat(runtime.get("name")).isEqualTo("java");
            var binary = (String) ((Map<String, Object>) runtime.get("options")).get("binary");
            assertThat(dir.resolve(binary).normalize()).isEqualTo(Project.DIR.resolve("target/tap.jar"));
        }
        assertThat(Files.readString(Project.DIR.resolve("pom.xml")))
                .contains("<outputFile>${project.build.directory}/tap.jar</outputFile>");
    }

    @Test
    @SuppressWarnings("unchecked")
    void dependabotMovesPulumisPackagesTogether() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(Project.DIR.resolve(".github/dependabot.yml")));
        var updates = (List<Map<String, Object>>) config.get("updates");
        assertThat(updates).extracting(u -> u.get("package-ecosystem")).containsExactlyInAnyOrder("maven",
                "github-actions");
        var maven = updates.stream().filter(u -> u.get("package-ecosystem").equals("maven")).findFirst().orElseThrow();
        var groups = (Map<String, Map<String, Object>>) maven.get("groups");
        assertThat(groups.get("pulumi").get("patterns")).isEqualTo(List.of("com.pulumi:*"));
        // What pom.xml pins at the SDK's versions is not proposed on its own (a group would still propose newest).
        assertThat((List<Map<String, Object>>) maven.get("ignore")).extracting(i -> i.get("dependency-name"))
                .contains("io.grpc:*", "com.google.protobuf:*", "com.google.guava:*", "com.squareup.okio:*");
    }
}
