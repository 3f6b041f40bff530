package com.tapstack.tooling.init;

import com.tapstack.config.ConfigException;
import com.tapstack.config.ProjectFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./tap init}: copies a project into a new directory as a project of its own. The walk leaves out
 * {@code .git}, {@code target}, what the root {@code .gitignore} ignores and {@link RepositoryOnly#PATHS}; binary
 * files are copied byte for byte; text files are rewritten (package, project name and config prefix, Maven
 * coordinates, repository-only blocks, the README's header); every file keeps its permissions, so the scripts
 * stay executable. The project is written to a temporary sibling of the target and moved into place at the end:
 * a failure leaves nothing behind.
 */
public final class ProjectGenerator {

    /** Never copied, also when no .gitignore says so: the repository's history, anywhere (a nested repository, a
     * worktree's .git file), and the build's output at the root (deeper, target may be a package's name). */
    private static final String GIT = ".git";
    private static final String BUILD_OUTPUT = "target";
    /**
     * Copied as they are, byte for byte: the tests' own frozen projects, with their own project names, which the
     * tests read exactly (renaming their prefix would break them, and they are not this project's stacks).
     */
    private static final List<String> COPIED_AS_IS = List.of("tests/fixtures");
    /** Where Java packages are directories; the pom's testSourceDirectory is added. */
    private static final List<String> SOURCE_ROOTS = List.of(SourcePackage.JAVA_ROOT, "src/main/resources",
            "src/test/java", "src/test/resources");
    private static final Pattern STACK_FILE = Pattern.compile("Pulumi\\.(.+)\\.ya?ml");
    private static final String README = "README.md";

    /** What was generated, for the summary {@code ./tap init} prints. */
    public record Generated(Path target, Path source, int files, int binaryFiles, String oldName, String newName,
                            JavaPackageRename javaPackage, String oldCoordinates, String newCoordinates,
                            List<String> stacks, List<String> leftOut) {
        public Generated {
            stacks = List.copyOf(stacks);
            leftOut = List.copyOf(leftOut);
        }
    }

    /** Everything that decides how one file is written. */
    private record Job(Path source, Path target, InitRequest request, JavaPackageRename javaPackage,
                        ConfigPrefixRename project, List<String> sourceRoots, String testRoot, String groupId,
                        ReadmeHeader header, Set<String> stackFiles) {
    }

    /** One file to write: where it comes from and its path relative to the project root. */
    private record Entry(Path file, String relative) {
    }

    private ProjectGenerator() {
    }

    public static Generated generate(Path sourceDir, InitRequest request, LocalDate today) throws IOException {
        var source = sourceDir.toAbsolutePath().normalize();
        var oldName = ProjectFile.read(source).name();
        var pomFile = source.resolve(PomCoordinates.FILE);
        if (!Files.isRegularFile(pomFile)) {
            throw new ConfigException(PomCoordinates.FILE, "file", "not found in " + source,
                    "a Maven project directory with Pulumi.yaml and pom.xml (--project-dir)");
        }
        var pom = PomCoordinates.read(Files.readString(pomFile));
        var target = request.target().toAbsolutePath().normalize();
        refuseTarget(source, target);
        var stackFiles = stackFiles(source, request);

        var oldPackage = SourcePackage.detect(source, pom);
        var newPackage = request.javaPackage().orElse(oldPackage);
        var groupId = request.groupId().orElse(newPackage);
        var testRoot = pom.testSourceDirectory().orElse("src/test/java");
        var roots = new ArrayList<>(SOURCE_ROOTS);
        if (!roots.contains(testRoot)) {
            roots.add(testRoot);
        }
        var header = new ReadmeHeader(request.name(), pom.name().orElse(pom.artifactId()) + " " + pom.version(),
                GitCommit.of(source), today, request.arguments());
        var job = new Job(source, target, request, new JavaPackageRename(oldPackage, newPackage),
                new ConfigPrefixRename(oldName, request.name()), List.copyOf(roots), testRoot, groupId, header,
                stackFiles);

        var entries = walk(job);
        int binary = write(job, entries);
        var leftOut = RepositoryOnly.PATHS.stream().filter(p -> Files.exists(source.resolve(p))).toList();
        return new Generated(target, source, entries.size(), binary, oldName, request.name(), job.javaPackage(),
                pom.coordinates(), groupId + ":" + request.name(),
                stackFiles.stream().sorted().toList(), leftOut);
    }

    /** Refuses a target inside the source (it would copy itself), a file, or a directory with anything in it. */
    private static void refuseTarget(Path source, Path target) throws IOException {
        var realSource = source.toRealPath();
        if (realPath(target).startsWith(realSource)) {
            throw new ConfigException(InitRequest.ORIGIN, target.toString(), "is inside the project it copies, "
                    + realSource + " (it would copy itself)", "a directory outside " + realSource);
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target)) {
            throw new ConfigException(InitRequest.ORIGIN, target.toString(), "exists and is not a directory",
                    "a new or empty directory");
        }
        if (Files.isDirectory(target)) {
            try (Stream<Path> children = Files.list(target)) {
                long count = children.count();
                if (count > 0) {
                    throw new ConfigException(InitRequest.ORIGIN, target.toString(), "is a directory with " + count
                            + (count == 1 ? " entry" : " entries") + " in it", "a new or empty directory");
                }
            }
        }
    }

    /** The real path of a file that may not exist yet: its nearest existing ancestor's, plus the rest. */
    private static Path realPath(Path path) throws IOException {
        var existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? path : existing.toRealPath().resolve(existing.relativize(path)).normalize();
    }

    /** The root stack files to copy: all of them, or the one of --from. */
    private static Set<String> stackFiles(Path source, InitRequest request) throws IOException {
        var all = new LinkedHashSet<String>();
        try (Stream<Path> files = Files.list(source)) {
            files.map(f -> f.getFileName().toString()).filter(n -> STACK_FILE.matcher(n).matches()).sorted()
                    .forEach(all::add);
        }
        if (request.from().isEmpty()) {
            return all;
        }
        var from = request.from().get();
        var chosen = all.stream().filter(n -> n.equals("Pulumi." + from + ".yaml") || n.equals("Pulumi." + from
                + ".yml")).findFirst();
        if (chosen.isEmpty()) {
            var known = all.stream().map(n -> STACK_FILE.matcher(n).replaceFirst("$1")).toList();
            throw InitRequest.refusal("--from", from, "has no stack file Pulumi." + from + ".yaml in " + source,
                    known.isEmpty() ? "none: the project has no stack files" : String.join(", ", known));
        }
        return Set.of(chosen.get());
    }

    /** The files to write, in a stable order. */
    private static List<Entry> walk(Job job) throws IOException {
        var ignore = IgnoreRules.read(job.source());
        var entries = new ArrayList<Entry>();
        Files.walkFileTree(job.source(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(job.source())) {
                    return FileVisitResult.CONTINUE;
                }
                return leftOut(relative(job.source(), dir), true, ignore) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                var relative = relative(job.source(), file);
                if (!leftOut(relative, false, ignore) && isWanted(relative, job)) {
                    entries.add(new Entry(file, relative));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort(Comparator.comparing(Entry::relative));
        return entries;
    }

    private static boolean leftOut(String relative, boolean directory, IgnoreRules ignore) {
        var name = relative.substring(relative.lastIndexOf('/') + 1);
        return name.equals(GIT) || relative.equals(BUILD_OUTPUT) || RepositoryOnly.isRepositoryOnly(relative)
                || ignore.ignores(relative, directory);
    }

    /** Stack files at the root only as --from chose them. */
    private static boolean isWanted(String relative, Job job) {
        return relative.contains("/") || !STACK_FILE.matcher(relative).matches()
                || job.stackFiles().contains(relative);
    }

    /** Writes every entry under a temporary sibling of the target, then moves it into place; returns the binaries. */
    private static int write(Job job, List<Entry> entries) throws IOException {
        var parent = job.target().getParent();
        Files.createDirectories(parent);
        var staging = Files.createTempDirectory(parent, "." + job.target().getFileName() + ".tap-init-");
        try {
            copyPermissions(job.source(), staging);
            int binary = 0;
            for (var entry : entries) {
                if (writeOne(job, entry, staging)) {
                    binary++;
                }
            }
            if (Files.isDirectory(job.target())) {
                Files.delete(job.target()); // empty (checked before), and a directory cannot be moved onto
            }
            try {
                Files.move(staging, job.target(), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, job.target());
            }
            return binary;
        } catch (IOException | RuntimeException e) {
            try {
                deleteTree(staging);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Writes one file; returns whether it was copied as binary. */
    private static boolean writeOne(Job job, Entry entry, Path staging) throws IOException {
        var relative = job.javaPackage().relocate(entry.relative(), job.sourceRoots());
        var out = staging.resolve(relative);
        Files.createDirectories(out.getParent());
        if (Files.isSymbolicLink(entry.file())) {
            Files.createSymbolicLink(out, Files.readSymbolicLink(entry.file()));
            return false;
        }
        var bytes = Files.readAllBytes(entry.file());
        var text = asText(bytes);
        if (text.isEmpty() || isCopiedAsIs(entry.relative())) {
            Files.write(out, bytes);
        } else {
            Files.writeString(out, rewrite(job, entry.relative(), text.get()));
        }
        copyPermissions(entry.file(), out);
        return text.isEmpty();
    }

    /** A text file's new content; the README also gets its header, after those of earlier generations. */
    private static String rewrite(Job job, String relative, String text) {
        if (relative.equals(README)) {
            var history = ReadmeHeader.earlierHeaders(text);
            var body = renamed(job, relative, text.substring(history.length()));
            return job.header().prependTo(history + body);
        }
        return renamed(job, relative, text);
    }

    /** The renames. The code (src/, the tests) keeps its string literals: only its package moves. */
    private static String renamed(Job job, String relative, String text) {
        var code = relative.endsWith(".java") || relative.startsWith("src/")
                || relative.startsWith(job.testRoot() + "/");
        if (!code) {
            text = RepositoryOnly.strip(relative, text);
        }
        text = job.javaPackage().apply(text);
        if (!code) {
            if (relative.equals(ProjectFile.FILE)) {
                text = job.project().inProjectFile(text);
            } else if (relative.endsWith(".md")) {
                text = job.project().inMarkdown(text);
            } else {
                text = job.project().inText(text);
            }
        }
        if (relative.equals(PomCoordinates.FILE)) {
            text = PomCoordinates.rewrite(text, job.groupId(), job.request().name(), job.request().name());
        }
        return text;
    }

    private static boolean isCopiedAsIs(String relative) {
        return COPIED_AS_IS.stream().anyMatch(p -> relative.startsWith(p + "/"));
    }

    /** The bytes as UTF-8 text, or empty for a binary file (a NUL byte, or bytes that are not UTF-8). */
    private static Optional<String> asText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** POSIX permissions (the executable bit above all), where the file system has them. */
    private static void copyPermissions(Path from, Path to) throws IOException {
        var view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (view != null && Files.getFileAttributeView(to, PosixFileAttributeView.class) != null) {
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            Files.setPosixFilePermissions(to, permissions);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
