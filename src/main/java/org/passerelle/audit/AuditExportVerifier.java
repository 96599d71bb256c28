package org.passerelle.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.passerelle.audit.AuditChain.Kind;
import org.passerelle.audit.AuditChain.Verification;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./passerelle verify-audit-export FILE}: checks an export of the audit log with the audit
 * key alone — no database, no server — through the same {@link ChainWalk} as the server's own
 * verification, then checks the export's signed end. Prints whether the log is intact or where it
 * first breaks and which entry, and exits with 0 (intact), 3 (broken) or 2 (cannot check).
 */
public final class AuditExportVerifier {

    static final int BROKEN = 3;
    static final int UNUSABLE = 2;
    private static final Duration SEALING_BOUND = Duration.ofMinutes(10);

    private final AuditKey key;
    private final MessageDigest digest = AuditExportFormat.digest();
    private final HexFormat hex = HexFormat.of();
    private @Nullable ChainWalk walk;
    private @Nullable String checkpointLine;
    private Instant exportedAt = Instant.EPOCH;
    private String section = "export";
    private long lines;
    private boolean chainEnded;
    private boolean ended;

    private AuditExportVerifier(AuditKey key) {
        this.key = key;
    }

    /** Verifies an export read from {@code reader} with {@code key}. */
    static Verification verify(BufferedReader reader, AuditKey key) throws IOException {
        AuditExportVerifier verifier = new AuditExportVerifier(key);
        String line;
        while ((line = reader.readLine()) != null) {
            verifier.read(line);
        }
        return verifier.finish();
    }

    private void read(String line) {
        lines++;
        JsonNode node;
        String type;
        try {
            node = AuditExportFormat.JSON.readTree(line);
            type = AuditExportFormat.required(node, "type").asString();
        } catch (JacksonException | IllegalArgumentException unreadable) {
            unreadable(null, "line " + lines + " is not a line of an audit export");
            return;
        }
        if (ended) {
            walk().add(Kind.INSERTED, null, null, "line " + lines + " was added after the export's signed end");
            return;
        }
        if (lines == 1) {
            try {
                header(node, type);
            } catch (IllegalArgumentException | DateTimeException unreadable) {
                throw new IllegalArgumentException(
                        "not an export of the audit log in " + AuditExportFormat.FORMAT, unreadable);
            }
        } else if (type.equals("end")) {
            end(node);
            return;
        } else {
            try {
                body(node, type);
            } catch (IllegalArgumentException | DateTimeException malformed) {
                unreadable(node, "line " + lines + " (" + type + ") cannot be read: " + malformed.getMessage());
            }
        }
        AuditExportFormat.add(digest, line);
    }

    private void header(JsonNode node, String type) {
        if (!type.equals("export")
                || !AuditExportFormat.FORMAT.equals(node.path("format").asString(""))) {
            throw new IllegalArgumentException("not an export of the audit log in " + AuditExportFormat.FORMAT);
        }
        exportedAt =
                Instant.parse(AuditExportFormat.required(node, "exportedAt").asString());
    }

    private void body(JsonNode node, String type) {
        order(type);
        switch (type) {
            case "checkpoint" ->
                checkpointLine = AuditExportFormat.required(node, "line").asString();
            case "anchor" ->
                walk().anchor(
                                position(node),
                                bytes(node, "chain"),
                                hex.parseHex(
                                        AuditExportFormat.required(node, "mac").asString()));
            case "sealed" -> sealed(node);
            case "unsealed" -> {
                SignedEntry entry = signed(node, null);
                String mac = node.path("mac").asString(null);
                walk().unsealed(
                                entry,
                                mac == null ? null : hex.parseHex(mac),
                                node.path("legacy").asBoolean(false),
                                () -> new LegacyChain.Result(
                                        false,
                                        null,
                                        "written before the audit key and never sealed; check it on the server"));
            }
            case "removed-before-sealing" -> walk().removedBeforeSealing(eventId(node));
            default -> throw new IllegalArgumentException("unknown kind of line");
        }
    }

    private static final List<String> SECTIONS =
            List.of("export", "checkpoint", "anchor", "sealed", "unsealed", "removed-before-sealing");

    /** Lines come in the order of {@link #SECTIONS}; the chain ends when the first line after the seals comes. */
    private void order(String type) {
        int now = SECTIONS.indexOf(type);
        if (now < 0 || now < SECTIONS.indexOf(section)) {
            throw new IllegalArgumentException("out of order after the " + section + " lines");
        }
        if (now > SECTIONS.indexOf("sealed")) {
            endOfChain();
        }
        section = type;
    }

    private void endOfChain() {
        if (!chainEnded) {
            chainEnded = true;
            walk().endOfChain();
        }
    }

    private void sealed(JsonNode node) {
        long position = position(node);
        long eventId = eventId(node);
        SignedEntry entry = node.has("entry") ? signed(node, position) : null;
        walk().seal(position, eventId, bytes(node, "chain"), entry);
    }

    /** The entry of a line; its fields must encode to the encoding the line carries, which the key signed. */
    private SignedEntry signed(JsonNode node, @Nullable Long position) {
        SignedEntry entry = AuditExportFormat.entry(AuditExportFormat.required(node, "entry"));
        byte[] encoding = Base64.getDecoder()
                .decode(AuditExportFormat.required(node, "encoding").asString());
        if (!Arrays.equals(encoding, entry.encode())) {
            walk().add(
                            Kind.CHANGED,
                            position,
                            entry.id(),
                            "the fields of entry " + entry.id() + " differ from its signed encoding");
        }
        return entry;
    }

    private void end(JsonNode node) {
        ended = true;
        endOfChain();
        ChainWalk chain = walk();
        try {
            long signedLines = AuditExportFormat.required(node, "lines").asLong();
            byte[] signedDigest = bytes(node, "digest");
            long position = position(node);
            byte[] head = bytes(node, "head");
            byte[] mac = bytes(node, "mac");
            if (!key.verifies(
                    AuditExportFormat.endEncoding(exportedAt, signedLines, signedDigest, position, head), mac)) {
                chain.add(Kind.CHECKPOINT, null, null, "the end of the export is not signed by the audit key");
            } else if (chain.expected() - 1 < position) {
                chain.add(
                        Kind.REMOVED,
                        chain.expected(),
                        null,
                        "entries removed from the end of the export: it was signed up to position " + position
                                + ", the chain ends at " + (chain.expected() - 1));
            } else if (signedLines != lines - 1 || !MessageDigest.isEqual(signedDigest, digest.digest())) {
                chain.add(
                        Kind.CHANGED,
                        null,
                        null,
                        "lines of the export were changed, removed or added: " + signedLines + " lines signed, "
                                + (lines - 1) + " read");
            } else if (chain.expected() - 1 != position || !MessageDigest.isEqual(head, chain.head())) {
                chain.add(Kind.CHANGED, position, null, "the chain does not end at the signed head");
            }
        } catch (IllegalArgumentException | DateTimeException malformed) {
            chain.add(Kind.CHECKPOINT, null, null, "the end of the export cannot be read: " + malformed.getMessage());
        }
    }

    private Verification finish() {
        if (lines == 0) {
            throw new IllegalArgumentException("the file is empty: not an export of the audit log");
        }
        if (!ended) {
            endOfChain();
            walk().add(
                            Kind.REMOVED,
                            walk().expected(),
                            null,
                            "the export stops at line " + lines + ", before its signed end: its tail was cut off");
        }
        return walk().finish();
    }

    private void unreadable(@Nullable JsonNode node, String detail) {
        if (lines == 1) {
            throw new IllegalArgumentException("not an export of the audit log in " + AuditExportFormat.FORMAT);
        }
        Long entryId = node == null || !node.path("entry").has("id")
                ? null
                : node.path("entry").path("id").asLong();
        walk().add(Kind.CHANGED, null, entryId, detail);
    }

    private ChainWalk walk() {
        if (walk == null) {
            AuditCheckpoints.Checkpoint checkpoint =
                    checkpointLine == null ? null : AuditCheckpoints.parse(checkpointLine, key);
            walk = new ChainWalk(key, checkpoint, exportedAt, SEALING_BOUND);
        }
        return walk;
    }

    private static long position(JsonNode node) {
        return AuditExportFormat.required(node, "position").asLong();
    }

    private static long eventId(JsonNode node) {
        return AuditExportFormat.required(node, "eventId").asLong();
    }

    private byte[] bytes(JsonNode node, String field) {
        return hex.parseHex(AuditExportFormat.required(node, field).asString());
    }

    /**
     * Checks the export named by the first argument. The audit key is {@code PASSERELLE_AUDIT_KEY}
     * (Base64), or the file given with {@code --key-file}, or else {@code keys/audit.key} of
     * {@code --data-directory} (by default {@code ./data}).
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        try {
            Arguments arguments = Arguments.parse(args);
            AuditKey key = AuditKey.existing(System.getenv("PASSERELLE_AUDIT_KEY"), arguments.keyFile());
            Verification result;
            try (BufferedReader reader = Files.newBufferedReader(arguments.export(), StandardCharsets.UTF_8)) {
                result = verify(reader, key);
            }
            VerificationReport.print(result, "Audit export", System.out);
            return result.intact() ? 0 : BROKEN;
        } catch (IllegalArgumentException | IllegalStateException | IOException | UncheckedIOException e) {
            System.err.println("Cannot check the audit export: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private record Arguments(Path export, Path keyFile) {
        static Arguments parse(String[] args) {
            Path export = null;
            Path keyFile = null;
            Path dataDirectory = Path.of("data");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--key-file" -> keyFile = Path.of(value(args, ++i, "--key-file"));
                    case "--data-directory" -> dataDirectory = Path.of(value(args, ++i, "--data-directory"));
                    default -> {
                        if (export != null || args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]
                                    + "; usage: verify-audit-export FILE [--key-file FILE | --data-directory DIR]");
                        }
                        export = Path.of(args[i]);
                    }
                }
            }
            if (export == null) {
                throw new IllegalArgumentException(
                        "usage: verify-audit-export FILE [--key-file FILE | --data-directory DIR]");
            }
            return new Arguments(
                    export,
                    keyFile != null ? keyFile : dataDirectory.resolve("keys").resolve("audit.key"));
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }
}
