package com.tapstack.tooling.diff;

/** Why a change needs a person's eyes before {@code pulumi up}: a short code and a one-line reason. */
record Hazard(Kind kind, String reason) {

    enum Kind {
        /** `pulumi up` would fail: the resource is protected in the base. */
        PROTECTED("protected"),
        /** A replacement or deletion loses data or an identity others hold (a key, a name, an address). */
        DATA_LOSS("data-loss"),
        /** Create-before-delete asks AWS for a name a live resource still has. */
        NAME_COLLISION("name-collision"),
        /** The resource is deleted before its replacement exists. */
        DELETE_FIRST("delete-first"),
        /** An ECS service replacement stops its tasks. */
        SERVICE_DOWNTIME("service-downtime"),
        /** A network replacement takes everything inside it along. */
        NETWORK_CASCADE("network-cascade"),
        /** The provider updates in place and AWS refuses the change on a live resource. */
        FAILS_IN_PLACE("fails-in-place"),
        /** The provider's own replacement: changing it replaces every resource it manages. */
        PROVIDER_REPLACE("provider-replace"),
        /** A type the replacement table does not know: replacement cannot be told. */
        UNKNOWN_TYPE("unknown-type");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
