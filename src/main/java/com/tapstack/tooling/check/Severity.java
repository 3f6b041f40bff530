package com.tapstack.tooling.check;

/** How bad a finding is. Critical and high findings fail {@code ./tap check} (exit 1). */
public enum Severity {
    /** AWS refuses it at deploy time, or it exposes data or the account. */
    CRITICAL("error", "9.5"),
    /** It deploys, but fails in operation or a security review. */
    HIGH("error", "8.0"),
    /** A best practice or control the stack should meet. */
    MEDIUM("warning", "5.5"),
    /** Hygiene. */
    LOW("note", "3.0");

    private final String sarifLevel;
    private final String securitySeverity;

    Severity(String sarifLevel, String securitySeverity) {
        this.sarifLevel = sarifLevel;
        this.securitySeverity = securitySeverity;
    }

    public boolean blocks() {
        return this == CRITICAL || this == HIGH;
    }

    /** SARIF {@code level}: error, warning or note. */
    public String sarifLevel() {
        return sarifLevel;
    }

    /** GitHub code scanning's {@code security-severity} score (0-10). */
    public String securitySeverity() {
        return securitySeverity;
    }

    public String label() {
        return name().toLowerCase();
    }
}
