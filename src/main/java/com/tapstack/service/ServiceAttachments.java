package com.tapstack.service;

import com.pulumi.aws.ecr.Repository;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Optional;

/**
 * What the rest of the stack made for one service: its repository, its security group and the rules its tasks
 * use, and, when public, its target group and the listeners and rules that route to it.
 *
 * @param repository         the service's own ECR repository, when it has one
 * @param securityGroupRules every rule its tasks' traffic needs, so its first deployment waits for them
 * @param routing            the listeners and listener rules that send traffic to its target group
 * @param queues             the queue it works off and the queues it sends to
 * @param fileSystems        the EFS file systems it mounts, with its access points
 */
public record ServiceAttachments(Optional<Repository> repository, Output<String> securityGroupId,
                                 List<Resource> securityGroupRules, Optional<Output<String>> targetGroupArn,
                                 List<Resource> routing, QueueAccess queues, List<MountedFileSystem> fileSystems) {

    public ServiceAttachments {
        securityGroupRules = List.copyOf(securityGroupRules);
        routing = List.copyOf(routing);
        fileSystems = List.copyOf(fileSystems);
    }
}
