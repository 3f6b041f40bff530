package com.tapstack.config.service;

import com.tapstack.config.ConfigKey;

/** The CPU architectures Fargate runs Linux tasks on. */
public enum Architecture implements ConfigKey.Choice {
    X86_64,
    ARM64;

    /** As config, the task definition's runtimePlatform and the pricing pages write it. */
    @Override
    public String configValue() {
        return name();
    }
}
