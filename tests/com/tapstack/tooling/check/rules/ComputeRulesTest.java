package com.tapstack.tooling.check.rules;

import static com.tapstack.support.Checks.dev;
import static com.tapstack.support.Checks.editDev;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import com.tapstack.tooling.check.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One firing case per compute rule (the quiet cases are the reference stacks, ReferenceStacksCheckTest). */
class ComputeRulesTest {

    private static final String TD = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String SERVICE = "aws:ecs/service:Service";

    @Test
    void tap101AnInvalidFargatePair() {
        var findings = dev(editDev().set(TD, Reference.P + "web-task-definition", "memory", "4096"), "TAP101");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.resource().name()).isEqualTo(Reference.P + "web-task-definition");
            assertThat(f.message()).isEqualTo("cpu 256 with memory 4096 is not a Fargate size; use one of the nearest"
                    + " pairs: cpu 256 with memory 2048 or cpu 512 with memory 4096");
        });
        assertThat(dev(editDev().set(TD, Reference.P + "web-task-definition", "memory", "2048"), "TAP101")).isEmpty();
    }

    @Test
    void tap102ContainersReservingMoreThanTheTask() {
        var findings = dev(editDev().container(Reference.P + "api-task-definition", "api", c -> {
            c.put("cpu", 512);
            c.put("memory", 1024);
            return c;
        }), "TAP102");

        assertThat(findings).extracting(f -> f.message()).containsExactly(
                "containers reserve 512 CPU units but the task has 256; lower the containers' cpu or raise the task's",
                "containers reserve 1024 MiB but the task has 512; lower the containers' memory or raise the task's");
    }

    @Test
    void tap103AnImageByTag() {
        var findings = dev(editDev().container(Reference.P + "web-task-definition", "web", c -> {
            c.put("image", "nginx:latest");
            return c;
        }), "TAP103");

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("container web runs nginx:latest, which is not pinned"));
    }

    @Test
    void tap104NoCircuitBreakerOrNoRollback() {
        assertThat(dev(editDev().remove(SERVICE, Reference.P + "web", "deploymentCircuitBreaker"), "TAP104")).hasSize(1);
        assertThat(dev(editDev().set(SERVICE, Reference.P + "api", "deploymentCircuitBreaker.rollback", false), "TAP104"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void tap105APublicIp() {
        assertThat(dev(editDev().set(SERVICE, Reference.P + "worker", "networkConfiguration.assignPublicIp", true), "TAP105"))
                .singleElement().satisfies(f -> assertThat(f.resource().name()).isEqualTo(Reference.P + "worker"));
    }

    @Test
    void tap106ATaskInAPublicSubnet() {
        @SuppressWarnings("unchecked")
        var publicSubnets = (List<String>) com.tapstack.support.Reference.plan("dev").outputs().get("publicSubnetIds");

        var findings = dev(editDev().set(SERVICE, Reference.P + "api", "networkConfiguration.subnets", publicSubnets), "TAP106");

        assertThat(findings).hasSize(2).allSatisfy(f -> assertThat(f.message()).contains("routes to an internet gateway"));
    }

    @Test
    void tap107ASecretInAPlainVariable() {
        var findings = dev(editDev().container(Reference.P + "api-task-definition", "api", c -> {
            c.put("environment", List.of(Map.of("name", "DB_PASSWORD", "value", "hunter2"),
                    Map.of("name", "DB_PASSWORD_SECRET_ARN", "value", "arn:aws:secretsmanager:x"),
                    Map.of("name", "LOG_LEVEL", "value", "info")));
            return c;
        }), "TAP107");

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("container api gets DB_PASSWORD as a plain environment variable"));
    }

    @Test
    void tap108AMalformedValueFrom() {
        var findings = dev(editDev().container(Reference.P + "api-task-definition", "api", c -> {
            c.put("secrets", List.of(
                    Map.of("name", "A", "valueFrom", "arn:aws:secretsmanager:us-east-1:123456789012:secret"),
                    Map.of("name", "B", "valueFrom", "arn:aws:ssm:us-east-1:123456789012:parameter//" + Reference.NAME + "/b"),
                    Map.of("name", "C", "valueFrom", "arn:aws:ssm:us-east-1:123456789012:parameter/" + Reference.NAME + "/c")));
            return c;
        }), "TAP108");

        assertThat(findings).extracting(f -> f.message().substring(0, 8)).containsExactly("secret A", "secret B");
    }

    @Test
    void tap109AContainerWithoutLogs() {
        assertThat(dev(editDev().container(Reference.P + "worker-task-definition", "worker", c -> {
            c.remove("logConfiguration");
            return c;
        }), "TAP109")).hasSize(1);
    }

    @Test
    void tap110AWritableRoot() {
        assertThat(dev(editDev().container(Reference.P + "worker-task-definition", "worker", c -> {
            c.put("readonlyRootFilesystem", false);
            return c;
        }), "TAP110")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void tap111APrivilegedContainer() {
        assertThat(dev(editDev().container(Reference.P + "worker-task-definition", "worker", c -> {
            c.put("privileged", true);
            return c;
        }), "TAP111")).hasSize(1);
    }

    @Test
    void tap112AServiceWithoutNetworkConfiguration() {
        assertThat(dev(editDev().remove(SERVICE, Reference.P + "worker", "networkConfiguration"), "TAP112")).hasSize(1);
    }

    @Test
    void tap113ADiscoveryServiceWithoutARecords() {
        var discovery = "aws:servicediscovery/service:Service";
        assertThat(dev(editDev().set(discovery, Reference.P + "api-discovery", "dnsConfig.dnsRecords",
                List.of(Map.of("type", "CNAME", "ttl", 10))), "TAP113")).hasSize(1);
        assertThat(dev(editDev().set(discovery, Reference.P + "api-discovery", "healthCheckConfig",
                Map.of("type", "HTTP")), "TAP113")).hasSize(1);
    }

    @Test
    void tap114AServiceWithoutAutoscalingOrCooldowns() {
        assertThat(dev(editDev().removeResource("aws:appautoscaling/target:Target", Reference.P + "worker-scaling"), "TAP114"))
                .singleElement().satisfies(f -> assertThat(f.resource().name()).isEqualTo(Reference.P + "worker"));
        assertThat(dev(editDev().remove("aws:appautoscaling/policy:Policy", Reference.P + "worker-scaling-cpu",
                "targetTrackingScalingPolicyConfiguration.scaleInCooldown"), "TAP114")).hasSize(1);
    }

    @Test
    void tap115AServiceThatDoesNotWaitForItsListener() {
        var plan = com.tapstack.support.Reference.plan("dev");
        var web = plan.named(SERVICE, Reference.P + "web");
        var listener = plan.named("aws:lb/listener:Listener", Reference.P + "alb-http").urn();

        assertThat(dev(editDev().dependencies(SERVICE, Reference.P + "web", web.dependencies().stream()
                .filter(d -> !d.equals(listener)).toList()), "TAP115")).hasSize(1);
    }

    @Test
    void tap116AnEc2LaunchType() {
        assertThat(dev(editDev().set(SERVICE, Reference.P + "worker", "launchType", "EC2"), "TAP116")).hasSize(1);
        assertThat(dev(editDev().set(TD, Reference.P + "worker-task-definition", "requiresCompatibilities", List.of("EC2")),
                "TAP116")).hasSize(1);
    }

    @Test
    void tap117AnAutoscaledServiceThatResetsItsCount() {
        assertThat(dev(editDev().ignoreChanges(SERVICE, Reference.P + "api", List.of()), "TAP117")).hasSize(1);
    }
}
