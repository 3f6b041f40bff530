package com.tapstack.stack;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.aws.AwsAccount;
import com.tapstack.config.StackConfig;
import com.tapstack.encryption.StackKey;
import com.tapstack.ingress.LoadBalancer;
import com.tapstack.logs.EncryptedLogGroups;
import com.tapstack.network.Network;
import com.tapstack.platform.EcsCluster;
import com.tapstack.random.RandomString;
import com.tapstack.random.RandomStringArgs;
import com.tapstack.registry.ContainerRegistry;
import com.tapstack.service.FargateService;
import com.tapstack.service.ServiceSecurityGroups;
import com.tapstack.service.SharedPlatform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole deployment, as one component: it wires the modules together and owns nothing else. Every child is
 * parented here, so {@code pulumi up} shows one tree and {@code pulumi destroy} takes it down in order.
 */
public final class TapStack extends ComponentResource {

    public static final String TYPE = "tap:stack:TapStack";
    /** Length of a generated suffix: 36^6 (two billion) values, short enough for every name limit. */
    public static final int GENERATED_SUFFIX_LENGTH = 6;

    private final Map<String, Output<?>> outputs = new LinkedHashMap<>();

    public TapStack(String name, StackConfig config, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = ComponentResourceOptions.builder().parent(this).build();

        var suffix = config.environmentSuffix().map(Output::of).orElseGet(() ->
                new RandomString(name + "-suffix", RandomStringArgs.nameSafe(GENERATED_SUFFIX_LENGTH),
                        // The suffix is in every physical name: replacing it would replace everything.
                        CustomResourceOptions.builder().parent(this).protect(config.protect()).build()).result());
        var scope = new StackScope(config, suffix, AwsAccount.lookup(config.region(), this));

        var key = new StackKey(name + "-key", scope, child);
        var logGroups = new EncryptedLogGroups(scope, key.arn());
        var network = new Network(name + "-network", config.network(), scope, logGroups, child);

        var platform = config.platform();
        var registry = new ContainerRegistry(name + "-registry", platform, scope, key.arn(), child);
        var cluster = new EcsCluster(name + "-cluster", platform, network.vpcId(), key.arn(), scope, logGroups, child);
        var securityGroups = new ServiceSecurityGroups(name + "-security-groups", platform, network.vpcId(),
                network.vpcCidr(), scope, child);
        var loadBalancer = securityGroups.loadBalancerGroupId().map(groupId -> new LoadBalancer(name + "-alb",
                platform, network.vpcId(), network.publicSubnetIds(), groupId, scope, child));
        var shared = new SharedPlatform(cluster, registry, securityGroups, loadBalancer, network.privateSubnetIds(),
                key.arn(), logGroups);
        var services = new ArrayList<Output<Map.Entry<String, Map<String, String>>>>();
        for (var service : platform.services().values()) {
            var fargate = new FargateService(name + "-" + service.name(), service, shared, scope, child);
            var repositoryUrl = registry.repositoryOf(service).map(r -> r.repositoryUrl().applyValue(Optional::of))
                    .orElse(Output.of(Optional.empty()));
            services.add(Output.tuple(fargate.serviceName(), fargate.taskDefinitionFamily(), repositoryUrl)
                    .applyValue(t -> Map.entry(service.name(), serviceOutputs(t.t1, t.t2, fargate.discoveryName(), t.t3))));
        }

        outputs.put("environmentSuffix", suffix);
        outputs.put("vpcId", network.vpcId());
        outputs.put("publicSubnetIds", network.publicSubnetIds());
        outputs.put("privateSubnetIds", network.privateSubnetIds());
        outputs.put("kmsKeyArn", key.arn());
        outputs.put("clusterName", cluster.name());
        outputs.put("clusterArn", cluster.arn());
        outputs.put("namespaceName", cluster.namespaceNameOutput());
        loadBalancer.ifPresent(lb -> {
            outputs.put("albDnsName", lb.dnsName());
            outputs.put("applicationUrl", lb.url());
        });
        outputs.put("services", Output.all(services).applyValue(TapStack::byName));
        registerOutputs(Map.copyOf(outputs));
    }

    /** The stack outputs, by the names {@code pulumi stack output} shows. */
    public Map<String, Output<?>> outputs() {
        return Map.copyOf(outputs);
    }

    private static Map<String, String> serviceOutputs(String serviceName, String family, String discoveryName,
                                                      Optional<String> repositoryUrl) {
        var values = new LinkedHashMap<String, String>();
        values.put("serviceName", serviceName);
        values.put("taskDefinitionFamily", family);
        values.put("discoveryName", discoveryName);
        repositoryUrl.ifPresent(url -> values.put("repositoryUrl", url));
        return values;
    }

    private static Map<String, Map<String, String>> byName(List<Map.Entry<String, Map<String, String>>> entries) {
        var result = new LinkedHashMap<String, Map<String, String>>();
        entries.forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }
}
