package org.passerelle.platform.sync;

import tools.jackson.databind.JsonNode;

/** A field changed on the server and on a device to different values; the server's stays until resolved. */
public record FieldConflict(String field, JsonNode base, JsonNode server, JsonNode device) {}
