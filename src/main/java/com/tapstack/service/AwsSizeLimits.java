package com.tapstack.service;

import com.tapstack.config.ConfigException;
import java.nio.charset.StandardCharsets;

/**
 * The sizes AWS refuses at deploy time, checked while the program builds the documents, so an oversized service
 * ends in one config error naming its key instead of a failed {@code pulumi up} halfway through.
 *
 * <ul>
 *   <li>ECS: "Task definition size limit: The maximum size, in KiB, of a task definition: 64" (ECS service
 *       quotas, not adjustable). The container definitions are nearly all of it; {@value #TASK_DEFINITION_REST}
 *       bytes are kept for the rest (family, sizes, roles, volumes, tags).</li>
 *   <li>IAM: "Role policy size can't exceed 10,240 characters ... IAM doesn't count white space" (IAM and AWS STS
 *       quotas: the aggregate of a role's inline policies; each role here has one).</li>
 * </ul>
 */
public final class AwsSizeLimits {

    public static final int TASK_DEFINITION_BYTES = 64 * 1024;
    static final int TASK_DEFINITION_REST = 2 * 1024;
    public static final int CONTAINER_DEFINITIONS_BYTES = TASK_DEFINITION_BYTES - TASK_DEFINITION_REST;
    public static final int ROLE_INLINE_POLICY_CHARACTERS = 10_240;

    private AwsSizeLimits() {
    }

    /** The container definitions, or a config error when they would make the task definition too large. */
    public static String containerDefinitions(String json, String configFile, String serviceKey) {
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > CONTAINER_DEFINITIONS_BYTES) {
            throw new ConfigException(configFile, serviceKey, "makes container definitions of " + bytes + " bytes,"
                    + " and ECS refuses a task definition over 64 KiB (" + CONTAINER_DEFINITIONS_BYTES + " bytes are"
                    + " left for them)", "smaller environment, command and secrets: move large values to SSM"
                    + " parameters or files in the image");
        }
        return json;
    }

    /** A role's inline policy, or a config error when IAM would refuse its size. */
    public static String rolePolicy(String json, String configFile, String key, String role) {
        int characters = (int) json.chars().filter(c -> !Character.isWhitespace(c)).count();
        if (characters > ROLE_INLINE_POLICY_CHARACTERS) {
            throw new ConfigException(configFile, key, "makes the " + role + " role's policy " + characters
                    + " characters long, and IAM refuses a role's inline policies over "
                    + ROLE_INLINE_POLICY_CHARACTERS + " (white space not counted)", "fewer statements: group actions"
                    + " and resources into one statement each, or use wildcards IAM allows inside an ARN's resource");
        }
        return json;
    }
}
