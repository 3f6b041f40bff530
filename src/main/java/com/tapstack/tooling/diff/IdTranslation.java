package com.tapstack.tooling.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the deployed stack's identifiers into the head plan. The offline planner invents ids and ARNs
 * ({@code vpc-04e8...}); a {@code pulumi stack export} holds the real ones. For each resource the update leaves
 * in place, what the planner invented for its computed outputs (those that are not also inputs: ids, ARNs, DNS
 * names, a generated suffix) is read as what the export recorded, wherever the head's inputs use it. Resources
 * that are created or replaced teach nothing: their outputs are new, and the inputs made from them are marked
 * known-after-apply instead.
 */
final class IdTranslation {

    /** Shorter values (a port, "true") are too likely to occur by chance inside other text. */
    static final int MIN_LENGTH = 4;

    private final Map<String, String> planned = new LinkedHashMap<>();
    /** What names are made of besides their own text: the account, the generated suffix. */
    private final Map<String, String> nameParts = new LinkedHashMap<>();
    /** Every planned value, matched in one pass per string; overlaps go to the longer value. Built when used. */
    private org.ahocorasick.trie.Trie trie;

    /**
     * Learns the ids of a resource present on both sides. The account comes from any ARN pair. A pair whose planned
     * value is made from an input this update changes is not learned: a log group's id is its name, a role's ARN
     * holds its name, and reading the new name as the old one would hide the rename.
     */
    void learn(DeployedResource base, DeployedResource head) {
        var candidates = new java.util.ArrayList<String[]>();
        if (head.id().isPresent() && base.id().isPresent()) {
            candidates.add(new String[] {head.id().get(), base.id().get()});
        }
        head.outputs().forEach((key, value) -> {
            if (!head.inputs().containsKey(key) && value instanceof String plannedValue
                    && base.outputs().get(key) instanceof String deployedValue) {
                candidates.add(new String[] {plannedValue, deployedValue});
            }
        });
        candidates.forEach(pair -> learnAccount(pair[0], pair[1]));
        if (head.type().startsWith("random:")) {
            // A generated suffix is part of every physical name: names are compared with it in place.
            candidates.forEach(pair -> nameParts.put(pair[0], pair[1]));
        }
        var changedInputs = new java.util.ArrayList<String>();
        head.inputs().forEach((key, value) -> {
            if (value instanceof String text && text.length() >= MIN_LENGTH
                    && !withDeployedNameParts(text).equals(base.inputs().get(key))) {
                changedInputs.add(text);
            }
        });
        for (var pair : candidates) {
            if (changedInputs.stream().noneMatch(pair[0]::contains)) {
                put(pair[0], pair[1]);
            }
        }
    }

    /**
     * The planner's account is its own (123456789012 unless the stack names one): an ARN pair tells the real one,
     * which policies built from the caller's identity hold too.
     */
    private void learnAccount(String plannedValue, String deployedValue) {
        var plannedArn = plannedValue.split(":", 6);
        var deployedArn = deployedValue.split(":", 6);
        if (plannedArn.length == 6 && deployedArn.length == 6 && plannedArn[0].equals("arn")
                && deployedArn[0].equals("arn") && plannedArn[4].matches("\\d{12}") && deployedArn[4].matches("\\d{12}")
                && !plannedArn[4].equals(deployedArn[4])) {
            nameParts.put(plannedArn[4], deployedArn[4]);
            put(plannedArn[4], deployedArn[4]);
        }
    }

    private String withDeployedNameParts(String text) {
        var out = text;
        for (var part : nameParts.entrySet()) {
            out = out.replace(part.getKey(), part.getValue());
        }
        return out;
    }

    private void put(String plannedValue, String deployedValue) {
        if (plannedValue.length() >= MIN_LENGTH && !plannedValue.equals(deployedValue)
                && !Values.isUnknown(plannedValue)) {
            planned.put(plannedValue, deployedValue);
            trie = null;
        }
    }

    /** {@code value} with every learned planned identifier replaced by the deployed one. */
    Object apply(Object value) {
        if (planned.isEmpty()) {
            return value;
        }
        return Values.rewrite(value, v -> v instanceof String text ? Optional.of(replaced(text)) : Optional.empty());
    }

    private String replaced(String text) {
        if (trie == null) {
            trie = org.ahocorasick.trie.Trie.builder().ignoreOverlaps().addKeywords(planned.keySet()).build();
        }
        var matches = new ArrayList<>(trie.parseText(text));
        if (matches.isEmpty()) {
            return text;
        }
        matches.sort(Comparator.comparingInt(org.ahocorasick.trie.Emit::getStart));
        var out = new StringBuilder(text.length());
        int at = 0;
        for (var match : matches) {
            if (match.getStart() < at) {
                continue;
            }
            out.append(text, at, match.getStart()).append(planned.get(match.getKeyword()));
            at = match.getEnd() + 1;
        }
        return out.append(text, at, text.length()).toString();
    }
}
