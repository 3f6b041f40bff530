package com.tapstack.config.service;

import com.tapstack.config.ConfigKey.ListKey;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a service's extra task-role {@code permissions}: explicit actions on explicit ARNs. A {@code *} is refused
 * in both, with one exception: an S3 object ARN may end in {@code /*} after a named bucket (and prefix), because
 * object keys cannot be listed in advance.
 */
final class PermissionReader {

    static final KeyTable KEYS = KeyTable.of("<project>:services.<name>.permissions[i]", "A task role permission",
            "An Allow statement of the task role. Neither list may hold * (only an S3 object ARN may end in /* after"
                    + " a named bucket); each action must exist in AWS's Service Authorization Reference and apply to"
                    + " the resources.",
            ListKey.of("actions", List.of(), "service:Action names", "The actions allowed"),
            ListKey.of("resources", List.of(), "ARNs", "The resources they apply to"));
    static final String ALLOWED = "a list of {actions: [service:Action, ...], resources: [<ARN>, ...]}";
    private static final Pattern ACTION = Pattern.compile("^[a-z0-9-]+:[A-Za-z0-9]+$");
    private static final Pattern ARN = Pattern.compile("^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\\d{12})?:.+$");
    private static final Pattern S3_OBJECTS = Pattern.compile("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^*]+)?/\\*$");

    private PermissionReader() {
    }

    static List<Permission> read(ConfigNode service) {
        var result = new ArrayList<Permission>();
        for (var node : service.objectList("permissions", ALLOWED)) {
            node.rejectUnknownFields(KEYS.names());
            var actions = node.stringList("actions", "actions such as s3:GetObject");
            var resources = node.stringList("resources", "ARNs");
            if (actions.isEmpty()) {
                throw node.missing("actions", "actions such as s3:GetObject");
            }
            if (resources.isEmpty()) {
                throw node.missing("resources", "the ARNs the actions apply to");
            }
            for (var action : actions) {
                if (action.contains("*")) {
                    throw node.error("actions", ConfigNode.show(action) + " is a wildcard action", "explicit actions"
                            + " such as s3:GetObject (no *)");
                }
                if (!ACTION.matcher(action).matches()) {
                    throw node.error("actions", ConfigNode.show(action) + " is not an IAM action",
                            "service:Action, e.g. s3:GetObject");
                }
            }
            for (var resource : resources) {
                if (resource.contains("*") && !S3_OBJECTS.matcher(resource).matches()) {
                    throw node.error("resources", ConfigNode.show(resource) + " is a wildcard resource", "explicit"
                            + " ARNs (no *; only S3 object ARNs may end in /* after a named bucket)");
                }
                if (!ARN.matcher(resource).matches()) {
                    throw node.error("resources", ConfigNode.show(resource) + " is not an ARN",
                            "arn:<partition>:<service>:<region>:<account>:<resource>");
                }
            }
            // What IAM would store and then never grant: an action that does not exist, an ARN of no resource type
            // the action takes (AWS's Service Authorization Reference, as IAM Access Analyzer validates it).
            var problems = com.tapstack.iam.StatementCheck.problems(actions, resources, List.of(), false);
            if (!problems.isEmpty()) {
                throw node.errorHere(problems.get(0), "actions and ARNs of AWS's Service Authorization Reference ("
                        + com.tapstack.iam.ServiceReference.DATE + "; tools/refresh-iam-reference updates it)");
            }
            result.add(new Permission(actions, resources));
        }
        return result;
    }
}
