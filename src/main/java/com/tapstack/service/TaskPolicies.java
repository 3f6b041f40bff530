package com.tapstack.service;

import com.tapstack.aws.AwsAccount;
import com.tapstack.config.service.Permission;
import com.tapstack.iam.Condition;
import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The IAM documents of one service's two roles, as pure functions: the execution role (what ECS needs to start
 * the task) and the task role (what the application may do). Every resource is an exact ARN except where AWS
 * accepts nothing narrower, and each of those says why.
 */
public final class TaskPolicies {

    public static final List<String> ECR_PULL_ACTIONS = List.of("ecr:BatchCheckLayerAvailability",
            "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage");
    /** A first pull through a pull through cache: fetch the image upstream and create its repository. */
    public static final List<String> PULL_THROUGH_ACTIONS = List.of("ecr:BatchImportUpstreamImage",
            "ecr:CreateRepository");
    public static final List<String> EXEC_CHANNEL_ACTIONS = List.of("ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel");

    private TaskPolicies() {
    }

    /**
     * The task role: only ECS tasks of this account and region may assume it (confused-deputy protection with
     * the source keys ECS sets when it vends task-role credentials; a specific cluster ARN is not supported).
     */
    public static PolicyDocument taskTrust(AwsAccount account) {
        return PolicyDocument.trust(account.servicePrincipal("ecs-tasks"), List.of(
                Condition.of("ArnLike", "aws:SourceArn", account.arn("ecs", "*")),
                Condition.of("StringEquals", "aws:SourceAccount", account.accountId())));
    }

    /**
     * The execution role: assumed by ECS itself to start the task. It gets the trust AWS documents for it,
     * without source conditions, which ECS does not promise to set for this role (a condition on an absent key
     * would deny every task start).
     */
    public static PolicyDocument executionTrust(AwsAccount account) {
        return PolicyDocument.trust(account.servicePrincipal("ecs-tasks"), List.of());
    }

    /**
     * What ECS needs to start one task: pull its image (only when the image is in ECR), write its own log group,
     * read exactly the secrets its task definition references and decrypt them with their customer managed keys.
     */
    public static PolicyDocument execution(AwsAccount account, Optional<String> repositoryArn, String logGroupArn,
                                           List<ResolvedSecret> secrets) {
        return execution(account, repositoryArn.map(List::of).orElse(List.of()), List.of(), List.of(logGroupArn),
                secrets);
    }

    /** As {@link #execution(AwsAccount, List, List, List, List)}, for the service's image alone. */
    public static PolicyDocument execution(AwsAccount account, Optional<String> repositoryArn,
                                           boolean pullThroughCache, String logGroupArn,
                                           List<ResolvedSecret> secrets) {
        var repositories = repositoryArn.map(List::of).orElse(List.<String>of());
        return execution(account, repositories, pullThroughCache ? repositories : List.of(), List.of(logGroupArn),
                secrets);
    }

    /** As {@link #execution(AwsAccount, List, List, List, List)}, with no image from a pull through cache. */
    public static PolicyDocument execution(AwsAccount account, List<String> repositoryArns,
                                           List<String> logGroupArns, List<ResolvedSecret> secrets) {
        return execution(account, repositoryArns, List.of(), logGroupArns, secrets);
    }

    /**
     * Pulling from every ECR repository the task's images come from (the service's first, then its sidecars') and
     * writing each of {@code logGroupArns}: the service's group and, with Service Connect, its proxy's (the proxy
     * logs through the awslogs driver, which runs with the execution role). {@code cachedRepositoryArns} are those of
     * them a pull through cache fills: the first pull of an image also needs ecr:BatchImportUpstreamImage (ECR
     * fetches it from upstream) and ecr:CreateRepository (the cached repository does not exist yet), both on that
     * repository (ECR user guide, pull-through-cache-iam.html).
     */
    public static PolicyDocument execution(AwsAccount account, List<String> repositoryArns,
                                           List<String> cachedRepositoryArns, List<String> logGroupArns,
                                           List<ResolvedSecret> secrets) {
        var statements = new ArrayList<Statement>();
        if (!repositoryArns.isEmpty()) {
            statements.add(Statement.allow("PullImage").actions(ECR_PULL_ACTIONS)
                    .resources(repositoryArns.stream().distinct().toList()).build());
            if (!cachedRepositoryArns.isEmpty()) {
                statements.add(Statement.allow("ImportCachedImage").actions(PULL_THROUGH_ACTIONS)
                        .resources(cachedRepositoryArns.stream().distinct().toList()).build());
            }
            // ecr:GetAuthorizationToken authorizes the registry login and has no resource to scope it to:
            // AWS accepts only "*" for it.
            statements.add(Statement.allow("EcrLogin").actions("ecr:GetAuthorizationToken").resources("*").build());
        }
        statements.add(Statement.allow("WriteLogs").actions("logs:CreateLogStream", "logs:PutLogEvents")
                .resources(logGroupArns.stream().map(arn -> arn + ":*").toList()).build());
        var parameters = arns(secrets, ResolvedSecret.Store.SSM);
        if (!parameters.isEmpty()) {
            statements.add(Statement.allow("ReadParameters").actions("ssm:GetParameters").resources(parameters).build());
        }
        var secretArns = arns(secrets, ResolvedSecret.Store.SECRETS_MANAGER);
        if (!secretArns.isEmpty()) {
            statements.add(Statement.allow("ReadSecrets").actions("secretsmanager:GetSecretValue")
                    .resources(secretArns).build());
        }
        var keys = new TreeSet<String>();
        var viaServices = new TreeSet<String>();
        for (var secret : secrets) {
            secret.kmsKeyArn().ifPresent(key -> {
                keys.add(key);
                viaServices.add(account.regionalServicePrincipal(secret.store().service()));
            });
        }
        if (!keys.isEmpty()) {
            statements.add(Statement.allow("DecryptSecrets").actions("kms:Decrypt").resources(List.copyOf(keys))
                    .condition("StringEquals", "kms:ViaService", viaServices.toArray(String[]::new)).build());
        }
        return new PolicyDocument(statements);
    }

    /**
     * What the application may do: the permissions its configuration lists, plus, with ECS Exec, the session
     * channel, writing the exec log group and decrypting the session with the stack key. Empty when there is
     * nothing to allow.
     */
    public static Optional<PolicyDocument> task(List<Permission> permissions, Optional<ExecGrants> exec) {
        return task(permissions, exec, List.of());
    }

    /** With {@code sidecars}: the statements of the service's ready-made sidecars ({@link SidecarPolicies}), last. */
    public static Optional<PolicyDocument> task(List<Permission> permissions, Optional<ExecGrants> exec,
                                                List<Statement> sidecars) {
        var statements = new ArrayList<Statement>();
        for (int i = 0; i < permissions.size(); i++) {
            var permission = permissions.get(i);
            statements.add(Statement.allow("Configured" + (i + 1)).actions(permission.actions())
                    .resources(permission.resources()).build());
        }
        exec.ifPresent(grants -> {
            // The Session Manager channel actions have no resource type: AWS accepts only "*" for them.
            statements.add(Statement.allow("ExecChannel").actions(EXEC_CHANNEL_ACTIONS).resources("*").build());
            // The SSM agent checks the session log group exists; DescribeLogGroups takes no narrower resource.
            statements.add(Statement.allow("ExecFindLogGroup").actions("logs:DescribeLogGroups").resources("*").build());
            statements.add(Statement.allow("ExecWriteLogs")
                    .actions("logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents")
                    .resources(grants.logGroupArn() + ":*").build());
            statements.add(Statement.allow("ExecDecryptSession").actions("kms:Decrypt")
                    .resources(grants.kmsKeyArn()).build());
        });
        statements.addAll(sidecars);
        return statements.isEmpty() ? Optional.empty() : Optional.of(new PolicyDocument(statements));
    }

    /** The cluster's ECS Exec settings a task role needs to join a session. */
    public record ExecGrants(String logGroupArn, String kmsKeyArn) {
    }

    private static List<String> arns(List<ResolvedSecret> secrets, ResolvedSecret.Store store) {
        return secrets.stream().filter(s -> s.store() == store).map(ResolvedSecret::resourceArn).distinct().sorted()
                .toList();
    }
}
