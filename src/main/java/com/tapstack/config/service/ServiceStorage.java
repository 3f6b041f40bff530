package com.tapstack.config.service;

import com.tapstack.config.ConfigKey.BoolKey;
import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A service's storage: the size of its task's ephemeral storage and the EFS file systems of
 * {@code <project>:storage} it mounts, each through an access point of its own.
 *
 * @param ephemeralStorageGib the task's ephemeral storage; empty: Fargate's default of
 *                            {@value #FARGATE_DEFAULT_GIB} GiB, and nothing is sent
 * @param mounts              the file systems it mounts, at most one mount per file system
 */
public record ServiceStorage(Optional<Integer> ephemeralStorageGib, List<Mount> mounts) {

    /**
     * What a Fargate task on platform 1.4.0 or later gets without {@code ephemeralStorage}; 21 to 200 GiB may be
     * asked for (ECS developer guide, fargate-task-storage.html; API EphemeralStorage.sizeInGiB).
     */
    public static final int FARGATE_DEFAULT_GIB = 20;

    public static final IntKey EPHEMERAL_STORAGE = IntKey.derived("ephemeralStorage", 21, 200, "Fargate's 20 GiB,"
            + " not sent", "The task's"
            + " ephemeral storage (image, writable paths, the container's files); without it Fargate's 20 GiB. Storage"
            + " above 20 GiB is billed").unit("GiB");

    /** Plain absolute paths: no spaces, quotes or other characters a mount would read. */
    private static final Pattern PLAIN_PATH = Pattern.compile("^(/[A-Za-z0-9_.@+-]+)+$");
    private static final Pattern NUMERIC_USER = Pattern.compile("^(\\d+)(:(\\d+))?$");
    private static final Set<String> SYSTEM_PATHS = Set.of("/proc", "/sys", "/dev");
    static final int MAX_MOUNTS = 10;

    public ServiceStorage {
        mounts = List.copyOf(mounts);
    }

    /** No extra ephemeral storage, no file systems. */
    public static ServiceStorage none() {
        return new ServiceStorage(Optional.empty(), List.of());
    }

    /**
     * One file system mounted into the service's container.
     *
     * @param fileSystem    the name of the file system under {@code <project>:storage.fileSystems}
     * @param path          where the container sees it
     * @param readOnly      mounted read-only; the task role then gets no ClientWrite
     * @param uid           the POSIX user the access point enforces for every file operation
     * @param gid           the POSIX group the access point enforces
     * @param rootDirectory the directory the access point exposes as the file system's root
     * @param permissions   the mode EFS gives the root directory when it creates it (owned by uid:gid)
     */
    public record Mount(String fileSystem, String path, boolean readOnly, int uid, int gid, String rootDirectory,
                        String permissions) {

        public static final TextKey FILE_SYSTEM = TextKey.required("fileSystem", "the name of a file system under"
                + " <project>:storage.fileSystems", "The file system to mount");
        public static final TextKey PATH = TextKey.required("path", "an absolute path of letters, digits and"
                + " _ . @ + -, such as /data, not under /proc, /sys or /dev and apart from writablePaths", "Where the"
                + " container sees the file system");
        public static final BoolKey READ_ONLY = BoolKey.of("readOnly", false, "Mounted read-only; the task role may"
                + " then mount but not write (no elasticfilesystem:ClientWrite)");
        public static final IntKey UID = IntKey.derived("uid", 1, Integer.MAX_VALUE, "the uid of the service's user"
                + " when it is numeric", "The POSIX user the access point makes every file operation run as (not"
                + " root: that needs ClientRootAccess, which the stack never grants)");
        public static final IntKey GID = IntKey.derived("gid", 1, Integer.MAX_VALUE, "the gid of the service's user,"
                + " else uid", "The POSIX group the access point makes every file operation run as (not root's group,"
                + " 0)");
        public static final TextKey ROOT_DIRECTORY = TextKey.derived("rootDirectory", "/<service name>", "an"
                + " absolute path of letters, digits and _ . @ + -, other than /", "The directory the access point"
                + " exposes as the root; EFS creates it owned by uid:gid on first use");
        public static final TextKey PERMISSIONS = TextKey.of("permissions", "750", "3 or 4 octal digits, such as 750"
                + " or 0770", "Mode of the root directory when EFS creates it");
        public static final KeyTable KEYS = KeyTable.of("<project>:services.<name>.volumes[]", "EFS volume",
                "Mounts a file system of <project>:storage through an access point of this service (its POSIX user"
                        + " and root directory), with transit encryption and IAM authorisation; the task role may"
                        + " mount only through that access point. At most " + MAX_MOUNTS + ", one per file system.",
                FILE_SYSTEM, PATH, READ_ONLY, UID, GID, ROOT_DIRECTORY, PERMISSIONS);

        /** The name of the task definition volume this mount uses. */
        public String volumeName() {
            return "efs-" + fileSystem;
        }
    }

    public static final Structured VOLUMES = Structured.list("volumes", "a list of mappings of "
            + String.join(", ", Mount.KEYS.names().stream().sorted().toList()), "EFS file systems this service"
            + " mounts, each through its own access point", Mount.KEYS);

    /** Reads a service's storage keys; {@code user} and {@code writablePaths} are the service's, read before. */
    static ServiceStorage read(ConfigNode service, String serviceName, Optional<String> user,
                               List<String> writablePaths) {
        var mounts = new ArrayList<Mount>();
        var fileSystems = new HashSet<String>();
        var paths = new HashSet<String>();
        var nodes = service.objectList(VOLUMES.name(), VOLUMES.allowed());
        if (nodes.size() > MAX_MOUNTS) {
            throw service.error(VOLUMES.name(), "has " + nodes.size() + " volumes", "at most " + MAX_MOUNTS);
        }
        for (var node : nodes) {
            node.rejectUnknownFields(Mount.KEYS.names());
            var fileSystem = Mount.FILE_SYSTEM.read(node);
            if (!fileSystems.add(fileSystem)) {
                throw node.invalid(Mount.FILE_SYSTEM.name(), "is mounted twice by this service",
                        "each file system once per service (one access point, one root directory)");
            }
            var path = Mount.PATH.read(node);
            if (!plain(path) || SYSTEM_PATHS.stream().anyMatch(system -> nested(path, system))) {
                throw node.invalid(Mount.PATH.name(), "is not a plain absolute path outside /proc, /sys and /dev",
                        Mount.PATH.allowed());
            }
            if (!paths.add(path) || writablePaths.stream().anyMatch(w -> nested(path, w) || nested(w, path))) {
                throw node.invalid(Mount.PATH.name(), "overlaps another volume or a writable path of the service",
                        "a path apart from the other volumes and from writablePaths");
            }
            var numeric = user.map(NUMERIC_USER::matcher).filter(java.util.regex.Matcher::matches);
            var uid = Mount.UID.optional(node).or(() -> numeric.map(m -> Integer.parseInt(m.group(1))))
                    .orElseThrow(() -> node.missing(Mount.UID.name(), Mount.UID.allowed() + " (the service's user is"
                            + " not numeric, so it cannot stand in)"));
            var gid = Mount.GID.optional(node).or(() -> numeric.filter(m -> m.group(3) != null)
                    .map(m -> Integer.parseInt(m.group(3)))).orElse(uid);
            // An access point whose user or group is 0 needs elasticfilesystem:ClientRootAccess (EFS user guide,
            // enforce-identity-access-points.html); the stack grants it to no one.
            if (uid == 0 || gid == 0) {
                throw node.error(uid == 0 ? Mount.UID.name() : Mount.GID.name(), "would be root's (from the service's"
                        + " user " + ConfigNode.show(user.orElse("")) + "), which needs ClientRootAccess", "a uid and gid"
                        + " from 1, set here or in the service's user");
            }
            var root = Mount.ROOT_DIRECTORY.optional(node).orElse("/" + serviceName);
            // Security Hub EFS.3: an access point whose root directory is / exposes the whole file system.
            if (!plain(root)) {
                throw node.invalid(Mount.ROOT_DIRECTORY.name(), "is not a plain absolute path below /",
                        Mount.ROOT_DIRECTORY.allowed());
            }
            var permissions = Mount.PERMISSIONS.read(node);
            if (!permissions.matches("^[0-7]{3,4}$")) {
                throw node.invalid(Mount.PERMISSIONS.name(), "is not an octal mode", Mount.PERMISSIONS.allowed());
            }
            mounts.add(new Mount(fileSystem, path, Mount.READ_ONLY.read(node), uid, gid, root, permissions));
        }
        return new ServiceStorage(EPHEMERAL_STORAGE.optional(service), mounts);
    }

    private static boolean plain(String path) {
        var segments = List.of(path.split("/"));
        return PLAIN_PATH.matcher(path).matches() && !segments.contains("..") && !segments.contains(".");
    }

    /** Whether {@code path} is {@code parent} or below it. */
    private static boolean nested(String path, String parent) {
        return path.equals(parent) || path.startsWith(parent + "/");
    }
}
