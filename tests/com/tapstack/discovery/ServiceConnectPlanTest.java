package com.tapstack.discovery;

import static com.tapstack.support.PlanAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.tapstack.support.BrokenConfig;
import com.tapstack.support.Fixtures;
import com.tapstack.support.StackValues;
import com.tapstack.support.TaskContainers;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ECS Service Connect as the environment's discovery (issue 15, item 1), on the shop fixture: storefront (public,
 * port 3000, calls orders), orders (port 9000) and mailer (no port). The cluster's default namespace, each
 * service's Service Connect configuration, the named port mappings, the proxies' encrypted log groups and the
 * execution role that writes them, exactly as sent; the security groups as with Cloud Map; the loader's lines.
 */
class ServiceConnectPlanTest {

    static final String S = Fixtures.key("services");
    static final String DISCOVERY = Fixtures.key("discovery");
    static final String P = "shop-qa-t1-";
    static final String SERVICE = "aws:ecs/service:Service";

    static Plan serviceConnect(UnaryOperator<StackValues> edit) {
        return Fixtures.plan(Fixtures.SMALL, edit.apply(Fixtures.values(Fixtures.SMALL).set(DISCOVERY,
                "serviceConnect")));
    }

    static PlannedResource service(Plan plan, String name) {
        return plan.named(SERVICE, "shop-" + name);
    }

    static String namespaceArn(Plan plan) {
        return String.valueOf(plan.byType("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace").get(0)
                .output("arn"));
    }

    static Map<String, Object> container(Plan plan, String service) {
        List<Map<String, Object>> containers = new Gson().fromJson(plan.named("aws:ecs/taskDefinition:TaskDefinition",
                "shop-" + service + "-task-definition").inputString("containerDefinitions"),
                new TypeToken<List<Map<String, Object>>>() { }.getType());
        return containers.stream().filter(c -> c.get("name").equals(service)).findFirst().orElseThrow();
    }

    static Map<String, Object> logConfiguration(String service) {
        return TaskContainers.awslogs(P + service + "/service-connect", "service-connect");
    }

    @Test
    void byDefaultServicesRegisterInCloudMapAndRunNoProxy() {
        var plan = Fixtures.plan(Fixtures.SMALL);

        assertThat(plan.byType("aws:ecs/cluster:Cluster").get(0).input("serviceConnectDefaults")).isNull();
        assertThat(plan.byType("aws:servicediscovery/service:Service")).extracting(r -> r.input("name"))
                .containsExactlyInAnyOrder("mailer", "orders", "storefront");
        for (var name : List.of("mailer", "orders", "storefront")) {
            assertThat(service(plan, name).input("serviceConnectConfiguration")).isNull();
            assertThat(service(plan, name).inputAt("serviceRegistries.registryArn")).isNotNull();
        }
        assertThat(container(plan, "orders").get("portMappings"))
                .isEqualTo(List.of(Map.of("containerPort", 9000.0, "protocol", "tcp")));
        assertThat(plan.find(r -> r.name().endsWith("-proxy-logs"))).isEmpty();
    }

    @Test
    void theClusterDefaultsToTheEnvironmentsNamespace() {
        var plan = serviceConnect(v -> v);

        assertThat(plan.byType("aws:ecs/cluster:Cluster").get(0).input("serviceConnectDefaults"))
                .isEqualTo(Map.of("namespace", namespaceArn(plan)));
        assertThat(namespaceArn(plan)).startsWith("arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-");
    }

    @Test
    void aServiceWithAPortServesOneEndpointUnderItsCloudMapName() {
        var plan = serviceConnect(v -> v);

        assertThat(service(plan, "orders").input("serviceConnectConfiguration")).isEqualTo(Map.of(
                "enabled", true,
                "namespace", namespaceArn(plan),
                "logConfiguration", logConfiguration("orders"),
                "services", List.of(Map.of("portName", "orders", "discoveryName", "orders",
                        "clientAlias", List.of(Map.of("dnsName", "orders.qa.shop.local", "port", 9000L))))));
        assertThat(container(plan, "orders").get("portMappings"))
                .isEqualTo(List.of(Map.of("containerPort", 9000.0, "protocol", "tcp", "name", "orders")));
    }

    @Test
    void aServiceWithoutAPortIsAClientOnly() {
        var plan = serviceConnect(v -> v);

        assertThat(service(plan, "mailer").input("serviceConnectConfiguration")).isEqualTo(Map.of(
                "enabled", true, "namespace", namespaceArn(plan), "logConfiguration", logConfiguration("mailer")));
        assertThat(container(plan, "mailer")).doesNotContainKey("portMappings");
    }

    @Test
    void noServiceRegistersInCloudMapItself() {
        var plan = serviceConnect(v -> v);

        assertThat(plan.byType("aws:servicediscovery/service:Service")).isEmpty();
        for (var name : List.of("mailer", "orders", "storefront")) {
            assertThat(service(plan, name).input("serviceRegistries")).isNull();
        }
        // The namespace stays: Service Connect's endpoints live in it.
        assertThat(plan.byType("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace")).hasSize(1);
    }

    @Test
    void eachProxyLogsToAGroupOfItsOwnEncryptedWithTheStackKeyAndKeptForTheStacksRetention() {
        var plan = serviceConnect(v -> v);

        for (var name : List.of("mailer", "orders", "storefront")) {
            var group = plan.named("aws:cloudwatch/logGroup:LogGroup", "shop-" + name + "-proxy-logs");
            assertThat(group.input("name")).isEqualTo(P + name + "/service-connect");
            assertThat(group.input("kmsKeyId")).isEqualTo(plan.outputs().get("kmsKeyArn"));
            assertThat(group.input("retentionInDays")).isEqualTo(7L);
        }
    }

    @Test
    void theExecutionRoleWritesTheServicesGroupAndItsProxysAndNothingElse() {
        var plan = serviceConnect(v -> v);

        assertThat(json(plan.named("aws:iam/rolePolicy:RolePolicy", "shop-mailer-execution-policy"), "policy"))
                .isEqualTo(json("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "PullImage", "Effect": "Allow",
                   "Action": ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
                   "Resource": ["arn:aws:ecr:us-east-1:111122223333:repository/mailer"]},
                  {"Sid": "EcrLogin", "Effect": "Allow", "Action": ["ecr:GetAuthorizationToken"], "Resource": ["*"]},
                  {"Sid": "WriteLogs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                   "Resource": ["arn:aws:logs:us-east-1:123456789012:log-group:shop-qa-t1-mailer:*",
                                "arn:aws:logs:us-east-1:123456789012:log-group:shop-qa-t1-mailer/service-connect:*"]}]}"""));
    }

    @Test
    void theSecurityGroupRulesAreTheOnesCloudMapGets() {
        var cloudMap = rules(Fixtures.plan(Fixtures.SMALL));
        var serviceConnect = rules(serviceConnect(v -> v));

        assertThat(serviceConnect).isEqualTo(cloudMap);
        // storefront reaches orders on the container port, which the proxy listens on; nothing else reaches orders.
        assertThat(cloudMap).containsEntry("shop-security-groups-orders-from-storefront",
                List.of("tcp", 9000L, 9000L, "Port 9000 from service storefront"));
        assertThat(cloudMap.keySet()).filteredOn(name -> name.contains("-orders-from-"))
                .containsExactly("shop-security-groups-orders-from-storefront");
    }

    /** Every rule by name: protocol, ports and description (the groups' ids are the same in both plans too). */
    static Map<String, List<Object>> rules(Plan plan) {
        var rules = new TreeMap<String, List<Object>>();
        for (var type : List.of("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")) {
            plan.byType(type).forEach(rule -> rules.put(rule.name(), List.of(rule.input("ipProtocol"),
                    rule.input("fromPort"), rule.input("toPort"), rule.input("description"))));
        }
        return rules;
    }

    @Test
    void theBlockSetsTheEndpointsNamesAliasProtocolAndTimeouts() {
        var plan = serviceConnect(v -> v.setIn(S, "orders.serviceConnect", Map.of("portName", "rpc",
                "discoveryName", "orders-api", "dnsName", "orders", "port", 80, "appProtocol", "http",
                "idleTimeout", 120, "perRequestTimeout", 10)));

        assertThat(service(plan, "orders").inputAt("serviceConnectConfiguration.services")).isEqualTo(List.of(Map.of(
                "portName", "rpc", "discoveryName", "orders-api",
                "clientAlias", List.of(Map.of("dnsName", "orders", "port", 80L)),
                "timeout", Map.of("idleTimeoutSeconds", 120L, "perRequestTimeoutSeconds", 10L))));
        assertThat(container(plan, "orders").get("portMappings")).isEqualTo(List.of(Map.of("containerPort", 9000.0,
                "protocol", "tcp", "name", "rpc", "appProtocol", "http")));
        // Callers still reach the container port: the proxy forwards the alias port to it.
        assertThat(rules(plan)).containsEntry("shop-security-groups-orders-from-storefront",
                List.of("tcp", 9000L, 9000L, "Port 9000 from service storefront"));
    }

    @Test
    void theStackOutputsNameTheAddressCallersUse() {
        var plan = serviceConnect(v -> v.setIn(S, "orders.serviceConnect", Map.of("dnsName", "orders")));

        @SuppressWarnings("unchecked")
        var services = (Map<String, Map<String, Object>>) plan.outputs().get("services");
        assertThat(services.get("orders").get("discoveryName")).isEqualTo("orders");
        assertThat(services.get("storefront").get("discoveryName")).isEqualTo("storefront.qa.shop.local");
        // mailer serves nothing: there is no address to give.
        assertThat(services.get("mailer")).doesNotContainKey("discoveryName");
    }

    @Test
    void theReferenceStacksKeepCloudMapDns() {
        for (var stack : List.of("dev", "prod")) {
            var plan = com.tapstack.support.Reference.plan(stack);
            assertThat(plan.byType("aws:ecs/cluster:Cluster").get(0).input("serviceConnectDefaults")).isNull();
            assertThat(plan.byType(SERVICE)).isNotEmpty().allSatisfy(service -> {
                assertThat(service.input("serviceConnectConfiguration")).isNull();
                assertThat(service.inputAt("serviceRegistries.registryArn")).isNotNull();
            });
        }
    }

    @Test
    void serviceConnectAddsNoCostLineAndLeavesTheTasksPriceAsItIs() {
        var config = Fixtures.config(Fixtures.SMALL);
        var prices = com.tapstack.tooling.cost.PriceTable.shipped();
        var cloudMap = com.tapstack.tooling.cost.CostEstimator.estimate(Fixtures.plan(Fixtures.SMALL),
                config.costAssumptions(), config.logRetentionDays(), prices);
        var serviceConnect = com.tapstack.tooling.cost.CostEstimator.estimate(serviceConnect(v -> v),
                config.costAssumptions(), config.logRetentionDays(), prices);

        assertThat(serviceConnect.lines()).extracting(l -> l.family())
                .containsExactlyElementsOf(cloudMap.lines().stream().map(l -> l.family()).toList());
        assertThat(serviceConnect.total()).isEqualTo(cloudMap.total());
        // The proxies' groups are counted with the others; the assumed log volume is the stack's, not per group.
        assertThat(serviceConnect.lines()).filteredOn(l -> l.family().equals("CloudWatch Logs"))
                .singleElement().satisfies(l -> assertThat(l.basis()).endsWith("in 8 groups"));
    }

    static Stream<Arguments> refused() {
        var file = "Pulumi." + Fixtures.SMALL + ".yaml: ";
        UnaryOperator<StackValues> on = v -> v.set(DISCOVERY, "serviceConnect");
        return Stream.of(
                BrokenConfig.broken("a discovery nobody knows", v -> v.set(DISCOVERY, "dns"), file + DISCOVERY
                        + ": \"dns\" is not a way services find each other; allowed: cloudMap or serviceConnect"),
                BrokenConfig.broken("the block with Cloud Map", v -> v.setIn(S, "orders.serviceConnect",
                        Map.of("dnsName", "orders")), file + S + ".orders.serviceConnect: is set, but services find"
                        + " each other through Cloud Map DNS; allowed: the block only with <project>:discovery:"
                        + " serviceConnect"),
                BrokenConfig.broken("the block on a service without a port", v -> on.apply(v).setIn(S,
                        "mailer.serviceConnect", Map.of()), file + S + ".mailer.serviceConnect: is set on a service"
                        + " without a port, which can only call others; allowed: a serviceConnect block only on a"
                        + " service with a port"),
                BrokenConfig.broken("an uppercase port name", v -> on.apply(v).setIn(S, "orders.serviceConnect",
                        Map.of("portName", "Orders")), file + S + ".orders.serviceConnect.portName: \"Orders\" is not"
                        + " a Service Connect name; allowed: 1 to 64 lowercase letters, digits, _ or -, not starting"
                        + " with -"),
                BrokenConfig.broken("a discovery name starting with a hyphen", v -> on.apply(v).setIn(S,
                        "orders.serviceConnect", Map.of("discoveryName", "-orders")), file + S
                        + ".orders.serviceConnect.discoveryName: \"-orders\" is not a Service Connect name; allowed:"
                        + " 1 to 64 lowercase letters, digits, _ or -, not starting with -, unique among the services"),
                BrokenConfig.broken("a client alias with a space", v -> on.apply(v).setIn(S, "orders.serviceConnect",
                        Map.of("dnsName", "orders api")), file + S + ".orders.serviceConnect.dnsName: \"orders api\""
                        + " is not a Service Connect client alias; allowed: 1 to 127 lowercase letters, digits, _ - or"
                        + " ., not starting with -"),
                BrokenConfig.broken("a client alias port 0", v -> on.apply(v).setIn(S, "orders.serviceConnect",
                        Map.of("port", 0)), file + S + ".orders.serviceConnect.port: 0 is out of range; allowed: 1 to"
                        + " 65535"),
                BrokenConfig.broken("an app protocol Service Connect does not know", v -> on.apply(v).setIn(S,
                        "orders.serviceConnect", Map.of("appProtocol", "tcp")), file + S
                        + ".orders.serviceConnect.appProtocol: \"tcp\" is not an app protocol Service Connect knows;"
                        + " allowed: http, http2, grpc"),
                BrokenConfig.broken("a negative idle timeout", v -> on.apply(v).setIn(S, "orders.serviceConnect",
                        Map.of("idleTimeout", -1)), file + S + ".orders.serviceConnect.idleTimeout: -1 is out of"
                        + " range; allowed: 0 to 2147483647 seconds"),
                BrokenConfig.broken("a per-request timeout on TCP", v -> on.apply(v).setIn(S, "orders.serviceConnect",
                        Map.of("perRequestTimeout", 10)), file + S + ".orders.serviceConnect.perRequestTimeout: is"
                        + " set for a TCP port, where the proxy sees no requests; allowed: a perRequestTimeout next to"
                        + " appProtocol: http, http2 or grpc"),
                BrokenConfig.broken("another service's discovery name", v -> on.apply(v).setIn(S,
                        "storefront.serviceConnect", Map.of("discoveryName", "orders")), file + S
                        + ".storefront.serviceConnect.discoveryName: \"orders\" is service orders's discovery name"
                        + " too; allowed: a discovery name no other service has"),
                BrokenConfig.broken("another service's client alias", v -> on.apply(v)
                        .setIn(S, "orders.serviceConnect", Map.of("dnsName", "backend", "port", 80))
                        .setIn(S, "storefront.serviceConnect", Map.of("dnsName", "backend", "port", 80)), file + S
                        + ".storefront.serviceConnect.dnsName: \"backend\" on port 80 is service orders's client"
                        + " alias too; allowed: a name and port no other service has"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void badValuesAreOneLine(String what, UnaryOperator<StackValues> edit, String message) {
        BrokenConfig.assertFixtureRefused(Fixtures.SMALL, edit, message);
    }
}
