package org.passerelle.backup;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a backup file says about itself in clear, before its encrypted body: which format, which
 * version of Passerelle made it and with which migrations, under which key epoch, when, and the
 * random salt its key is derived with. It holds no key and nothing about any person. Stored as
 * sorted {@code name=value} lines, so that {@code head} shows it.
 *
 * @param schemaVersions the last migration of each module's schema (and of the vault) in the backup
 */
record BackupHeader(
        int formatVersion,
        String appVersion,
        int epoch,
        Instant createdAt,
        byte[] salt,
        Map<String, String> schemaVersions) {

    private static final String SCHEMA = "schema.";

    BackupHeader {
        salt = salt.clone();
        schemaVersions = Map.copyOf(schemaVersions);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    byte[] encode() {
        Map<String, String> lines = new TreeMap<>();
        lines.put("app-version", appVersion);
        lines.put("epoch", Integer.toString(epoch));
        lines.put("created-at", createdAt.toString());
        lines.put("salt", Base64.getEncoder().encodeToString(salt));
        lines.put("cipher", "AES-256-GCM, 1 MiB segments, key HKDF-SHA-256(epoch key, salt)");
        lines.put("compression", "gzip");
        schemaVersions.forEach((schema, version) -> lines.put(SCHEMA + schema, version));
        StringBuilder text = new StringBuilder();
        lines.forEach(
                (name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static BackupHeader decode(int formatVersion, byte[] bytes) {
        Map<String, String> lines = new TreeMap<>();
        Map<String, String> schemas = new TreeMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw BackupException.corrupted("a header line without a value");
            }
            String name = line.substring(0, equals);
            String value = line.substring(equals + 1);
            if (name.startsWith(SCHEMA)) {
                schemas.put(name.substring(SCHEMA.length()), value);
            } else {
                lines.put(name, value);
            }
        }
        try {
            return new BackupHeader(
                    formatVersion,
                    required(lines, "app-version"),
                    Integer.parseInt(required(lines, "epoch")),
                    Instant.parse(required(lines, "created-at")),
                    Base64.getDecoder().decode(required(lines, "salt")),
                    schemas);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw BackupException.corrupted("an unreadable header");
        }
    }

    private static String required(Map<String, String> lines, String name) {
        String value = lines.get(name);
        if (value == null) {
            throw BackupException.corrupted("no " + name + " in the header");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BackupHeader header && java.util.Arrays.equals(encode(), header.encode());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "BackupHeader[format " + formatVersion + ", epoch " + epoch + ", " + createdAt + "]";
    }
}
