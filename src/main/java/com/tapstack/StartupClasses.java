package com.tapstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads, on a second thread, the classes the program needs before its first call to the engine, so that
 * {@code pulumi up} gets there sooner. {@code java -jar target/tap.jar}, which is how the Java language host starts
 * the program, takes no JVM options, so no class-data archive helps it: its start is one thread loading about 1,000
 * classes of the jar (the SDK, gRPC, protobuf) one after another. This thread loads the same classes from the
 * other end of the list ({@value #LIST}, recorded by {@code bench/startup-classes} in the reverse of the order the
 * program loads them) while the program starts from its beginning; each class is loaded once, by whichever thread
 * gets to it first. Loading does not initialize a class, so no static initializer runs earlier or on another thread
 * than it would anyway. A name the jar no longer has (the list is older than a dependency update) is skipped: the
 * list only ever costs or saves time. {@code bench/program-start} measures the effect; {@code -Dtap.startupClasses=false}
 * turns it off (the recorder does, to see the program's own order).
 */
final class StartupClasses {

    static final String LIST = "startup-classes.txt";
    static final String SWITCH = "tap.startupClasses";

    private StartupClasses() {
    }

    /** Starts the loading thread, unless switched off; the program does not wait for it. */
    static void loadInBackground() {
        if ("false".equals(System.getProperty(SWITCH))) {
            return;
        }
        var loader = StartupClasses.class.getClassLoader();
        var thread = new Thread(() -> load(names(StartupClasses.class.getResourceAsStream(LIST)), loader),
                "tap-startup-classes");
        thread.setDaemon(true); // never keeps the program alive
        thread.setPriority(Thread.NORM_PRIORITY - 1); // the program's own threads go first when cores are short
        thread.start();
    }

    /** Loads (without initializing) each named class it can; returns how many it loaded. */
    static int load(List<String> names, ClassLoader loader) {
        int loaded = 0;
        for (var name : names) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError ignored) {
                // Not in this build: the program loads what it needs itself.
            }
        }
        return loaded;
    }

    /** The class names of a list: one per line; blank lines and lines starting with # are left out. */
    static List<String> names(InputStream list) {
        if (list == null) {
            return List.of();
        }
        try (var reader = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
