package com.tapstack.tooling.offline;

import com.pulumi.test.Mocks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's mock engine, answering like AWS for one account and region: resource ids and ARNs in AWS's formats
 * ({@link ResourceModels}) and the lookups the program makes (caller identity, partition, region, availability
 * zones). A lookup it has no answer for fails loudly instead of returning something empty.
 */
public final class AwsSimulator implements Mocks {

    private final SimulatedAccount account;
    private final FakeIds ids;
    private final ExistingVpcAnswers existingVpc;

    public AwsSimulator(SimulatedAccount account, String stackName) {
        this.account = account;
        this.ids = new FakeIds(account.accountId() + "/" + account.region() + "/" + stackName);
        this.existingVpc = new ExistingVpcAnswers(account, ids);
    }

    public SimulatedAccount account() {
        return account;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        var inputs = args.inputs == null ? Map.<String, Object>of() : args.inputs;
        var answer = ResourceModels.answer(new ResourceModels.Request(account, ids, args.type, args.name, inputs));
        var state = new HashMap<String, Object>(inputs);
        state.putAll(answer.outputs());
        if (inputs.containsKey("tags")) {
            state.put("tagsAll", inputs.get("tags"));
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(answer.id()), state));
    }

    /**
     * A tag lookup answers a stable digest per repository and tag: the image CI would have pushed. A digest
     * lookup answers that digest, tagged the way CI tags each build.
     */
    private Map<String, Object> ecrImage(CallArgs args) {
        var repository = String.valueOf(args.args.get("repositoryName"));
        var byDigest = args.args.get("imageDigest");
        var digest = byDigest != null ? String.valueOf(byDigest)
                : "sha256:" + ids.hex("image/" + repository + ":" + args.args.get("imageTag"), 64);
        var tag = byDigest != null ? "build-" + digest.substring("sha256:".length(), "sha256:".length() + 12)
                : String.valueOf(args.args.get("imageTag"));
        return Map.of("id", digest, "imageDigest", digest, "imageTag", tag, "imageTags", List.of(tag),
                "repositoryName", repository, "registryId", account.accountId(),
                "imageUri", account.accountId() + ".dkr.ecr." + account.region() + "." + account.dnsSuffix() + "/"
                        + repository + "@" + digest,
                "imagePushedAt", 1_767_225_600, "imageSizeInBytes", 52_428_800);
    }

    /**
     * A secret looked up by name (a pull through cache's credential): its ARN ends in the name, a hyphen and the six
     * characters Secrets Manager appends, stable per name.
     */
    private Map<String, Object> secret(CallArgs args) {
        var name = String.valueOf(args.args.get("name"));
        var arn = account.arn("secretsmanager", "secret:" + name + "-" + ids.text("secret/" + name, 6,
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"));
        return Map.of("id", arn, "arn", arn, "name", name, "description", "", "kmsKeyId", "", "policy", "",
                "tags", Map.of());
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if (ExistingVpcAnswers.ENDPOINT_LOOKUP.equals(args.token)) {
            return CompletableFuture.failedFuture(ExistingVpcAnswers.noEndpoint());
        }
        var answer = switch (String.valueOf(args.token)) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.<String, Object>of(
                    "id", account.accountId(),
                    "accountId", account.accountId(),
                    "arn", account.globalArn("sts", "assumed-role/tap-offline-planner/offline"),
                    "userId", "AROA" + ids.text("caller", 17, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") + ":offline");
            case "aws:index/getPartition:getPartition" -> Map.<String, Object>of(
                    "id", account.partition(),
                    "partition", account.partition(),
                    "dnsSuffix", account.dnsSuffix(),
                    "reverseDnsPrefix", "com.amazonaws");
            case "aws:index/getRegion:getRegion" -> Map.<String, Object>of(
                    "id", account.region(),
                    "name", account.region(),
                    "endpoint", "ec2." + account.region() + "." + account.dnsSuffix(),
                    "description", account.region());
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> Map.<String, Object>of(
                    "id", account.region(),
                    "names", account.zoneNames(),
                    "zoneIds", account.zoneIds(),
                    "groupNames", List.of(account.region()),
                    "state", "available");
            case "aws:ecr/getImage:getImage" -> ecrImage(args);
            case "aws:rds/getEngineVersion:getEngineVersion" -> EngineVersions.answer(args.args);
            case "aws:secretsmanager/getSecret:getSecret" -> secret(args);
            default -> existingVpc.answer(String.valueOf(args.token), args.args == null ? Map.of() : args.args)
                    .orElse(null);
        };
        if (answer == null) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException(
                    "the offline AWS simulator has no answer for the lookup " + args.token));
        }
        return CompletableFuture.completedFuture(answer);
    }
}
