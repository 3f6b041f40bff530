package com.tapstack.stack;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.aws.AwsAccount;
import com.tapstack.config.service.ServiceConfig;
import com.tapstack.encryption.StackKey;
import com.tapstack.ingress.LoadBalancer;
import com.tapstack.logs.EncryptedLogGroups;
import com.tapstack.modules.alarms.Alarms;
import com.tapstack.modules.alarms.Monitored;
import com.tapstack.modules.alarms.WatchedDatabase;
import com.tapstack.modules.alblogs.AlbAccessLogs;
import com.tapstack.modules.database.Database;
import com.tapstack.modules.dns.DnsAlias;
import com.tapstack.modules.endpoints.VpcEndpoints;
import com.tapstack.modules.https.HttpsCertificate;
import com.tapstack.modules.parameters.ParameterConfig;
import com.tapstack.modules.parameters.StackParameters;
import com.tapstack.modules.storage.FileSystems;
import com.tapstack.modules.storage.StorageConfig;
import com.tapstack.modules.pullthrough.PullThroughCache;
import com.tapstack.modules.waf.WebFirewall;
import com.tapstack.naming.StackTags;
import com.tapstack.network.ExistingNetwork;
import com.tapstack.network.Network;
import com.tapstack.network.TaskNeeds;
import com.tapstack.network.ServiceSecurityGroups;
import com.tapstack.platform.EcsCluster;
import com.tapstack.queue.WorkQueue;
import com.tapstack.random.RandomString;
import com.tapstack.random.RandomStringArgs;
import com.tapstack.registry.ContainerRegistry;
import com.tapstack.scope.StackScope;
import com.tapstack.service.FargateService;
import com.tapstack.service.QueueAccess;
import com.tapstack.service.ImageCache;
import com.tapstack.service.SecretSources;
import com.tapstack.service.ServiceAttachments;
import com.tapstack.service.SharedPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The whole deployment, as one component: it wires the modules together and owns nothing else. Every child is
 * parented here, so {@code pulumi up} shows one tree and {@code pulumi destroy} takes it down in order.
 */
public final class TapStack extends ComponentResource {

    public static final String TYPE = "tap:stack:TapStack";
    /** Length of a generated suffix: 36^6 (two billion) values, short enough for every name limit. */
    public static final int GENERATED_SUFFIX_LENGTH = 6;

    private final StackOutputs outputs = new StackOutputs();

    public TapStack(String name, StackConfig config, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = ComponentResourceOptions.builder().parent(this).build();
        var modules = config.modules();
        var platform = config.platform();

        // An existing VPC is looked up and checked before anything is registered: a misfit stops the run clean.
        var existingNetwork = config.network().existingVpc().map(vpc -> ExistingNetwork.lookUp(vpc,
                new ExistingNetwork.Checks(config.region(), config.configFile(), config.project(),
                        config.protect() || modules.database().isPresent(),
                        TaskNeeds.of(platform.services().values(), modules.pullThroughCache().isPresent()),
                        modules.endpoints().map(e -> e.interfaces())),
                this));

        var suffix = config.environmentSuffix().map(Output::of).orElseGet(() ->
                new RandomString(name + "-suffix", RandomStringArgs.nameSafe(GENERATED_SUFFIX_LENGTH),
                        // The suffix is in every physical name: replacing it would replace everything.
                        CustomResourceOptions.builder().parent(this).protect(config.protect()).build()).result());
        var scope = StackScope.of(config.project(), config.environment(), config.region(), config.protect(),
                config.configFile(), suffix, AwsAccount.lookup(config.region(), this),
                new StackTags(config.owner(), config.costCenter(), config.tags()));

        // Foundation: key, log groups, network.
        var encryptEphemeralStorage = modules.storage().map(StorageConfig::encryptEphemeralStorage).orElse(false);
        var key = new StackKey(name + "-key", config.kmsDeletionWindowDays(), modules.alarms().isPresent(),
                encryptEphemeralStorage ? Optional.of(EcsCluster.nameOf(scope)) : Optional.empty(), scope, child);
        var logGroups = new EncryptedLogGroups(key.arn(), config.logRetentionDays(), scope);
        var network = new Network(name + "-network", config.network(), scope, logGroups, existingNetwork, child);

        // Platform: parameters, images, cluster, traffic rules, private endpoints, database.
        var parameters = modules.parameters().isEmpty() ? Optional.<StackParameters>empty()
                : Optional.of(new StackParameters(name + "-parameters", modules.parameters(), key.arn(), scope, child));
        var registry = new ContainerRegistry(name + "-registry", platform, scope, key.arn(), child);
        var cluster = new EcsCluster(name + "-cluster", platform, network.vpcId(), key.arn(), encryptEphemeralStorage,
                scope, logGroups, child);
        var securityGroups = new ServiceSecurityGroups(name + "-security-groups", platform, network.vpcId(),
                network.vpcCidr(), modules.https().isPresent(), modules.database().map(db -> db.port()),
                modules.endpoints().isPresent(), scope, child);
        var endpoints = modules.endpoints().map(e -> new VpcEndpoints(name + "-endpoints", e.interfaces(),
                network.vpcId(), network.endpointSubnetIds(), network.privateRouteTableIds(),
                securityGroups.endpointGroupIds(), scope, child));
        var fileSystems = modules.storage().map(storage -> new FileSystems(name + "-storage", storage,
                platform.services().values(), network.vpcId(), network.subnetPerAz(),
                securityGroups::groupIdOf, key.arn(), scope, child));
        var database = modules.database().map(db -> new Database(name + "-database", db, network.privateSubnetIds(),
                securityGroups.databaseGroupId().orElseThrow(), key.arn(), scope, logGroups, child));

        // Ingress: certificate, access logs, load balancer, firewall, DNS.
        var certificate = modules.https().map(https -> https.certificateArn().map(Output::of).orElseGet(() ->
                new HttpsCertificate(name + "-certificate", https.domainName().orElseThrow(),
                        modules.dns().orElseThrow().zoneId(), scope, child).arn()));
        var accessLogs = modules.albLogs().map(logs -> new AlbAccessLogs(name + "-alb-logs", logs.expirationDays(),
                scope, child));
        var loadBalancer = securityGroups.loadBalancerGroupId().map(primary -> new LoadBalancer(name + "-alb",
                platform, certificate, accessLogs.map(AlbAccessLogs::target), network.vpcId(), network.publicSubnetIds(),
                securityGroups.loadBalancerGroupIds(), scope, child));
        loadBalancer.ifPresent(lb -> {
            modules.waf().ifPresent(waf -> new WebFirewall(name + "-waf", waf, lb.arn(), scope, logGroups, child));
            modules.dns().ifPresent(dns -> DnsAlias.create(name + "-dns", dns, lb.dnsName(), lb.zoneId(), this));
        });

        // Alarms before the services: a service's deployments roll back on its own alarms.
        var configs = List.copyOf(platform.services().values());
        // Scheduled tasks have no ECS service to watch; their dead-letter alarm is their own (ScheduledRun).
        var services = configs.stream().filter(service -> service.schedule().isEmpty()).toList();
        var alarms = modules.alarms().map(alarmConfig -> new Alarms(name + "-alarms", alarmConfig,
                monitored(config, scope, cluster, services, loadBalancer, database), services.size(),
                services.stream().map(ServiceConfig::name).toList(), services.stream().map(ServiceConfig::isPublic).toList(),
                modules.database().map(db -> new WatchedDatabase(db.aurora(), db.serverless(), db.instances())),
                key.arn(), scope, child));

        // Services, from one loop.
        var privateNetwork = new ArrayList<com.pulumi.resources.Resource>(network.privateEgress());
        endpoints.ifPresent(e -> privateNetwork.addAll(e.endpoints()));
        var clusterInputs = new SharedPlatform.Cluster(cluster.arn(), cluster.name(), cluster.namespaceId(),
                cluster.execLogGroupArn(), cluster.capacityStrategy(), cluster.capacityProvidersResource(),
                platform.discovery() == com.tapstack.config.service.Discovery.SERVICE_CONNECT
                        ? Optional.of(cluster.namespaceArn()) : Optional.empty());
        var shared = new SharedPlatform(clusterInputs, network.privateSubnetIds(), privateNetwork, key.arn(), logGroups,
                platform.ecrUntaggedExpiryDays(), secretSources(modules.parameters(), parameters, database, key),
                database.map(db -> new SharedPlatform.DatabaseConnection(db.endpoint(), db.port(),
                        modules.database().orElseThrow().databaseName(), db.readiness())),
                alarms.map(Alarms::deploymentAlarms).orElse(Map.of()), alarms.map(Alarms::topicArn));
        var queues = new java.util.TreeMap<String, WorkQueue>();
        configs.forEach(service -> service.queue().ifPresent(queue -> queues.put(service.name(),
                new WorkQueue(name + "-" + service.name() + "-queue", service.name(), queue, key.arn(),
                        alarms.map(Alarms::topicArn), scope, child))));
        // Public images through ECR, so tasks reach them without NAT.
        shared = shared.withImageCache(modules.pullThroughCache().map(cache -> new PullThroughCache(
                name + "-pull-through", cache, platform, key.arn(), scope, child)).map(cache ->
                new ImageCache(cache.registries(), cache.readiness())));
        for (var service : configs) {
            var attachments = new ServiceAttachments(registry.repositoryOf(service), securityGroups.groupIdOf(service),
                    securityGroups.rulesOf(service), loadBalancer.flatMap(lb -> lb.targetGroupArnOf(service)),
                    loadBalancer.filter(lb -> lb.targetGroupArnOf(service).isPresent())
                            .map(LoadBalancer::listenersAndRules).orElse(List.of()),
                    QueueAccess.of(service, queues, configs),
                    fileSystems.map(fs -> fs.mountsOf(service)).orElse(List.of()));
            var fargate = new FargateService(name + "-" + service.name(), service, attachments, shared, scope, child);
            outputs.service(service.name(), fargate, registry.repositoryOf(service));
        }

        outputs.put("environmentSuffix", suffix);
        outputs.put("vpcId", network.vpcId());
        outputs.put("publicSubnetIds", network.publicSubnetIds());
        outputs.put("privateSubnetIds", network.privateSubnetIds());
        outputs.put("availabilityZoneIds", network.availabilityZoneIds());
        outputs.put("kmsKeyArn", key.arn());
        outputs.put("clusterName", cluster.name());
        outputs.put("clusterArn", cluster.arn());
        outputs.put("namespaceName", cluster.namespaceNameOutput());
        loadBalancer.ifPresent(lb -> {
            outputs.put("albDnsName", lb.dnsName());
            outputs.put("applicationUrl", modules.dns().map(dns -> Output.of(
                    (certificate.isPresent() ? "https://" : "http://") + dns.recordName())).orElseGet(lb::url));
        });
        database.ifPresent(db -> {
            outputs.put("databaseEndpoint", db.endpoint());
            outputs.put("databasePort", db.port());
            outputs.put("databaseSecretArn", db.secretArn());
        });
        alarms.ifPresent(a -> outputs.put("alarmTopicArn", a.topicArn()));
        registerOutputs(outputs.all());
    }

    /** The stack outputs, by the names {@code pulumi stack output} shows. */
    public Map<String, Output<?>> outputs() {
        return outputs.all();
    }

    private static Output<SecretSources> secretSources(Map<String, ParameterConfig> configs,
                                                       Optional<StackParameters> parameters,
                                                       Optional<Database> database, StackKey key) {
        var arns = parameters.map(StackParameters::arns).orElse(Output.of(Map.of()));
        var secure = configs.values().stream().filter(ParameterConfig::secure).map(ParameterConfig::name)
                .collect(Collectors.toSet());
        var secretArn = database.map(db -> db.secretArn().applyValue(Optional::of))
                .orElse(Output.of(Optional.empty()));
        return Output.tuple(arns, secretArn, key.arn()).applyValue(t -> new SecretSources(t.t1, secure, t.t2, t.t3));
    }

    /** What the alarms watch, by the names the services will have (so the alarms can come first). */
    private static Output<Monitored> monitored(StackConfig config, StackScope scope, EcsCluster cluster,
                                               List<ServiceConfig> configs, Optional<LoadBalancer> loadBalancer,
                                               Optional<Database> database) {
        var entries = new ArrayList<Output<Monitored.Service>>();
        for (var service : configs) {
            var targetGroup = loadBalancer.flatMap(lb -> lb.targetGroupArnSuffixOf(service))
                    .map(suffix -> suffix.applyValue(Optional::of)).orElse(Output.of(Optional.empty()));
            entries.add(Output.tuple(FargateService.serviceNameOf(service, scope), targetGroup).applyValue(t ->
                    new Monitored.Service(service.name(), t.t1, t.t2)));
        }
        var lb = loadBalancer.map(l -> l.arnSuffix().applyValue(Optional::of)).orElse(Output.of(Optional.empty()));
        var db = database.map(d -> d.identifier().applyValue(id -> {
            var settings = config.modules().database().orElseThrow();
            var instances = java.util.stream.IntStream.rangeClosed(1, settings.aurora() ? settings.instances() : 0)
                    .mapToObj(index -> Database.instanceIdentifier(id, index)).toList();
            return Optional.of(new Monitored.Database(id, settings.aurora(), instances));
        })).orElse(Output.of(Optional.empty()));
        return Output.tuple(Output.all(entries), cluster.name(), lb, db, scope.naming()).applyValue(t ->
                new Monitored(config.region(), config.project() + " " + config.environment() + " ("
                        + t.t5.prefix().replaceAll("-$", "") + ")", t.t2, t.t1, t.t3, t.t4));
    }
}
