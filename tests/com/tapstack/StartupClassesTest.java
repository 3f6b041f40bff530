package com.tapstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupClassesTest {

    /** Set by its static initializer: tells whether loading ran it. */
    static boolean initialized;

    static final class Initializes {
        static {
            initialized = true;
        }
    }

    @Test
    void listsOneClassPerLineWithoutCommentsOrBlankLines() {
        var list = String.join("\n", "# recorded by bench/startup-classes", "", "  java.util.ArrayList  ",
                StartupClasses.class.getName(), "");

        var names = StartupClasses.names(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)));

        assertThat(names).containsExactly("java.util.ArrayList", StartupClasses.class.getName());
    }

    @Test
    void noListMeansNothingToLoad() {
        assertThat(StartupClasses.names(null)).isEmpty();
    }

    @Test
    void loadsWhatItFindsSkipsWhatIsGoneAndRunsNoStaticInitializer() {
        var names = List.of(Initializes.class.getName(), "io.example.GoneInANewerRelease", "java.util.ArrayList");

        int loaded = StartupClasses.load(names, getClass().getClassLoader());

        assertThat(loaded).isEqualTo(2);
        assertThat(initialized).as("loading must not initialize: static initializers run where they would anyway")
                .isFalse();
    }

    @Test
    void theShippedListNamesClassesThisBuildHas() {
        var names = StartupClasses.names(StartupClasses.class.getResourceAsStream(StartupClasses.LIST));

        int loaded = StartupClasses.load(names, getClass().getClassLoader());

        // A dependency update may rename a few; when many are gone, record the list again (bench/startup-classes).
        assertThat(names).hasSizeGreaterThan(900);
        assertThat(loaded).as("classes of the list this build has (rerun bench/startup-classes when this fails)")
                .isGreaterThanOrEqualTo(names.size() * 95 / 100);
        assertThat(names).as("the gRPC transport the SDK connects with (OkHttp: pom.xml)")
                .anyMatch(name -> name.startsWith("io.grpc.okhttp."))
                .noneMatch(name -> name.startsWith("io.grpc.netty."));
    }
}
