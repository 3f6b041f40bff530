package com.tapstack.tooling.init;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package rule on small strings. The packages are examples, not this project's: a generated project renames
 * this project's package in its own copy of these tests too, which would turn a rename into a no-op.
 */
class JavaPackageRenameTest {

    private static final JavaPackageRename SHOP_TO_LEDGER = new JavaPackageRename("com.example.shop",
            "org.acme.ledger");

    @Test
    void movesThePackageDeclarationImportsAndQualifiedNames() {
        var source = """
                package com.example.shop.tooling.cli;

                import com.example.shop.config.ConfigException;
                import static com.example.shop.naming.Names.child;

                /** Runs {@link com.example.shop.App#define}. */
                class X {
                    String main = "com.example.shop.tooling.cli.TapCli";
                }
                """;

        assertThat(SHOP_TO_LEDGER.apply(source)).isEqualTo("""
                package org.acme.ledger.tooling.cli;

                import org.acme.ledger.config.ConfigException;
                import static org.acme.ledger.naming.Names.child;

                /** Runs {@link org.acme.ledger.App#define}. */
                class X {
                    String main = "org.acme.ledger.tooling.cli.TapCli";
                }
                """);
    }

    @Test
    void leavesLongerNamesThatOnlyStartOrEndLikeThePackageAlone() {
        var text = "com.example.shopping.X xcom.example.shop.Y com.example.shop_2 com.example.shop$1 net.com.example.shop";

        assertThat(SHOP_TO_LEDGER.apply(text)).isEqualTo(text);
    }

    @Test
    void movesTheSlashedFormInPathsAndResourceNamesButNotAHostsPath() {
        var text = "src/main/java/com/example/shop/App.java, getResourceAsStream(\"/com/example/shop/waf/x.yaml\"),"
                + " tests/com/example/shop/ and com/example/shopping/ and https://github.example.com/example/shop";

        assertThat(SHOP_TO_LEDGER.apply(text)).isEqualTo("src/main/java/org/acme/ledger/App.java,"
                + " getResourceAsStream(\"/org/acme/ledger/waf/x.yaml\"), tests/org/acme/ledger/ and"
                + " com/example/shopping/ and https://github.example.com/example/shop");
    }

    @Test
    void movesAPackageIntoASubpackageOfItselfOnce() {
        var rename = new JavaPackageRename("com.example.shop", "com.example.shop.app");

        assertThat(rename.apply("import com.example.shop.X; // com/example/shop/X.java"))
                .isEqualTo("import com.example.shop.app.X; // com/example/shop/app/X.java");
    }

    @Test
    void aOneSegmentPackageIsRenamedOnlyWhereItIsClearlyThePackage() {
        var rename = new JavaPackageRename("ledger", "org.acme.ledger");

        assertThat(rename.apply("package ledger;\nimport ledger.config.X;\nname: ledger\n# the ledger project\n"
                + "src/main/java/ledger/App.java"))
                .isEqualTo("package org.acme.ledger;\nimport org.acme.ledger.config.X;\nname: ledger\n"
                        + "# the ledger project\nsrc/main/java/org/acme/ledger/App.java");
    }

    @Test
    void relocatesFilesUnderEachSourceRootOnly() {
        var roots = List.of("src/main/java", "src/main/resources", "tests");

        assertThat(SHOP_TO_LEDGER.relocate("src/main/java/com/example/shop/stack/TapStack.java", roots))
                .isEqualTo("src/main/java/org/acme/ledger/stack/TapStack.java");
        assertThat(SHOP_TO_LEDGER.relocate("src/main/resources/com/example/shop/iam/ref.json.gz", roots))
                .isEqualTo("src/main/resources/org/acme/ledger/iam/ref.json.gz");
        assertThat(SHOP_TO_LEDGER.relocate("tests/com/example/shop/AppTest.java", roots))
                .isEqualTo("tests/org/acme/ledger/AppTest.java");
        assertThat(SHOP_TO_LEDGER.relocate("tests/fixtures/shop/Pulumi.yaml", roots))
                .isEqualTo("tests/fixtures/shop/Pulumi.yaml");
        assertThat(SHOP_TO_LEDGER.relocate("docs/com/example/shop/notes.md", roots))
                .isEqualTo("docs/com/example/shop/notes.md");
    }

    @Test
    void theSamePackageChangesNothing() {
        var kept = new JavaPackageRename("com.example.shop", "com.example.shop");

        assertThat(kept.changes()).isFalse();
        assertThat(kept.apply("package com.example.shop;")).isEqualTo("package com.example.shop;");
        assertThat(kept.relocate("src/main/java/com/example/shop/App.java", List.of("src/main/java")))
                .isEqualTo("src/main/java/com/example/shop/App.java");
    }

    @Test
    void thePackageOfAClassName() {
        assertThat(JavaPackageRename.packageOf("com.example.shop.App")).contains("com.example.shop");
        assertThat(JavaPackageRename.packageOf("App")).isEmpty();
    }
}
