package com.tapstack.tooling.diagram;

import com.tapstack.tooling.offline.Plan;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The label of a VPC the plan does not create (tap:existingVpc): drawn by its id, with the subnets the stack
 * places things in, and marked as not managed here. The id is what the stack's security groups are created in.
 */
final class ExistingVpcLabel {

    private ExistingVpcLabel() {
    }

    static Optional<String> of(Plan plan) {
        var vpcId = plan.byType("aws:ec2/securityGroup:SecurityGroup").stream()
                .map(group -> group.inputString("vpcId")).filter(id -> id != null && !id.isEmpty()).findFirst();
        return vpcId.map(id -> {
            var privateSubnets = new LinkedHashSet<String>();
            plan.byType("aws:ecs/service:Service").forEach(service ->
                    privateSubnets.addAll(strings(service.inputAt("networkConfiguration.subnets"))));
            var publicSubnets = new LinkedHashSet<String>();
            plan.byType("aws:lb/loadBalancer:LoadBalancer").forEach(lb -> publicSubnets.addAll(strings(lb.input("subnets"))));
            return "Existing VPC " + id + " (not managed by this stack): " + privateSubnets.size() + " private"
                    + (publicSubnets.isEmpty() ? "" : ", " + publicSubnets.size() + " public") + " subnets";
        });
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
