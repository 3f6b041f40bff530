package com.tapstack.tooling.diff;

/** What {@code pulumi up} would do to one resource, in the order reports list them. */
enum Action {
    REPLACE("replace"), UPDATE("update"), CREATE("create"), DELETE("delete");

    private final String word;

    Action(String word) {
        this.word = word;
    }

    /** The word reports and the JSON use. */
    String word() {
        return word;
    }
}
