package com.tapstack.tooling.check.rules;

import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import java.util.List;
import java.util.Map;

/** ECR repositories (TAP2xx). */
public final class RegistryRules {

    static final String REPOSITORY = "aws:ecr/repository:Repository";

    private RegistryRules() {
    }

    public static List<Rule> rules() {
        return List.of(SCAN_ON_PUSH, IMMUTABLE_TAGS, LIFECYCLE);
    }

    static final Rule SCAN_ON_PUSH = Rule.of("TAP201", Severity.MEDIUM, "Images are scanned on push",
            "Without a scan nobody learns that an image ships a known vulnerability (Security Hub ECR.1).",
            (context, findings) -> context.all(REPOSITORY).forEach(repository -> {
                if (!(repository.input("imageScanningConfiguration") instanceof Map<?, ?> scan)
                        || !Boolean.TRUE.equals(scan.get("scanOnPush"))) {
                    findings.report(repository, "scanOnPush is off; set imageScanningConfiguration.scanOnPush");
                }
            }));

    static final Rule IMMUTABLE_TAGS = Rule.of("TAP202", Severity.MEDIUM, "Image tags are immutable",
            "A mutable tag can be pushed over, so the same tag can mean two images (Security Hub ECR.2).",
            (context, findings) -> context.all(REPOSITORY).forEach(repository -> {
                if (!"IMMUTABLE".equals(repository.input("imageTagMutability"))) {
                    findings.report(repository, "imageTagMutability is " + repository.input("imageTagMutability")
                            + "; set IMMUTABLE and push a new tag per build");
                }
            }));

    static final Rule LIFECYCLE = Rule.of("TAP203", Severity.MEDIUM, "Repositories have a lifecycle policy",
            "Without one, images accumulate forever and so does their storage cost (Security Hub ECR.3).",
            (context, findings) -> {
                var governed = context.all("aws:ecr/lifecyclePolicy:LifecyclePolicy").stream()
                        .map(policy -> policy.inputString("repository")).toList();
                context.all(REPOSITORY).forEach(repository -> {
                    if (!governed.contains(repository.inputString("name"))
                            && !governed.contains(repository.id().orElse(""))) {
                        findings.report(repository, "no lifecycle policy expires its images; add one that keeps the"
                                + " newest images and expires untagged ones");
                    }
                });
            });
}
