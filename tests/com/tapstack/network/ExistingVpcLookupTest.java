package com.tapstack.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.test.Mocks;
import com.tapstack.config.ConfigException;
import com.tapstack.support.AwsAnswers;
import com.tapstack.support.Fixtures;
import com.tapstack.support.StackValues;
import com.tapstack.tooling.offline.OfflineEngine;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.SimulatedAccount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The existing VPC as AWS answers for it (the small fixture, us-east-1: ECR images, ECS Exec on orders): by default
 * the simulator's valid network plans; each misfit AWS can answer stops the run with one line naming the key and
 * the id, before any resource is registered.
 */
class ExistingVpcLookupTest {

    static final String VPC = ExistingVpcConfigTest.VPC;
    static final List<String> PRIVATE = ExistingVpcConfigTest.PRIVATE;
    static final List<String> PUBLIC = ExistingVpcConfigTest.PUBLIC;
    static final String MAIN = "rtb-0123456789abcdef0";
    private static final String GET_SUBNET = "aws:ec2/getSubnet:getSubnet";
    private static final String GET_VPC = "aws:ec2/getVpc:getVpc";
    private static final String FILE = "Pulumi.small.yaml: shop:existingVpc.";

    private final List<String> registered = new ArrayList<>();

    /** The plan of {@code values} with AWS answering through {@code answers}; every registered resource recorded. */
    private Plan plan(StackValues values, UnaryOperator<Mocks> answers) {
        var config = Fixtures.load(Fixtures.SMALL, values.toMap());
        return OfflineEngine.plan(config, Fixtures.SMALL, SimulatedAccount.forStack(config), aws -> answers.apply(
                AwsAnswers.readBack(aws, args -> registered.add(args.type + " " + args.name) && false, s -> { })));
    }

    private void assertStops(StackValues values, UnaryOperator<Mocks> answers, String message) {
        assertThatThrownBy(() -> plan(values, answers))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(registered).as("nothing registered before the lookups passed").isEmpty();
    }

    /** The subnets answered with an edited state (another VPC, another zone). */
    static Mocks subnet(Mocks aws, String id, Map<String, Object> changes) {
        return AwsAnswers.lookup(aws, AwsAnswers.invoked(GET_SUBNET, "id", id), answer -> answer.putAll(changes));
    }

    /** {@code subnets} have no route table of their own: they use the VPC's main table. */
    static Mocks unassociated(Mocks aws, Collection<String> subnets) {
        return AwsAnswers.lookup(aws, args -> "aws:ec2/getRouteTables:getRouteTables".equals(args.token)
                && subnets.stream().anyMatch(String.valueOf(args.args.get("filters"))::contains),
                answer -> answer.put("ids", List.of()));
    }

    /** The VPC's main route table is {@code id}, which the simulator answers with the local route only. */
    static Mocks mainTable(Mocks aws, String id) {
        return AwsAnswers.lookup(aws, AwsAnswers.invoked(GET_VPC), answer -> answer.put("mainRouteTableId", id));
    }

    /** The VPC has an available endpoint for every service it is asked about, on the main route table. */
    static Mocks everyEndpoint(Mocks aws, List<String> asked) {
        return AwsAnswers.answer(aws, AwsAnswers.invoked("aws:ec2/getVpcEndpoint:getVpcEndpoint"), args -> {
            var service = String.valueOf(args.args.get("serviceName"));
            asked.add(service);
            var answer = new HashMap<String, Object>();
            for (var field : List.of("arn", "id", "ipAddressType", "ownerId", "policy", "prefixListId")) {
                answer.put(field, "");
            }
            for (var field : List.of("cidrBlocks", "dnsEntries", "dnsOptions", "networkInterfaceIds",
                    "securityGroupIds", "subnetIds")) {
                answer.put(field, List.of());
            }
            answer.putAll(Map.of("id", "vpce-0123456789abcdef0", "serviceName", service, "state", "available",
                    "vpcId", VPC, "vpcEndpointType", service.endsWith(".s3") ? "Gateway" : "Interface",
                    "privateDnsEnabled", !service.endsWith(".s3"), "requesterManaged", false,
                    "routeTableIds", List.of(MAIN), "tags", Map.of()));
            return CompletableFuture.completedFuture(answer);
        });
    }

    private static UnaryOperator<Mocks> noWayOut() {
        return aws -> mainTable(unassociated(aws, PRIVATE), MAIN);
    }

    @Test
    void theSimulatorsNetworkPlansWithTheUsersIds() {
        var plan = plan(ExistingVpcConfigTest.existing(), UnaryOperator.identity());

        assertThat(plan.outputs()).containsEntry("vpcId", VPC).containsEntry("availabilityZoneIds",
                List.of("use1-az1", "use1-az2"));
        assertThat(registered).isNotEmpty();
    }

    @Test
    void aSubnetInAnotherVpcStops() {
        assertStops(ExistingVpcConfigTest.existing(), aws -> subnet(aws, PRIVATE.get(1),
                        Map.of("vpcId", "vpc-0fedcba9876543210")),
                FILE + "privateSubnetIds: \"subnet-0a1b2c3d4e5f60002\" is in vpc-0fedcba9876543210, not in"
                        + " vpc-0123456789abcdef0; allowed: subnet ids of vpc-0123456789abcdef0 in us-east-1");
    }

    @Test
    void aSubnetTheAccountDoesNotHaveStops() {
        assertStops(ExistingVpcConfigTest.existing(), aws -> AwsAnswers.answer(aws,
                        AwsAnswers.invoked(GET_SUBNET, "id", PUBLIC.get(0)),
                        args -> CompletableFuture.failedFuture(new IllegalStateException("no matching EC2 Subnet found"))),
                FILE + "publicSubnetIds: \"subnet-0f1e2d3c4b5a60001\" was not found in us-east-1 (the lookup said: no"
                        + " matching EC2 Subnet found); allowed: subnet ids of vpc-0123456789abcdef0 in us-east-1");
    }

    @Test
    void aVpcTheAccountDoesNotHaveStops() {
        assertStops(ExistingVpcConfigTest.existing(), aws -> AwsAnswers.answer(aws, AwsAnswers.invoked(GET_VPC),
                        args -> CompletableFuture.failedFuture(new IllegalStateException("no matching EC2 VPC found"))),
                FILE + "vpcId: \"vpc-0123456789abcdef0\" was not found in us-east-1 (the lookup said: no matching EC2"
                        + " VPC found); allowed: the id of an available VPC in us-east-1 with DNS support and DNS host"
                        + " names on");
    }

    @Test
    void aVpcWithoutDnsHostNamesStops() {
        assertStops(ExistingVpcConfigTest.existing(), aws -> AwsAnswers.lookup(aws, AwsAnswers.invoked(GET_VPC),
                        answer -> answer.put("enableDnsHostnames", false)),
                FILE + "vpcId: \"vpc-0123456789abcdef0\" has DNS host names off, which Cloud Map's private DNS"
                        + " namespace needs; allowed: the id of an available VPC in us-east-1 with DNS support and DNS"
                        + " host names on (aws ec2 modify-vpc-attribute --enable-dns-support /"
                        + " --enable-dns-hostnames)");
    }

    @Test
    void privateSubnetsInOneZoneStopAProtectedEnvironment() {
        var values = ExistingVpcConfigTest.existing().set(Fixtures.key("protect"), true);

        assertStops(values, aws -> subnet(aws, PRIVATE.get(1), Map.of("availabilityZone", "us-east-1a",
                        "availabilityZoneId", "use1-az1")),
                FILE + "privateSubnetIds: \"subnet-0a1b2c3d4e5f60001\", \"subnet-0a1b2c3d4e5f60002\" are all in one"
                        + " availability zone (use1-az1), and a protected environment or a database needs two;"
                        + " allowed: private subnets of vpc-0123456789abcdef0 in at least two availability zones");
    }

    @Test
    void privateSubnetsInOneZoneAreEnoughForADisposableEnvironment() {
        var plan = plan(ExistingVpcConfigTest.existing(), aws -> subnet(aws, PRIVATE.get(1),
                Map.of("availabilityZone", "us-east-1a", "availabilityZoneId", "use1-az1")));

        assertThat(plan.outputs()).containsEntry("availabilityZoneIds", List.of("use1-az1"));
    }

    @Test
    void aPrivateSubnetWithoutAWayOutOrEndpointsStops() {
        assertStops(ExistingVpcConfigTest.existing(), noWayOut(),
                FILE + "privateSubnetIds: \"subnet-0a1b2c3d4e5f60001\" has no route out (route table " + MAIN
                        + " sends 0.0.0.0/0 nowhere, not to a NAT gateway, transit gateway or network interface), and"
                        + " vpc-0123456789abcdef0 has no interface endpoint for ecr.api (ECR (image pull)), ecr.dkr"
                        + " (ECR (image pull)), kms (KMS (encrypted ECS Exec sessions)), logs (CloudWatch Logs"
                        + " (awslogs)), ssmmessages (Session Manager (ECS Exec)); allowed: private subnets routed"
                        + " through a NAT gateway, or with VPC endpoints for what the tasks use (shop:endpoints)");
    }

    @Test
    void aPrivateSubnetWithoutAWayOutRunsOnTheEndpointsTheStackCreates() {
        var values = ExistingVpcConfigTest.existing().set(Fixtures.key("endpoints"),
                Map.of("interfaces", List.of("ecr.api", "ecr.dkr", "logs", "ssmmessages", "kms")));

        var plan = plan(values, noWayOut());

        assertThat(plan.byType("aws:ec2/vpcEndpoint:VpcEndpoint")).hasSize(6)
                .allSatisfy(e -> assertThat(e.input("vpcId")).isEqualTo(VPC))
                .anySatisfy(e -> assertThat(e.input("routeTableIds")).isEqualTo(List.of(MAIN)));
    }

    @Test
    void aQueueWorkerAndItsProducersWithoutAWayOutNeedTheSqsEndpoint() {
        var values = ExistingVpcConfigTest.existing().set(Fixtures.key("endpoints"),
                        Map.of("interfaces", List.of("ecr.api", "ecr.dkr", "logs", "ssmmessages", "kms")))
                .setIn(Fixtures.key("services"), "mailer.queue", Map.of("producers", List.of("orders")));

        assertStops(values, noWayOut(),
                FILE + "privateSubnetIds: \"subnet-0a1b2c3d4e5f60001\" has no route out (route table " + MAIN
                        + " sends 0.0.0.0/0 nowhere, not to a NAT gateway, transit gateway or network interface), and"
                        + " vpc-0123456789abcdef0 has no interface endpoint for sqs (SQS (queue workers and their"
                        + " producers)); allowed: private subnets routed through a NAT gateway, or with VPC endpoints"
                        + " for what the tasks use (shop:endpoints)");
    }

    @Test
    void aPrivateSubnetWithoutAWayOutRunsOnTheEndpointsTheVpcHas() {
        var asked = new ArrayList<String>();

        var plan = plan(ExistingVpcConfigTest.existing(), aws -> everyEndpoint(noWayOut().apply(aws), asked));

        assertThat(plan.byType("aws:ec2/vpcEndpoint:VpcEndpoint")).isEmpty();
        assertThat(asked).containsExactly("com.amazonaws.us-east-1.ecr.api", "com.amazonaws.us-east-1.ecr.dkr",
                "com.amazonaws.us-east-1.kms", "com.amazonaws.us-east-1.logs", "com.amazonaws.us-east-1.ssmmessages",
                "com.amazonaws.us-east-1.s3");
    }

    @Test
    void aPrivateSubnetWithoutAWayOutCannotPullFromARegistryOutsideEcr() {
        var values = ExistingVpcConfigTest.existing().setIn(Fixtures.key("services"), "mailer.image",
                "ghcr.io/nginx/nginx-unprivileged@sha256:ed04ec1ff34502c339ee5c3ae3f855442398edc1d05591e2b98981dcbbd20b1e");

        assertStops(values, noWayOut(), FILE + "privateSubnetIds: \"subnet-0a1b2c3d4e5f60001\" has no route out"
                + " (route table " + MAIN + " sends 0.0.0.0/0 nowhere, not to a NAT gateway, transit gateway or"
                + " network interface), and image ghcr.io/nginx/nginx-unprivileged@sha256:"
                + "ed04ec1ff34502c339ee5c3ae3f855442398edc1d05591e2b98981dcbbd20b1e is in a registry no VPC endpoint"
                + " reaches; allowed: private subnets routed through a NAT gateway, or with VPC endpoints for what the"
                + " tasks use (shop:endpoints); or push the image to ECR");
    }

    @Test
    void aPublicSubnetWithoutAnInternetGatewayStops() {
        assertStops(ExistingVpcConfigTest.existing(), aws -> mainTable(unassociated(aws, List.of(PUBLIC.get(1))),
                        MAIN),
                FILE + "publicSubnetIds: \"subnet-0f1e2d3c4b5a60002\" has no default route to an internet gateway"
                        + " (route table " + MAIN + " sends 0.0.0.0/0 nowhere), so the load balancer is unreachable;"
                        + " allowed: subnets whose route table sends 0.0.0.0/0 to an internet gateway");
    }

    @Test
    void twoPublicSubnetsInOneZoneStop() {
        assertStops(ExistingVpcConfigTest.existing(), aws -> subnet(aws, PUBLIC.get(1),
                        Map.of("availabilityZone", "us-east-1a", "availabilityZoneId", "use1-az1")),
                FILE + "publicSubnetIds: \"subnet-0f1e2d3c4b5a60001\" and \"subnet-0f1e2d3c4b5a60002\" are both in"
                        + " use1-az1, and a load balancer takes one subnet per availability zone; allowed: public"
                        + " subnets of vpc-0123456789abcdef0, one per availability zone, in every zone of"
                        + " privateSubnetIds");
    }

    @Test
    void aZoneWithTasksButNoPublicSubnetStops() {
        assertStops(ExistingVpcConfigTest.existing(), aws -> subnet(aws, PRIVATE.get(1),
                        Map.of("availabilityZone", "us-east-1c", "availabilityZoneId", "use1-az3")),
                FILE + "publicSubnetIds: has no subnet in use1-az3, where private subnet \"subnet-0a1b2c3d4e5f60002\""
                        + " runs tasks the load balancer would not reach; allowed: public subnets of"
                        + " vpc-0123456789abcdef0, one per availability zone, in every zone of privateSubnetIds");
    }

    @Test
    void aVpcSharedFromAnotherAccountStops() {
        assertStops(ExistingVpcConfigTest.existing(), aws -> AwsAnswers.lookup(aws, AwsAnswers.invoked(GET_VPC),
                        answer -> answer.put("ownerId", "444455556666")),
                FILE + "vpcId: \"vpc-0123456789abcdef0\" belongs to account 444455556666, not to 123456789012 that"
                        + " deploys, and Cloud Map's private DNS namespace needs a VPC of its own account; allowed: the"
                        + " id of an available VPC in us-east-1 with DNS support and DNS host names on, owned by the"
                        + " deploying account");
    }

    @Test
    void anEndpointTheStackWouldCreateNextToTheVpcsOwnStops() {
        var values = ExistingVpcConfigTest.existing().set(Fixtures.key("endpoints"),
                Map.of("interfaces", List.of("logs")));

        assertStops(values, aws -> everyEndpoint(aws, new ArrayList<>()),
                "Pulumi.small.yaml: shop:endpoints.interfaces: \"logs\": vpc-0123456789abcdef0 already has an"
                        + " interface endpoint for it with private DNS (vpce-0123456789abcdef0), and AWS refuses a"
                        + " second one; allowed: the interfaces vpc-0123456789abcdef0 does not have yet; its own serve"
                        + " the tasks");
    }
}
