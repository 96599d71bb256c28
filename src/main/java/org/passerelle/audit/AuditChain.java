package org.passerelle.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies the audit log's hash chain independently of the database: each entry's hash must be
 * the SHA-256 of the previous entry's hash and of the entry's own content, and positions must follow
 * each other without a gap. A changed entry breaks its own link; a removed one leaves a gap.
 *
 * <p>When retention has removed the oldest entries (always a prefix of the chain, see
 * {@code audit.purge_expired}), verification starts from the latest anchor: the position and hash of
 * the last removed entry, kept in {@code audit.audit_anchor}.
 *
 * <p>Someone able to rewrite the whole table could rebuild a consistent chain, so the head hash that
 * a verification reports should be kept outside the database (written down, or sent with the logs):
 * a later verification must still contain that head.
 */
@Service
public class AuditChain {

    private static final int FETCH_SIZE = 5_000;

    private final JdbcTemplate jdbc;

    AuditChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The outcome of a verification; {@code anchorPosition} is the last position removed by
     * retention, where the walk started (null when nothing was ever removed).
     */
    public record Verification(
            long entries,
            boolean intact,
            @Nullable Long firstBrokenPosition,
            @Nullable String problem,
            String headHash,
            @Nullable Long anchorPosition) {}

    private record Anchor(long position, byte[] hash) {}

    /** Walks the whole log in chain order from the latest anchor and reports the first broken link, if any. */
    @Transactional(readOnly = true)
    public Verification verify() {
        Anchor anchor = jdbc
                .query(
                        "select position, hash from audit.audit_anchor order by position desc limit 1",
                        (row, number) -> new Anchor(row.getLong("position"), row.getBytes("hash")))
                .stream()
                .findFirst()
                .orElse(new Anchor(0, new byte[0]));
        Walk walk = new Walk(anchor.position() + 1, anchor.hash());
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                    select position, id, occurred_at, actor_id, actor_name, action, record_type, record_id, site_id,
                           outcome, previous_hash, hash
                      from audit.audit_event order by position
                    """);
                    statement.setFetchSize(FETCH_SIZE);
                    return statement;
                },
                walk::check);
        return new Verification(
                walk.entries,
                walk.brokenAt == null,
                walk.brokenAt,
                walk.problem,
                HexFormat.of().formatHex(walk.previousHash),
                anchor.position() == 0 ? null : anchor.position());
    }

    private static final class Walk {
        private long entries;
        private long expectedPosition;
        private byte[] previousHash;
        private @Nullable Long brokenAt;
        private @Nullable String problem;

        Walk(long firstPosition, byte[] anchorHash) {
            this.expectedPosition = firstPosition;
            this.previousHash = anchorHash;
        }

        void check(ResultSet row) throws SQLException {
            entries++;
            if (brokenAt != null) {
                return;
            }
            long position = row.getLong("position");
            byte[] storedPrevious = row.getBytes("previous_hash");
            byte[] stored = row.getBytes("hash");
            if (position < expectedPosition) {
                fail(position, "entry before the retention anchor or out of order");
            } else if (position != expectedPosition) {
                fail(expectedPosition, "entry missing before position " + position);
            } else if (!Arrays.equals(storedPrevious, previousHash)) {
                fail(position, "link to the previous entry does not match");
            } else if (!Arrays.equals(stored, hash(previousHash, content(row)))) {
                fail(position, "entry content does not match its hash");
            }
            previousHash = stored;
            expectedPosition = position + 1;
        }

        private void fail(long position, String reason) {
            brokenAt = position;
            problem = reason;
        }
    }

    /** The same content as the database's {@code audit.entry_content}: non-null fields joined by '|'. */
    static String content(ResultSet row) throws SQLException {
        Instant at = row.getTimestamp("occurred_at").toInstant();
        long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
        StringJoiner joiner = new StringJoiner("|");
        for (Object field : new Object[] {
            row.getLong("position"),
            row.getLong("id"),
            micros,
            row.getObject("actor_id"),
            row.getString("actor_name"),
            row.getString("action"),
            row.getString("record_type"),
            row.getObject("record_id"),
            row.getObject("site_id"),
            row.getString("outcome")
        }) {
            if (field != null) {
                joiner.add(field.toString());
            }
        }
        return joiner.toString();
    }

    static byte[] hash(byte[] previous, String content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous);
            digest.update(content.getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
