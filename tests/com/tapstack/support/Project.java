package com.tapstack.support;

import java.nio.file.Path;

/** This project's own directory (Surefire runs tests there): its Pulumi.yaml, the generated docs, ./tap. */
public final class Project {

    public static final Path DIR = Path.of("").toAbsolutePath();

    private Project() {
    }
}
