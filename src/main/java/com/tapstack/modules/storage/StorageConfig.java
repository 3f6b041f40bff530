package com.tapstack.modules.storage;

import com.tapstack.config.ConfigKey.BoolKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import com.tapstack.config.service.ServiceConfig;
import com.tapstack.config.service.ServiceStorage;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Storage beyond a task's own ({@code <project>:storage}): the cluster's Fargate ephemeral storage encrypted with
 * the stack key, and EFS file systems services mount with {@code volumes}. Off without the block.
 *
 * @param encryptEphemeralStorage Fargate encrypts every task's ephemeral storage in the cluster with the stack key
 *                                (otherwise with a key AWS owns, which it does on platform 1.4.0 and later anyway)
 * @param fileSystems             the file systems, by name
 */
public record StorageConfig(boolean encryptEphemeralStorage, Map<String, FileSystemConfig> fileSystems) {

    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{0,19}$");
    private static final String NAME_RULE = "1 to 20 lowercase letters, digits or hyphens, starting with a letter";

    public static final BoolKey ENCRYPT_EPHEMERAL_STORAGE = BoolKey.of("encryptEphemeralStorage", false, "Fargate"
            + " encrypts the tasks' ephemeral storage with the stack key (cluster managed storage configuration; new"
            + " tasks only) instead of a key AWS owns");
    public static final Structured FILE_SYSTEMS = Structured.entries("fileSystems", "{}", "a mapping of file system"
            + " name to its settings, e.g. {shared: {throughputMode: elastic}}", "EFS file systems services mount",
            FileSystemConfig.KEYS);
    public static final KeyTable KEYS = KeyTable.of("<project>:storage", "Storage", "The cluster's ephemeral"
            + " storage key and EFS file systems. Services mount a file system with their volumes key; each mount"
            + " gets an access point of its own.", ENCRYPT_EPHEMERAL_STORAGE, FILE_SYSTEMS);
    public static final Structured BLOCK = Structured.table("storage", "off", "Ephemeral storage encryption and EFS"
            + " file systems", KEYS);

    public StorageConfig {
        fileSystems = Map.copyOf(fileSystems);
    }

    /** The block's settings, or empty without it. */
    public static Optional<StorageConfig> read(ConfigNode tap) {
        return BLOCK.optional(tap).map(node -> {
            var fileSystems = new TreeMap<String, FileSystemConfig>();
            var entries = node.object(FILE_SYSTEMS.name(), FILE_SYSTEMS.allowed());
            for (var name : entries.fields()) {
                if (!NAME.matcher(name).matches() || name.endsWith("-")) {
                    throw entries.error(name, "is not a file system name that fits AWS names", NAME_RULE);
                }
                var settings = entries.optionalObject(name, FILE_SYSTEMS.allowed())
                        .orElseGet(() -> entries.object(name, FILE_SYSTEMS.allowed()));
                fileSystems.put(name, FileSystemConfig.read(name, settings));
            }
            return new StorageConfig(ENCRYPT_EPHEMERAL_STORAGE.read(node), fileSystems);
        });
    }

    /** Every file system a service mounts is one of the stack's ({@code servicesKey}: {@code services}). */
    public static void checkMounts(ConfigNode tap, String servicesKey, Map<String, ServiceConfig> services,
                                   Optional<StorageConfig> storage) {
        var known = storage.map(StorageConfig::fileSystems).orElse(Map.of()).keySet();
        var mounting = new TreeMap<String, Integer>();
        for (var service : services.values()) {
            var mounts = service.storage().mounts();
            for (int i = 0; i < mounts.size(); i++) {
                var fileSystem = mounts.get(i).fileSystem();
                if (!known.contains(fileSystem)) {
                    throw tap.error(servicesKey + "." + service.name() + "." + ServiceStorage.VOLUMES.name() + "[" + i
                                    + "]." + ServiceStorage.Mount.FILE_SYSTEM.name(), ConfigNode.show(fileSystem)
                                    + " is not a file system of " + tap.key(BLOCK.name() + "." + FILE_SYSTEMS.name()),
                            known.isEmpty() ? "file systems declared there (none are)"
                                    : String.join(", ", new TreeSet<>(known)));
                }
                mounting.merge(fileSystem, 1, Integer::sum);
            }
        }
        // "Inbound or outbound rules per security group: 60" (Amazon VPC quotas, default): one NFS rule per service.
        mounting.forEach((fileSystem, count) -> {
            if (count > MAX_MOUNTING_SERVICES) {
                throw tap.error(BLOCK.name() + "." + FILE_SYSTEMS.name() + "." + fileSystem, "is mounted by " + count
                        + " services, one inbound NFS rule each, more than the " + MAX_MOUNTING_SERVICES + " its"
                        + " security group takes", "at most " + MAX_MOUNTING_SERVICES + " services per file system");
            }
        });
    }

    /** The security group rule quota a file system's group must fit its NFS rules in. */
    static final int MAX_MOUNTING_SERVICES = 60;
}
