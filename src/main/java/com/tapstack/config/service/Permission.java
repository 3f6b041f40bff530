package com.tapstack.config.service;

import java.util.List;

/** Extra task-role permission: explicit actions on explicit ARNs. */
public record Permission(List<String> actions, List<String> resources) {

    public Permission {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }
}
