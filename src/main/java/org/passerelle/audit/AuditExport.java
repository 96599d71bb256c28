package org.passerelle.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the whole audit log to a file an auditor checks away from the server, without trusting
 * the database ({@link AuditExportFormat}, {@link AuditExportVerifier}): everything committed is
 * sealed first, the head checkpoint is read, then the log is written from one snapshot. Each export
 * is itself audited, before it is written, so it holds its own line.
 */
@Service
public class AuditExport {

    private static final int FETCH_SIZE = 5_000;

    private final JdbcTemplate jdbc;
    private final AuditKey key;
    private final AuditCheckpoints checkpoints;
    private final AuditSealer sealer;
    private final AuditLog audit;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    AuditExport(
            JdbcTemplate jdbc,
            AuditKey key,
            AuditCheckpoints checkpoints,
            AuditSealer sealer,
            AuditLog audit,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.checkpoints = checkpoints;
        this.sealer = sealer;
        this.audit = audit;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
    }

    /** Records that the current user exports the audit log. */
    @Transactional
    public void recordByCurrentUser() {
        audit.record(AuditAction.EXPORT, "audit_log", null);
    }

    /** Records an export from the command line, where nobody is logged in. */
    @Transactional
    public void recordBySystem() {
        audit.recordBySystem(AuditAction.EXPORT, "audit_log", null, "SUCCESS");
    }

    /** Seals what is committed and writes the log to {@code out}, which is left open. */
    public void writeTo(OutputStream out) {
        sealer.sealNow();
        // Read before the snapshot begins: every seal the checkpoint names was committed before it.
        String checkpoint = checkpoints.line();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        snapshot.executeWithoutResult(status -> new Lines(writer).write(checkpoint));
    }

    /** The lines of one export, counted and digested as they are written. */
    private final class Lines {
        private final Writer writer;
        private final MessageDigest digest = AuditExportFormat.digest();
        private final HexFormat hex = HexFormat.of();
        private long count;
        private long position;
        private byte[] head = new byte[0];

        Lines(Writer writer) {
            this.writer = writer;
        }

        void write(@Nullable String checkpoint) {
            Instant exportedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            ObjectNode header = node("export").put("format", AuditExportFormat.FORMAT);
            line(header.put("exportedAt", exportedAt.toString()));
            if (checkpoint != null) {
                line(node("checkpoint").put("line", checkpoint));
            }
            jdbc.query("select position, chain, mac from audit.audit_anchor order by position", (ResultSet row) -> {
                position = row.getLong("position");
                head = row.getBytes("chain");
                line(node("anchor")
                        .put("position", position)
                        .put("chain", hex.formatHex(head))
                        .put("mac", hex.formatHex(row.getBytes("mac"))));
            });
            sealed();
            unsealed();
            jdbc.query(
                    "select p.event_id from audit.audit_pending p where not exists"
                            + " (select 1 from audit.audit_event e where e.id = p.event_id) order by p.event_id",
                    (ResultSet row) -> line(node("removed-before-sealing").put("eventId", row.getLong("event_id"))));
            end(exportedAt);
        }

        private void sealed() {
            jdbc.query(
                    connection -> {
                        var statement = connection.prepareStatement("select s.position, s.event_id, s.chain, "
                                + SignedEntry.COLUMNS + " from audit.audit_seal s"
                                + " left join audit.audit_event e on e.id = s.event_id"
                                + " where s.position > ? order by s.position");
                        statement.setLong(1, position);
                        statement.setFetchSize(FETCH_SIZE);
                        return statement;
                    },
                    (ResultSet row) -> {
                        position = row.getLong("position");
                        head = row.getBytes("chain");
                        ObjectNode seal = node("sealed")
                                .put("position", position)
                                .put("eventId", row.getLong("event_id"))
                                .put("chain", hex.formatHex(head));
                        if (row.getObject("id") != null) {
                            withEntry(seal, SignedEntry.read(row));
                        }
                        line(seal);
                    });
        }

        private void unsealed() {
            jdbc.query(
                    "select " + SignedEntry.COLUMNS + ", e.mac, e.legacy_hash is not null as legacy"
                            + " from audit.audit_event e where not exists"
                            + " (select 1 from audit.audit_seal s where s.event_id = e.id) order by e.id",
                    (ResultSet row) -> {
                        byte[] mac = row.getBytes("mac");
                        ObjectNode entry = withEntry(node("unsealed"), SignedEntry.read(row))
                                .put("mac", mac == null ? null : hex.formatHex(mac))
                                .put("legacy", row.getBoolean("legacy"));
                        line(entry);
                    });
        }

        private ObjectNode withEntry(ObjectNode line, SignedEntry entry) {
            line.set("entry", AuditExportFormat.entry(entry));
            return line.put("encoding", Base64.getEncoder().encodeToString(entry.encode()));
        }

        private void end(Instant exportedAt) {
            byte[] sum = digest.digest();
            byte[] mac = key.mac(AuditExportFormat.endEncoding(exportedAt, count, sum, position, head));
            line(node("end")
                    .put("lines", count)
                    .put("digest", hex.formatHex(sum))
                    .put("position", position)
                    .put("head", hex.formatHex(head))
                    .put("mac", hex.formatHex(mac)));
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the audit export", e);
            }
        }

        private ObjectNode node(String type) {
            return AuditExportFormat.JSON.createObjectNode().put("type", type);
        }

        private void line(ObjectNode node) {
            String line = AuditExportFormat.JSON.writeValueAsString(node);
            AuditExportFormat.add(digest, line);
            count++;
            try {
                writer.write(line);
                writer.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the audit export", e);
            }
        }
    }
}
