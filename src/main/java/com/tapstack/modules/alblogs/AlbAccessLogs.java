package com.tapstack.modules.alblogs;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tapstack.aws.AwsAccount;
import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;
import com.tapstack.ingress.AccessLogsTarget;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;
import java.util.Map;

/**
 * The bucket the load balancer writes access logs to: SSE-S3 (the only encryption ALB log delivery supports),
 * public access blocked, objects owned by the bucket owner, a policy that refuses plain HTTP and lets only the
 * region's load balancer log delivery write under {@value #PREFIX}/AWSLogs/<account>/, and expiry after N days.
 */
public final class AlbAccessLogs extends ComponentResource {

    public static final String TYPE = "tap:albLogs:AlbAccessLogs";
    public static final String PREFIX = "alb";
    /**
     * The account Elastic Load Balancing writes logs from, in regions opened before August 2022; newer regions
     * use the log delivery service principal instead (ELB user guide, enable-access-logging).
     */
    static final Map<String, String> ELB_ACCOUNTS = Map.ofEntries(
            Map.entry("us-east-1", "127311923021"), Map.entry("us-east-2", "033677994240"),
            Map.entry("us-west-1", "027434742980"), Map.entry("us-west-2", "797873946194"),
            Map.entry("ca-central-1", "985666609251"), Map.entry("eu-central-1", "054676820928"),
            Map.entry("eu-west-1", "156460612806"), Map.entry("eu-west-2", "652711504416"),
            Map.entry("eu-west-3", "009996457667"), Map.entry("eu-north-1", "897822967062"),
            Map.entry("ap-northeast-1", "582318560864"), Map.entry("ap-northeast-2", "600734575887"),
            Map.entry("ap-southeast-1", "114774131450"), Map.entry("ap-southeast-2", "783225319266"),
            Map.entry("ap-south-1", "718504428378"), Map.entry("sa-east-1", "507241528517"),
            Map.entry("af-south-1", "098369216593"), Map.entry("ap-east-1", "754344448648"),
            Map.entry("ap-northeast-3", "383597477331"), Map.entry("ap-southeast-3", "589379963580"),
            Map.entry("eu-south-1", "635631232127"), Map.entry("me-south-1", "076674570225"),
            Map.entry("us-gov-west-1", "048591011584"), Map.entry("us-gov-east-1", "190560391635"),
            Map.entry("cn-north-1", "638102146993"), Map.entry("cn-northwest-1", "037604701340"));

    private final Output<String> bucket;
    private final Resource policy;

    public AlbAccessLogs(String name, int expirationDays, StackScope scope, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var protect = scope.protect();
        // Bucket names are global across all accounts: the account id keeps two organisations apart.
        var bucketName = Output.tuple(scope.name("alb-logs", NameLimit.S3_BUCKET), scope.account())
                .applyValue(t -> t.t1 + "-" + t.t2.accountId());
        var bucket = new BucketV2(name, BucketV2Args.builder()
                .bucket(bucketName)
                .forceDestroy(!protect)
                .tags(scope.commonTags())
                .build(), CustomResourceOptions.builder().parent(this).protect(protect).build());
        new BucketServerSideEncryptionConfigurationV2(name + "-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(
                                        BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                                .builder().sseAlgorithm("AES256").build())
                                .build())
                        .build(), child);
        var publicAccess = new BucketPublicAccessBlock(name + "-public-access", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)
                .build(), child);
        new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), child);
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-access-logs")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                                .days(expirationDays).build())
                        .abortIncompleteMultipartUpload(
                                BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                        .daysAfterInitiation(7).build())
                        .build())
                .build(), child);
        this.policy = new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(Output.tuple(bucket.arn(), scope.account()).applyValue(t -> policy(t.t1, t.t2).toJson()))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(publicAccess).build());
        this.bucket = bucket.bucket();
        registerOutputs(Map.of("bucket", this.bucket));
    }

    /** Log delivery may write its prefix; nobody may use the bucket without TLS. */
    public static PolicyDocument policy(String bucketArn, AwsAccount account) {
        var delivery = Statement.allow("AllowLoadBalancerLogDelivery").actions("s3:PutObject")
                .resources(bucketArn + "/" + PREFIX + "/AWSLogs/" + account.accountId() + "/*");
        var elbAccount = ELB_ACCOUNTS.get(account.region());
        if (elbAccount != null) {
            delivery.principal("AWS", "arn:" + account.partition() + ":iam::" + elbAccount + ":root");
        } else {
            delivery.principal("Service", "logdelivery.elasticloadbalancing.amazonaws.com");
        }
        return PolicyDocument.of(delivery.build(), Statement.deny("DenyInsecureTransport")
                .principal("AWS", "*")
                .actions("s3:*")
                .resources(bucketArn, bucketArn + "/*")
                .condition("Bool", "aws:SecureTransport", "false")
                .build());
    }

    public Output<String> bucket() {
        return bucket;
    }

    /** The load balancer must wait for the policy, or AWS refuses to turn logging on. */
    /** Where the load balancer writes its logs. */
    public AccessLogsTarget target() {
        return new AccessLogsTarget(bucket(), PREFIX, policyResource());
    }

    public Resource policyResource() {
        return policy;
    }
}
