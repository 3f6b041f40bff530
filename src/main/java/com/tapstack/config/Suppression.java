package com.tapstack.config;

/**
 * A check finding accepted on purpose: rule {@code rule} does not apply to {@code resource} (a logical name
 * such as {@code tap-web-task-definition}, or a URN), for the stated {@code reason}. Reports list every one.
 */
public record Suppression(String rule, String resource, String reason) {
}
