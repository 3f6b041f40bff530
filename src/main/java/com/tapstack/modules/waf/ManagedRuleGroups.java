package com.tapstack.modules.waf;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.Yaml;

/**
 * The AWS managed rule groups a web ACL can name, from {@code managed-rule-groups.yaml} next to this class (dated;
 * the file says where it comes from and how to refresh it). A name outside it is refused at load time: WAF
 * refuses an unknown managed rule group when the web ACL is created, after the rest of the stack exists.
 */
public final class ManagedRuleGroups {

    record Group(String name, int capacity, boolean needsConfig) {
    }

    static final String DATE;
    static final Map<String, Group> GROUPS;

    static {
        try (InputStream in = ManagedRuleGroups.class.getResourceAsStream("managed-rule-groups.yaml")) {
            Map<String, Object> file = new Yaml().load(in);
            DATE = String.valueOf(file.get("date"));
            var groups = new TreeMap<String, Group>();
            @SuppressWarnings("unchecked")
            var entries = (Map<String, Map<String, Object>>) file.get("groups");
            entries.forEach((name, group) -> groups.put(name, new Group(name, ((Number) group.get("capacity")).intValue(),
                    Boolean.TRUE.equals(group.get("needsConfig")))));
            GROUPS = java.util.Collections.unmodifiableMap(groups);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the managed rule group list is part of the build", e);
        }
    }

    private ManagedRuleGroups() {
    }

    /** The WCUs of every group a web ACL may use without further configuration, together. */
    public static int usableCapacity() {
        return GROUPS.values().stream().filter(g -> !g.needsConfig()).mapToInt(Group::capacity).sum();
    }

    /** The names of the groups a web ACL may use without further configuration. */
    public static java.util.List<String> usableNames() {
        return GROUPS.values().stream().filter(g -> !g.needsConfig()).map(Group::name).toList();
    }

    /** The groups a web ACL may use without further configuration. */
    static String usable() {
        return String.join(", ", GROUPS.values().stream().filter(g -> !g.needsConfig()).map(Group::name).toList());
    }
}
