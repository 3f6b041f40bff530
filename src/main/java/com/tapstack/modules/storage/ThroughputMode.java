package com.tapstack.modules.storage;

import com.tapstack.config.ConfigKey;

/**
 * How an EFS file system's throughput is billed and sized (EFS API CreateFileSystem ThroughputMode). Provisioned
 * throughput is left out: it bills a fixed rate whether used or not and needs a size the stack cannot judge.
 */
public enum ThroughputMode implements ConfigKey.Choice {
    /** Scales with the workload, billed per GB read and written (AWS's recommendation for spiky or unknown loads). */
    ELASTIC,
    /** Scales with the size stored, with burst credits. */
    BURSTING;
}
