package com.tapstack.tooling.diff;

/**
 * One input that differs between base and head: its path, the two values (null where absent; masked where
 * secret), and whether the provider must replace the resource for it.
 */
record PropertyChange(PropertyPath path, Object before, Object after, boolean secret, boolean replaces) {

    enum Kind { ADDED, REMOVED, CHANGED }

    Kind kind() {
        if (Values.isEmpty(before)) {
            return Kind.ADDED;
        }
        return Values.isEmpty(after) && !Values.isUnknown(after) && after != PropertyDiffer.AFTER_APPLY
                ? Kind.REMOVED : Kind.CHANGED;
    }

    PropertyChange replacing() {
        return new PropertyChange(path, before, after, secret, true);
    }

    String shownBefore() {
        return secret && before != null ? Values.SECRET_SHOWN : Values.show(before);
    }

    String shownAfter() {
        if (after == PropertyDiffer.AFTER_APPLY) {
            return Values.KNOWN_AFTER_APPLY;
        }
        return secret && after != null ? Values.SECRET_SHOWN : Values.show(after);
    }
}
