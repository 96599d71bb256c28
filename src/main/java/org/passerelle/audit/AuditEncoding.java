package org.passerelle.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The canonical, unambiguous byte form of what the audit key signs: a type tag, then each field as
 * its name and its value, each length-prefixed (a null value has length -1). No two different
 * records encode alike, whatever characters their fields hold and whichever fields are null, so a
 * value cannot be moved into a neighbouring field.
 */
final class AuditEncoding {

    static final String ENTRY = "passerelle-audit-entry-v1";
    static final String SEAL = "passerelle-audit-seal-v1";
    static final String ANCHOR = "passerelle-audit-anchor-v1";
    static final String CHECKPOINT = "passerelle-audit-checkpoint-v1";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private final DataOutputStream out = new DataOutputStream(bytes);

    private AuditEncoding(String type) {
        raw(type.getBytes(StandardCharsets.UTF_8));
    }

    static AuditEncoding of(String type) {
        return new AuditEncoding(type);
    }

    /** Adds a field; numbers and ids as their decimal or canonical text, instants as microseconds since the epoch. */
    AuditEncoding field(String name, @Nullable Object value) {
        raw(name.getBytes(StandardCharsets.UTF_8));
        if (value == null) {
            length(-1);
        } else if (value instanceof byte[] data) {
            raw(data);
        } else if (value instanceof Instant instant) {
            raw(Long.toString(micros(instant)).getBytes(StandardCharsets.UTF_8));
        } else {
            raw(value.toString().getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    private void raw(byte[] data) {
        length(data.length);
        bytes.writeBytes(data);
    }

    private void length(int length) {
        try {
            out.writeInt(length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
