package com.tapstack.tooling.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tapstack.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a generated project leaves out: listed paths, marked blocks, and what the .gitignore ignores. */
class RepositoryOnlyTest {

    private static final String BEGIN = "# repository-only: begin";
    private static final String END = "# repository-only: end";

    @Test
    void dropsTheMarkedBlocksMarkersIncluded() {
        var script = "mvn test\n" + BEGIN + "\n./tap init \"$tmp/ledger\" --name ledger\n" + END + "\n./tap plan dev\n"
                + "  " + BEGIN + "\n  echo indented\n  " + END + "\n"
                + "echo 'mentions " + BEGIN + " inline'\n";

        assertThat(RepositoryOnly.strip(".ci/run", script))
                .isEqualTo("mvn test\n./tap plan dev\necho 'mentions " + BEGIN + " inline'\n");
    }

    @Test
    void refusesMarkersThatDoNotPair() {
        var allowed = "; allowed: each \"" + BEGIN + "\" line closed by a \"" + END + "\" line, not nested";

        assertThatThrownBy(() -> RepositoryOnly.strip(".ci/run", "a\n" + BEGIN + "\nb\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".ci/run: line 4: ends inside a repository-only block" + allowed);
        assertThatThrownBy(() -> RepositoryOnly.strip(".ci/run", "a\n" + END + "\n"))
                .hasMessage(".ci/run: line 2: closes a block that was not opened" + allowed);
        assertThatThrownBy(() -> RepositoryOnly.strip(".ci/run", BEGIN + "\n" + BEGIN + "\n"))
                .hasMessage(".ci/run: line 2: opens a block inside another" + allowed);
    }

    @Test
    void theBenchmarksPeerIsRepositoryOnly() {
        assertThat(RepositoryOnly.isRepositoryOnly("bench/peer")).isTrue();
        assertThat(RepositoryOnly.isRepositoryOnly("bench/peer/replay.js")).isTrue();
        assertThat(RepositoryOnly.isRepositoryOnly("bench/peers.txt")).isFalse();
        assertThat(RepositoryOnly.isRepositoryOnly("bench/run")).isFalse();
    }

    @Test
    void theGitignoresSimplePatterns() {
        var ignore = IgnoreRules.parse(List.of("# build output", "/target/", "/bench/out/", "*.iml", ".idea/", "",
                ".vscode/", "/notes.txt"));

        assertThat(ignore.ignores("target", true)).isTrue();
        assertThat(ignore.ignores("src/main/java/com/example/target", true)).isFalse();
        assertThat(ignore.ignores("bench/out", true)).isTrue();
        assertThat(ignore.ignores("bench/run", false)).isFalse();
        assertThat(ignore.ignores("shop.iml", false)).isTrue();
        assertThat(ignore.ignores("modules/x/x.iml", false)).isTrue();
        assertThat(ignore.ignores("modules/.idea", true)).isTrue();
        assertThat(ignore.ignores(".idea", false)).isFalse();
        assertThat(ignore.ignores(".vscode", true)).isTrue();
        assertThat(ignore.ignores("notes.txt", false)).isTrue();
        assertThat(ignore.ignores("docs/notes.txt", false)).isFalse();
    }

    @Test
    void refusesANegationItCannotFollow() {
        assertThatThrownBy(() -> IgnoreRules.parse(List.of("*.log", "!keep.log")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".gitignore: !keep.log: is a negation, which ./tap init cannot follow; allowed: patterns"
                        + " without !, such as /target/, .idea/ or *.iml");
    }
}
