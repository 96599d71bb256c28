package org.passerelle.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The export of the audit log: one JSON object per line, in this order — {@code export} (format and
 * time), {@code checkpoint} (the head checkpoint file's line, when there is one), each retention
 * {@code anchor}, each {@code sealed} entry in chain position order, each {@code unsealed} entry,
 * each {@code removed-before-sealing} id, and {@code end}. An entry carries its fields and its
 * canonical encoding (Base64 of {@link AuditEncoding}, what the audit key signs), so anyone holding
 * the key can check it with any HMAC-SHA-256 tool. The {@code end} line holds the number of lines
 * before it, the SHA-256 of those lines and the head of the chain, signed with the audit key: a
 * file cut short, or any line changed, removed or added, no longer matches it.
 */
final class AuditExportFormat {

    static final String FORMAT = "passerelle-audit-export-v1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditExportFormat() {}

    static ObjectNode entry(SignedEntry entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", entry.id());
        node.put("occurredAt", entry.occurredAt().toString());
        node.put("actorId", text(entry.actorId()));
        node.put("actorName", entry.actorName());
        node.put("action", entry.action());
        node.put("recordType", entry.recordType());
        node.put("recordId", text(entry.recordId()));
        node.put("siteId", text(entry.siteId()));
        node.put("outcome", entry.outcome());
        return node;
    }

    /** Reads an entry back; throws {@link IllegalArgumentException} when a field is missing or malformed. */
    static SignedEntry entry(JsonNode node) {
        return new SignedEntry(
                required(node, "id").asLong(),
                Instant.parse(required(node, "occurredAt").asString()),
                uuid(node.get("actorId")),
                required(node, "actorName").asString(),
                required(node, "action").asString(),
                nullable(node.get("recordType")),
                uuid(node.get("recordId")),
                uuid(node.get("siteId")),
                required(node, "outcome").asString());
    }

    /** What the audit key signs at the end of an export. */
    static byte[] endEncoding(Instant exportedAt, long lines, byte[] digest, long position, byte[] head) {
        return AuditEncoding.of(FORMAT)
                .field("exported_at", exportedAt)
                .field("lines", lines)
                .field("digest", digest)
                .field("position", position)
                .field("head", head)
                .bytes();
    }

    /** A running SHA-256 over the lines of an export, each with its line feed. */
    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    static void add(MessageDigest digest, String line) {
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static @Nullable String text(@Nullable UUID id) {
        return id == null ? null : id.toString();
    }

    private static @Nullable String nullable(@Nullable JsonNode value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    private static @Nullable UUID uuid(@Nullable JsonNode value) {
        String text = nullable(value);
        return text == null ? null : UUID.fromString(text);
    }
}
