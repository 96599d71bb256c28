package org.passerelle.sync;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SyncProblems;

/**
 * Where a device's pulls have reached: one position per record type, opaque to the device (a
 * base64url text of {@code type:transaction:change} parts).
 */
record Cursor(Map<String, Position> positions) {

    private static final Pattern PART = Pattern.compile("[a-z-]{1,40}:\\d{1,19}:\\d{1,19}");

    Cursor {
        positions = Map.copyOf(positions);
    }

    static Cursor parse(@Nullable String text) {
        Map<String, Position> positions = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return new Cursor(positions);
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            for (String part : decoded.split(";")) {
                if (!PART.matcher(part).matches()) {
                    throw SyncProblems.cursorInvalid();
                }
                String[] fields = part.split(":");
                positions.put(fields[0], new Position(Long.parseLong(fields[1]), Long.parseLong(fields[2])));
            }
        } catch (IllegalArgumentException e) {
            throw SyncProblems.cursorInvalid();
        }
        return new Cursor(positions);
    }

    Position at(String recordType) {
        return positions.getOrDefault(recordType, Position.START);
    }

    Cursor with(String recordType, Position position) {
        Map<String, Position> moved = new TreeMap<>(positions);
        moved.put(recordType, position);
        return new Cursor(moved);
    }

    String encode() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(positions).forEach((type, position) -> {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(type)
                    .append(':')
                    .append(position.transaction())
                    .append(':')
                    .append(position.change());
        });
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
