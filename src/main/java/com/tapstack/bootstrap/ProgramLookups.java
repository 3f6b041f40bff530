package com.tapstack.bootstrap;

import com.tapstack.iam.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The lookups the stack's program makes on every preview and every update: the AWS provider's data sources, which
 * the SDK invokes while the program runs, and the IAM actions their reads call. A deploy role holds them among its
 * other rights; a preview role holds them and nothing else of AWS, because a preview (without refresh) creates,
 * changes and reads no resource: the engine compares the program with the state and asks the provider for diffs.
 * The tests plan every fixture and refuse a lookup that is not here.
 */
final class ProgramLookups {

    /**
     * One data source: its invoke token, the actions its read calls (none: answered from the provider's own
     * configuration), and the resource they are authorized on ({@code "*"}: AWS's Service Authorization Reference
     * gives the action no resource type).
     */
    record Lookup(String token, List<String> actions, Function<DeployPermissions.Arns, String> resource) {
        Lookup {
            actions = List.copyOf(actions);
        }
    }

    private static final Function<DeployPermissions.Arns, String> ANY = arn -> "*";

    /*
     * The actions are the calls of each data source's read in terraform-provider-aws 5.x, which pulumi-aws 6.83
     * bridges (internal/service/<service>/<name>_data_source.go and the find helpers they call), read in stored
     * copies of 5.x, not at the exact tag 6.83 pins. The provider's own configuration calls only
     * sts:GetCallerIdentity (internal/conns/config.go; pulumi-aws validates credentials with it once more), which
     * needs no permission. Resource types from the Service Authorization Reference.
     */
    static final List<Lookup> ALL = List.of(
            // STS: "No permissions are required to perform this operation" (STS API reference, GetCallerIdentity);
            // listed so that the table names every call the program makes.
            new Lookup("aws:index/getCallerIdentity:getCallerIdentity", List.of("sts:GetCallerIdentity"), ANY),
            new Lookup("aws:index/getPartition:getPartition", List.of(), ANY),
            new Lookup("aws:index/getAvailabilityZones:getAvailabilityZones", List.of("ec2:DescribeAvailabilityZones"),
                    ANY),
            // An existing VPC's lookups (network.existingVpc). vpc_data_source.go: the VPC, its three attributes
            // (DescribeVpcAttribute takes a vpc resource, but the VPC is the stack file's, unknown here: "*", held
            // to the region like the rest) and its main route table.
            new Lookup("aws:ec2/getVpc:getVpc", List.of("ec2:DescribeVpcs", "ec2:DescribeVpcAttribute",
                    "ec2:DescribeRouteTables"), ANY),
            new Lookup("aws:ec2/getSubnet:getSubnet", List.of("ec2:DescribeSubnets"), ANY),
            // vpc_route_table_data_source.go also reads the network interfaces its routes target.
            new Lookup("aws:ec2/getRouteTable:getRouteTable", List.of("ec2:DescribeRouteTables",
                    "ec2:DescribeNetworkInterfaces"), ANY),
            new Lookup("aws:ec2/getRouteTables:getRouteTables", List.of("ec2:DescribeRouteTables"), ANY),
            // vpc_endpoint_data_source.go reads the service's prefix list too, and fails when refused it.
            new Lookup("aws:ec2/getVpcEndpoint:getVpcEndpoint", List.of("ec2:DescribeVpcEndpoints",
                    "ec2:DescribePrefixLists"), ANY),
            // A service's image by digest in its own repository, or by tag in a repository of the account named in
            // the stack file (any name): repositories of the account and region. image_data_source.go describes the
            // image, then the repository (for the image's URI).
            new Lookup("aws:ecr/getImage:getImage", List.of("ecr:DescribeImages", "ecr:DescribeRepositories"),
                    arn -> arn.regional("ecr", "repository/*")),
            new Lookup("aws:rds/getEngineVersion:getEngineVersion", List.of("rds:DescribeDBEngineVersions"), ANY),
            // A pull through cache's credential given by name: ECR requires the ecr-pullthroughcache/ prefix.
            new Lookup("aws:secretsmanager/getSecret:getSecret", List.of("secretsmanager:DescribeSecret",
                    "secretsmanager:GetResourcePolicy"), arn -> arn.regional("secretsmanager",
                    "secret:ecr-pullthroughcache/*")));

    /**
     * Calls the provider makes while it diffs a resource, so in every preview too: aws_sfn_state_machine validates
     * its definition in CustomizeDiff (internal/service/sfn/state_machine.go). AWS gives the action no resource type.
     */
    static final List<String> DIFF_CALLS = List.of("states:ValidateStateMachineDefinition");

    private ProgramLookups() {
    }

    /** Every lookup's actions and the diffs' calls, one statement per resource, held to the stack's region. */
    static List<Statement> statements(DeployPermissions.Arns arn, String region) {
        Map<String, Set<String>> byResource = new LinkedHashMap<>();
        byResource.put("*", new TreeSet<>(DIFF_CALLS));
        for (var lookup : ALL) {
            if (!lookup.actions().isEmpty()) {
                byResource.computeIfAbsent(lookup.resource().apply(arn), r -> new TreeSet<>()).addAll(lookup.actions());
            }
        }
        return byResource.entrySet().stream().map(entry -> Statement.allow(sid(entry.getKey()))
                .actions(entry.getValue().toArray(String[]::new)).resources(entry.getKey())
                .condition("StringEquals", "aws:RequestedRegion", region).build()).collect(Collectors.toList());
    }

    private static String sid(String resource) {
        if (resource.equals("*")) {
            return "ProgramLookups";
        }
        var service = resource.split(":")[2];
        return "ProgramLookups" + Character.toUpperCase(service.charAt(0)) + service.substring(1)
                .replaceAll("[^A-Za-z0-9]", "");
    }
}
