package com.tapstack.tooling.offline;

import static com.tapstack.tooling.offline.ResourceModels.answer;

import java.util.List;
import java.util.Map;

/**
 * The simulator's answers for the optional modules' resources (database, parameters, certificate, DNS, WAF,
 * endpoints, access-log bucket, alarms): ids and computed outputs in the formats AWS returns.
 */
final class ModuleModels {

    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private ModuleModels() {
    }

    static void register(Map<String, ResourceModels.Model> models) {
        models.put("aws:rds/subnetGroup:SubnetGroup", r -> answer(r.physicalName(),
                "arn", r.account().arn("rds", "subgrp:" + r.physicalName()), "vpcId", ""));
        models.put("aws:rds/parameterGroup:ParameterGroup", r -> answer(r.physicalName(),
                "arn", r.account().arn("rds", "pg:" + r.physicalName())));
        models.put("aws:rds/clusterParameterGroup:ClusterParameterGroup", r -> answer(r.physicalName(),
                "arn", r.account().arn("rds", "cluster-pg:" + r.physicalName())));
        models.put("aws:rds/cluster:Cluster", r -> {
            var id = r.string("clusterIdentifier");
            var host = id + ".cluster-" + r.ids().hex("cluster" + r.name(), 12) + "." + r.account().region()
                    + ".rds." + r.account().dnsSuffix();
            return answer(id, "arn", r.account().arn("rds", "cluster:" + id), "endpoint", host,
                    "readerEndpoint", host.replace(".cluster-", ".cluster-ro-"),
                    "port", port(r), "clusterResourceId", "cluster-" + r.ids().text("cr" + r.name(), 26, UPPER_ALNUM),
                    "masterUserSecrets", masterUserSecrets(r, "cluster"));
        });
        models.put("aws:rds/clusterInstance:ClusterInstance", r -> {
            var id = r.string("identifier");
            return answer(id, "arn", r.account().arn("rds", "db:" + id), "endpoint", instanceHost(r, id),
                    "port", 5432, "dbiResourceId", "db-" + r.ids().text("dbi" + r.name(), 26, UPPER_ALNUM),
                    "writer", "0".equals(r.string("promotionTier")));
        });
        models.put("aws:rds/instance:Instance", r -> {
            var id = r.string("identifier");
            // Since pulumi-aws 6 an instance's id is its resource id, not its identifier.
            var resourceId = "db-" + r.ids().text("dbi" + r.name(), 26, UPPER_ALNUM);
            var host = instanceHost(r, id);
            return answer(resourceId, "resourceId", resourceId, "arn", r.account().arn("rds", "db:" + id),
                    "address", host, "endpoint", host + ":" + port(r), "port", port(r),
                    "masterUserSecrets", masterUserSecrets(r, "db"));
        });
        models.put("aws:ssm/parameter:Parameter", r -> {
            var name = r.physicalName();
            return answer(name, "arn", r.account().arn("ssm", "parameter" + (name.startsWith("/") ? "" : "/") + name),
                    "version", 1);
        });
        models.put("aws:acm/certificate:Certificate", r -> {
            var arn = r.account().arn("acm", "certificate/" + r.ids().uuid("cert" + r.name()));
            var domain = r.string("domainName");
            return answer(arn, "arn", arn, "status", "PENDING_VALIDATION", "domainValidationOptions", List.of(Map.of(
                    "domainName", domain,
                    "resourceRecordName", "_" + r.ids().hex("cname" + domain, 32) + "." + domain + ".",
                    "resourceRecordType", "CNAME",
                    "resourceRecordValue", "_" + r.ids().hex("target" + domain, 32) + "."
                            + r.ids().text("acm" + domain, 10, "abcdefghijklmnopqrstuvwxyz") + ".acm-validations.aws.")));
        });
        models.put("aws:acm/certificateValidation:CertificateValidation", r -> answer("2026-01-01 00:00:00 +0000 UTC"));
        models.put("aws:route53/record:Record", r -> {
            var name = r.physicalName().replaceAll("\\.$", "");
            return answer(r.string("zoneId") + "_" + name + "_" + r.string("type"), "fqdn", name);
        });
        models.put("aws:wafv2/webAcl:WebAcl", r -> {
            var id = r.ids().uuid("acl" + r.name());
            return answer(id, "arn", r.account().arn("wafv2", "regional/webacl/" + r.physicalName() + "/" + id),
                    "capacity", 1000, "lockToken", r.ids().uuid("lock" + r.name()));
        });
        models.put("aws:wafv2/webAclAssociation:WebAclAssociation",
                r -> answer(r.string("webAclArn") + "," + r.string("resourceArn")));
        models.put("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
                r -> answer(r.string("resourceArn")));
        models.put("aws:ec2/vpcEndpoint:VpcEndpoint", r -> {
            var id = r.ids().ec2("vpce", r.name());
            var gateway = "Gateway".equals(r.string("vpcEndpointType"));
            return answer(id, "arn", r.account().arn("ec2", "vpc-endpoint/" + id), "state", "available",
                    "ownerId", r.account().accountId(),
                    "prefixListId", gateway ? "pl-" + r.ids().hex("pl" + r.name(), 8) : "",
                    "networkInterfaceIds", gateway ? List.of() : List.of(r.ids().ec2("eni", r.name())));
        });
        models.put("aws:s3/bucketV2:BucketV2", r -> {
            var bucket = r.string("bucket");
            return answer(bucket, "arn", "arn:" + r.account().partition() + ":s3:::" + bucket,
                    "bucketDomainName", bucket + ".s3." + r.account().dnsSuffix(),
                    "bucketRegionalDomainName", bucket + ".s3." + r.account().region() + "."
                            + r.account().dnsSuffix(),
                    "region", r.account().region());
        });
        for (var type : List.of("aws:s3/bucketPolicy:BucketPolicy",
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2")) {
            // The bucket's configuration resources are identified by the bucket they configure.
            models.put(type, r -> answer(r.string("bucket")));
        }
        models.put("aws:sns/topic:Topic", r -> {
            var arn = r.account().arn("sns", r.physicalName());
            return answer(arn, "arn", arn, "owner", r.account().accountId());
        });
        models.put("aws:sns/topicPolicy:TopicPolicy", r -> answer(r.string("arn"), "owner", r.account().accountId()));
        models.put("aws:sns/topicSubscription:TopicSubscription", r -> {
            var arn = r.string("topic") + ":" + r.ids().uuid("sub" + r.name());
            // E-mail subscriptions stay pending until the recipient confirms.
            return answer(arn, "arn", arn, "pendingConfirmation", "email".equals(r.string("protocol")),
                    "ownerId", r.account().accountId());
        });
        models.put("aws:cloudwatch/metricAlarm:MetricAlarm", r -> answer(r.physicalName(),
                "arn", r.account().arn("cloudwatch", "alarm:" + r.physicalName())));
        models.put("aws:sfn/stateMachine:StateMachine", r -> {
            var arn = r.account().arn("states", "stateMachine:" + r.physicalName());
            return answer(arn, "arn", arn, "status", "ACTIVE", "creationDate", "2026-01-01T00:00:00Z");
        });
        models.put("aws:cloudwatch/eventRule:EventRule", r -> answer(r.physicalName(),
                "arn", r.account().arn("events", "rule/" + r.physicalName())));
        models.put("aws:cloudwatch/eventTarget:EventTarget", r -> answer(r.string("rule") + "-" + r.string("targetId")));
        models.put("aws:cloudwatch/dashboard:Dashboard", r -> {
            var name = r.string("dashboardName");
            return answer(name, "dashboardArn", r.account().globalArn("cloudwatch", "dashboard/" + name));
        });
    }

    private static int port(ResourceModels.Request r) {
        var port = r.inputs().get("port");
        return port instanceof Number number ? number.intValue() : 5432;
    }

    private static String instanceHost(ResourceModels.Request r, String identifier) {
        return identifier + "." + r.ids().hex("host" + r.account().accountId(), 12) + "." + r.account().region()
                + ".rds." + r.account().dnsSuffix();
    }

    /** The secret RDS creates for a managed master password: {@code rds!<kind>-<uuid>} plus a random tail. */
    private static List<Map<String, Object>> masterUserSecrets(ResourceModels.Request r, String kind) {
        if (!Boolean.TRUE.equals(r.inputs().get("manageMasterUserPassword"))) {
            return List.of();
        }
        var name = "rds!" + kind + "-" + r.ids().uuid("secret" + r.name());
        var arn = r.account().arn("secretsmanager", "secret:" + name + "-" + r.ids().text("tail" + r.name(), 6, ALNUM));
        var kmsKeyId = r.string("masterUserSecretKmsKeyId");
        return List.of(Map.of("secretArn", arn, "secretStatus", "active",
                "kmsKeyId", kmsKeyId == null ? "alias/aws/secretsmanager" : kmsKeyId));
    }
}
