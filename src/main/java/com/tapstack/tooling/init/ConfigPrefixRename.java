package com.tapstack.tooling.init;

import com.tapstack.bootstrap.DeployIdentityConfig;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames the project where configuration and its documentation spell it: the config key prefix
 * ({@code tap:services} → {@code ledger:services}), the Cloud Map namespace ({@code api.dev.tap.local} →
 * {@code api.dev.ledger.local}), a check suppression's resource ({@code resource: tap-web} → {@code resource:
 * ledger-web}: the plan's logical names start with the project's) and, in {@code Pulumi.yaml}, {@code name: tap}.
 *
 * <p>A prefix is renamed only where it starts a key: at the start of a line or after a space, a backtick, a
 * quote or {@code (}, and before a lowercase letter ({@code `tap:`} alone, in backticks, too). So {@code ./tap}
 * (the launcher) and {@code "tap: building"} stay, and so do component type tokens such as
 * {@code tap:stack:TapStack}: they are the component library's identity, and renaming them would replace every
 * resource of a deployed stack.
 */
public record ConfigPrefixRename(String from, String to) {

    /** Fenced Java in Markdown mirrors Java sources, whose string literals keep the old prefix. */
    private static final Pattern JAVA_FENCE = Pattern.compile("(?ms)^```java\\n.*?^```$");

    public ConfigPrefixRename {
        if (from.isEmpty() || to.isEmpty()) {
            throw new IllegalArgumentException("a project rename needs both names: " + from + " -> " + to);
        }
    }

    public boolean changes() {
        return !from.equals(to);
    }

    /** Config keys and namespaces in a stack file, a script or any other text. */
    public String inText(String text) {
        if (!changes()) {
            return text;
        }
        // The deploy identity's project (bootstrap/) is named after the stack's: tap-deploy-identity.
        var identity = Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(from + DeployIdentityConfig.PROJECT_ENDING)
                + "(?![A-Za-z0-9-])").matcher(text)
                .replaceAll(Matcher.quoteReplacement(to + DeployIdentityConfig.PROJECT_ENDING));
        var keys = prefix().matcher(identity).replaceAll(Matcher.quoteReplacement(to + ":"));
        var suppressed = suppressedResource().matcher(keys).replaceAll("$1" + Matcher.quoteReplacement(to + "-"));
        return namespace().matcher(suppressed).replaceAll(Matcher.quoteReplacement("." + to + ".local"));
    }

    /** {@code Pulumi.yaml}: its {@code name:} line, then its config block's keys and comments. */
    public String inProjectFile(String text) {
        if (!changes()) {
            return text;
        }
        var named = Pattern.compile("(?m)^name:([ \\t]+)([\"']?)" + Pattern.quote(from) + "\\2([ \\t]*(#.*)?)$")
                .matcher(text).replaceFirst("name:$1$2" + Matcher.quoteReplacement(to) + "$2$3");
        return inText(named);
    }

    /** Markdown: as {@link #inText}, except inside fenced Java blocks. */
    public String inMarkdown(String text) {
        if (!changes()) {
            return text;
        }
        var out = new StringBuilder();
        var fences = JAVA_FENCE.matcher(text);
        int done = 0;
        while (fences.find()) {
            out.append(inText(text.substring(done, fences.start()))).append(fences.group());
            done = fences.end();
        }
        return out.append(inText(text.substring(done))).toString();
    }

    private Pattern prefix() {
        var name = Pattern.quote(from);
        return Pattern.compile("(?m)(?:(?:^|(?<=[ `'\"(]))" + name + ":(?=[a-z])(?![A-Za-z0-9]*:[A-Z])"
                + "|(?<=`)" + name + ":(?=`))");
    }

    /** {@code resource: tap-...} in a {@code checkSuppressions} entry, block or flow style, quoted or not. */
    private Pattern suppressedResource() {
        return Pattern.compile("(\\bresource:[ \\t]*[\"']?)" + Pattern.quote(from) + "-");
    }

    private Pattern namespace() {
        return Pattern.compile("\\." + Pattern.quote(from) + "\\.local(?![A-Za-z0-9-])");
    }
}
