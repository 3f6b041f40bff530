package com.tapstack.tooling.offline;

/**
 * The URN the Pulumi engine gives a registered resource: {@code urn:pulumi:<stack>::<project>::<qualified
 * type>::<name>}, where the qualified type is the parent's qualified type, {@code $}, and the resource's type, except
 * under the root stack: the engine leaves {@code pulumi:pulumi:Stack} out of its children's URNs (pulumi/pulumi,
 * pkg/resource/deploy/deployment.go, {@code generateURN}: "Skip empty parents and don't use the root stack type").
 * The Java SDK's
 * {@code Urn.create}, which offline plans used before, keeps it, so every resource of a plan had a URN that no
 * {@code pulumi stack export} holds.
 */
public final class EngineUrn {

    private EngineUrn() {
    }

    /** The URN of resource {@code name} of {@code type} under {@code parentUrn} (empty: no parent). */
    public static String of(String stack, String project, String parentUrn, String type, String name) {
        var parentType = parentUrn.isEmpty() ? "" : qualifiedType(parentUrn);
        var qualified = parentType.isEmpty() || parentType.equals(Plan.STACK_TYPE) ? type : parentType + "$" + type;
        return "urn:pulumi:" + stack + "::" + project + "::" + qualified + "::" + name;
    }

    /**
     * A URN as the engine writes it, from one that may carry the root stack's type in front of its own (a plan file
     * of an earlier TapStack, a base branch's plan made by earlier code): those are the same resource.
     */
    public static String withoutRootStackType(String urn) {
        // Only in the type part: a name (after the third ::) may hold any text, :: and $ included.
        var parts = urn.split("::", 4);
        var prefix = Plan.STACK_TYPE + "$";
        if (parts.length < 4 || !parts[2].startsWith(prefix)) {
            return urn;
        }
        return parts[0] + "::" + parts[1] + "::" + parts[2].substring(prefix.length()) + "::" + parts[3];
    }

    /**
     * A URN as offline plans wrote it before they followed the engine: the root stack's type in front of every
     * type but its own. Only for identifiers that must stay what earlier TapStacks reported (code scanning's
     * fingerprints), never to name a resource.
     */
    public static String withRootStackType(String urn) {
        var parts = urn.split("::", 4);
        if (parts.length < 4 || parts[2].equals(Plan.STACK_TYPE) || parts[2].startsWith(Plan.STACK_TYPE + "$")) {
            return urn;
        }
        return parts[0] + "::" + parts[1] + "::" + Plan.STACK_TYPE + "$" + parts[2] + "::" + parts[3];
    }

    /** The third {@code ::}-separated part: {@code urn:pulumi:<stack>::<project>::<qualified type>::<name>}. */
    private static String qualifiedType(String urn) {
        var parts = urn.split("::", 4);
        return parts.length == 4 ? parts[2] : "";
    }
}
