package com.tapstack.tooling.init;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commit a project directory is at, read from {@code .git} the way git lays it out, so generation needs no
 * git on the machine: {@code HEAD} (a commit, or {@code ref: refs/heads/x}), the ref as a loose file or in
 * {@code packed-refs}; a {@code .git} file ({@code gitdir: ...}) of a worktree or submodule, whose refs live in
 * the {@code commondir}. Anything unreadable means no commit, never a failure.
 */
public final class GitCommit {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    /** Abbreviated as {@code git log --oneline} shows it on a small repository. */
    public static final int SHORT = 7;

    private GitCommit() {
    }

    /** The abbreviated commit of HEAD in {@code projectDir}, if its {@code .git} can be read. */
    public static Optional<String> of(Path projectDir) {
        try {
            return resolve(projectDir.resolve(".git")).map(sha -> sha.substring(0, SHORT));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> resolve(Path dotGit) throws IOException {
        var gitDir = dotGit;
        if (Files.isRegularFile(dotGit)) {
            var pointer = Files.readString(dotGit).strip();
            if (!pointer.startsWith("gitdir:")) {
                return Optional.empty();
            }
            gitDir = dotGit.getParent().resolve(pointer.substring("gitdir:".length()).strip()).normalize();
        }
        var headFile = gitDir.resolve("HEAD");
        if (!Files.isRegularFile(headFile)) {
            return Optional.empty();
        }
        var head = Files.readString(headFile).strip();
        if (SHA.matcher(head).matches()) {
            return Optional.of(head);
        }
        if (!head.startsWith("ref:")) {
            return Optional.empty();
        }
        var ref = head.substring("ref:".length()).strip();
        var common = gitDir;
        var commonDir = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonDir)) {
            common = gitDir.resolve(Files.readString(commonDir).strip()).normalize();
        }
        for (var dir : new Path[] {gitDir, common}) {
            var loose = dir.resolve(ref);
            if (Files.isRegularFile(loose)) {
                var sha = Files.readString(loose).strip();
                return SHA.matcher(sha).matches() ? Optional.of(sha) : Optional.empty();
            }
        }
        return packed(common.resolve("packed-refs"), ref);
    }

    /** {@code packed-refs}: lines of {@code <sha> <ref>}, comments and peeled tags ({@code ^<sha>}) skipped. */
    private static Optional<String> packed(Path packedRefs, String ref) throws IOException {
        if (!Files.isRegularFile(packedRefs)) {
            return Optional.empty();
        }
        for (var line : Files.readAllLines(packedRefs)) {
            var parts = line.strip().split(" ", 2);
            if (parts.length == 2 && parts[1].equals(ref) && SHA.matcher(parts[0]).matches()) {
                return Optional.of(parts[0]);
            }
        }
        return Optional.empty();
    }
}
