package org.passerelle.platform.sync;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * A field changed on a device: the value it had there before ({@code base}; JSON null for none,
 * and for a field of a record created on the device) and the value the user gave it.
 */
public record FieldChange(JsonNode base, JsonNode value) {

    /** The value of a field of a new record. */
    public static FieldChange created(JsonNode value) {
        return new FieldChange(NullNode.getInstance(), value);
    }
}
