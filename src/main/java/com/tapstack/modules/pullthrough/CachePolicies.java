package com.tapstack.modules.pullthrough;

import com.google.gson.GsonBuilder;
import com.tapstack.aws.AwsAccount;
import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;
import java.util.List;
import java.util.Map;

/** The pull through cache's documents as pure functions: the template role's trust and policy, the lifecycle. */
public final class CachePolicies {

    /** What ECR does with the template's role when it creates a cached repository (repository-creation-templates-custom). */
    public static final List<String> CREATE_ACTIONS = List.of("ecr:CreateRepository", "ecr:TagResource");
    /** What creating a repository encrypted with a customer managed key takes (same page). */
    public static final List<String> KEY_ACTIONS = List.of("kms:CreateGrant", "kms:RetireGrant", "kms:DescribeKey");

    private CachePolicies() {
    }

    /** ECR assumes the template's role (repository-creation-templates-create-iam: principal ecr.amazonaws.com). */
    public static PolicyDocument templateTrust(AwsAccount account) {
        return PolicyDocument.trust(account.servicePrincipal("ecr"), List.of());
    }

    /**
     * AWS's example grants these on "*"; here only the cached repositories under this stack's prefixes and the
     * stack key. ecr:ReplicateImage of the example is left out: the templates apply to pull through cache only.
     */
    public static PolicyDocument templatePolicy(AwsAccount account, List<String> prefixes, String kmsKeyArn) {
        var repositories = prefixes.stream().map(prefix -> account.arn("ecr", "repository/" + prefix + "/*"))
                .toList();
        return PolicyDocument.of(
                Statement.allow("CreateCachedRepositories").actions(CREATE_ACTIONS).resources(repositories).build(),
                Statement.allow("EncryptWithStackKey").actions(KEY_ACTIONS).resources(kmsKeyArn).build());
    }

    /**
     * The cached repositories' lifecycle: keep the newest {@code keepImages} images, whatever their tags. No
     * expiry of untagged images by age, unlike the stack's own repositories: images pulled by digest may be
     * cached untagged (not verified), and an expired image must come from upstream again at the next task start.
     */
    public static String lifecycle(int keepImages) {
        var selection = new java.util.LinkedHashMap<String, Object>();
        selection.put("tagStatus", "any");
        selection.put("countType", "imageCountMoreThan");
        selection.put("countNumber", keepImages);
        var rule = new java.util.LinkedHashMap<String, Object>();
        rule.put("rulePriority", 1);
        rule.put("description", "Keep the newest " + keepImages + " cached images");
        rule.put("selection", selection);
        rule.put("action", Map.of("type", "expire"));
        return new GsonBuilder().disableHtmlEscaping().create().toJson(Map.of("rules", List.of(rule)));
    }
}
