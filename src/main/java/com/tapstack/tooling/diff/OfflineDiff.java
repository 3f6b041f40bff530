package com.tapstack.tooling.diff;

import com.google.gson.Gson;
import com.tapstack.config.ConfigException;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlanExport;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code ./tap diff}: what an update from a base (a plan file or a {@code pulumi stack export}) to a head (another
 * plan file, or the working tree planned now) would create, update, replace and delete, and which of it is
 * hazardous. The rendered reports are all a caller needs.
 */
public final class OfflineDiff {

    private final DiffResult result;

    OfflineDiff(DiffResult result) {
        this.result = result;
    }

    /**
     * Reads the base: a base that cannot be read, or is not a deployment, is refused here, before the working tree
     * is planned (a plan costs a second; the one-line error about the file should not wait for it).
     */
    public static Base readBase(Path baseFile) {
        return new Base(DeploymentReader.read(baseFile));
    }

    /** The deployed side of a diff, read and checked; compared with a head plan or a head plan file. */
    public static final class Base {

        private final Deployment deployment;

        private Base(Deployment deployment) {
            this.deployment = deployment;
        }

        /** Against a plan of the working tree. */
        public OfflineDiff against(Plan head, String headLabel) {
            return compare(deployment, deployment(head, headLabel));
        }

        /** Against a head plan written earlier, of {@code stack}. */
        public OfflineDiff against(Path headFile, String stack) {
            var head = DeploymentReader.read(headFile);
            if (head.stack() != null && !head.stack().equals(stack)) {
                throw new ConfigException(headFile.toString(), "stack", "is stack '" + head.stack() + "', not '"
                        + stack + "'", "a plan of stack '" + stack + "'");
            }
            if (head.stack() == null) {
                throw new ConfigException(headFile.toString(), "deployment.resources", "is empty: a head plan holds"
                        + " at least the stack resource", DeploymentReader.ALLOWED);
            }
            return compare(deployment, head);
        }
    }

    /** A plan read the way its {@code --json} file would be read: one representation for both sides. */
    static Deployment deployment(Plan plan, String label) {
        return DeploymentReader.fromJson(label, new Gson().toJsonTree(PlanExport.toMap(plan, Instant.EPOCH)));
    }

    static OfflineDiff compare(Deployment base, Deployment head) {
        return new OfflineDiff(Differ.diff(base, head, ReplacementTable.shipped()));
    }

    public boolean hazardous() {
        return result.hazardCount() > 0;
    }

    public String terminal() {
        return TerminalDiffReport.render(result);
    }

    public String json() {
        return JsonDiffReport.render(result);
    }

    public String markdown() {
        return MarkdownDiffReport.render(result);
    }

    DiffResult result() {
        return result;
    }
}
