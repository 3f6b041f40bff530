package com.tapstack.modules.storage;

import com.tapstack.config.ConfigKey.ChoiceKey;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;

/**
 * One EFS file system of {@code <project>:storage.fileSystems}.
 *
 * @param name           its name in the stack file: part of its physical name and of its volumes' names
 * @param throughputMode elastic or bursting
 */
public record FileSystemConfig(String name, ThroughputMode throughputMode) {

    public static final ChoiceKey<ThroughputMode> THROUGHPUT_MODE = ChoiceKey.of("throughputMode",
            ThroughputMode.class, ThroughputMode.ELASTIC, "is not an EFS throughput mode this stack creates",
            "elastic: scales with the load, billed per GB transferred; bursting: scales with the size stored");
    public static final KeyTable KEYS = KeyTable.of("<project>:storage.fileSystems.<name>", "EFS file system",
            "An encrypted (stack key) EFS file system with a mount target in each private subnet, behind a security"
                    + " group that admits NFS only from the services that mount it; automatic backups and deletion"
                    + " protection where <project>:protect is true. Names: 1 to 20 lowercase letters, digits or"
                    + " hyphens, starting with a letter.", THROUGHPUT_MODE);

    static FileSystemConfig read(String name, ConfigNode node) {
        node.rejectUnknownFields(KEYS.names());
        return new FileSystemConfig(name, THROUGHPUT_MODE.read(node));
    }
}
