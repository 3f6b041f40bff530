package com.tapstack.tooling.cli;

import static com.tapstack.support.TapRun.tap;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `./tap plan` on the deploy identity's project (bootstrap/): planned offline like the stack. */
class DeployIdentityCliTest {



    @Test
    void theShippedBootstrapPlans() {
        var run = tap("plan", "identity", "--project-dir", Project.DIR.resolve("bootstrap").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("23 resources to create").contains("aws:iam/role:Role                                      2")
                .contains("deployRoleArn-prod").doesNotContain("previewRoleArn");
    }

    @Test
    void aBadValueIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Pulumi.yaml"), "name: shop-deploy-identity\nruntime: java\n");
        Files.writeString(dir.resolve("Pulumi.identity.yaml"), "config:\n  aws:region: us-east-1\n"
                + "  shop-deploy-identity:repository: acme\n");
        var run = tap("plan", "identity", "--project-dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: Pulumi.identity.yaml: shop-deploy-identity:repository: ")
                .contains("is not owner/name").hasLineCount(1);
    }
}
