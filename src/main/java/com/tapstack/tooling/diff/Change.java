package com.tapstack.tooling.diff;

import java.util.List;

/** One resource `pulumi up` would touch: its action, the inputs behind it and the hazards it carries. */
record Change(String urn, String type, Action action, List<PropertyChange> properties, List<Hazard> hazards,
              List<String> notes) {

    Change {
        properties = List.copyOf(properties);
        hazards = List.copyOf(hazards);
        notes = List.copyOf(notes);
    }

    String name() {
        return urn.substring(urn.lastIndexOf("::") + 2);
    }

    /** The changed inputs that force the replacement. */
    List<PropertyChange> replacingProperties() {
        return properties.stream().filter(PropertyChange::replaces).toList();
    }

    Change withHazards(List<Hazard> more) {
        var all = new java.util.ArrayList<>(hazards);
        more.stream().filter(h -> !all.contains(h)).forEach(all::add);
        return new Change(urn, type, action, properties, all, notes);
    }
}
