package org.passerelle.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The unkeyed SHA-256 chain of the entries written before the keyed seals. Checked once, when the
 * sealer first meets those entries: when it is intact they are sealed into the keyed chain like any
 * other; when it is broken they stay unsealed, and verification reports where it broke.
 */
@Component
class LegacyChain {

    /** Where the legacy chain broke, or null fields when it is intact. */
    record Result(
            boolean intact,
            @Nullable Long brokenAt,
            @Nullable String problem) {}

    private final JdbcTemplate jdbc;
    private volatile @Nullable Result result;

    LegacyChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The result of the one walk of the legacy chain, made on first use. */
    Result check() {
        Result known = result;
        if (known == null) {
            known = walk();
            result = known;
        }
        return known;
    }

    private Result walk() {
        var anchor = jdbc
                .query(
                        "select position, hash from audit.legacy_anchor order by position desc limit 1",
                        (row, number) -> new Walk(row.getLong("position") + 1, row.getBytes("hash")))
                .stream()
                .findFirst()
                .orElse(new Walk(1, new byte[0]));
        jdbc.query("""
                select legacy_position, id, occurred_at, actor_id, actor_name, action, record_type, record_id, site_id,
                       outcome, legacy_previous_hash, legacy_hash
                  from audit.audit_event where legacy_hash is not null order by legacy_position
                """, anchor::check);
        return new Result(anchor.brokenAt == null, anchor.brokenAt, anchor.problem);
    }

    private static final class Walk {
        private long expectedPosition;
        private byte[] previousHash;
        private @Nullable Long brokenAt;
        private @Nullable String problem;

        Walk(long firstPosition, byte[] anchorHash) {
            this.expectedPosition = firstPosition;
            this.previousHash = anchorHash;
        }

        void check(ResultSet row) throws SQLException {
            if (brokenAt != null) {
                return;
            }
            long position = row.getLong("legacy_position");
            byte[] stored = row.getBytes("legacy_hash");
            if (position != expectedPosition) {
                fail(expectedPosition, "legacy entry missing before position " + position);
            } else if (!Arrays.equals(row.getBytes("legacy_previous_hash"), previousHash)) {
                fail(position, "legacy link to the previous entry does not match");
            } else if (!Arrays.equals(stored, hash(previousHash, content(row)))) {
                fail(position, "legacy entry content does not match its hash");
            }
            previousHash = stored;
            expectedPosition = position + 1;
        }

        private void fail(long position, String reason) {
            brokenAt = position;
            problem = reason;
        }
    }

    /** The legacy encoding: non-null fields joined by '|' (ambiguous, hence replaced). */
    private static String content(ResultSet row) throws SQLException {
        Instant at = row.getTimestamp("occurred_at").toInstant();
        StringJoiner joiner = new StringJoiner("|");
        for (Object field : new Object[] {
            row.getLong("legacy_position"),
            row.getLong("id"),
            AuditEncoding.micros(at),
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

    private static byte[] hash(byte[] previous, String content) {
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
