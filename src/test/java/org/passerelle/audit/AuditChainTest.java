package org.passerelle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.audit.AuditChain.Kind;
import org.passerelle.audit.AuditChain.Problem;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each test tampers with the log as someone with the database's superuser would (triggers
 * disabled, rows rewritten), verifies with the audit key, then rolls the tampering back.
 */
@PasserelleTest
class AuditChainTest {

    @Autowired
    AuditChain chain;

    @Autowired
    AuditLog log;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditKey key;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    AuditTampering tampering;

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsAnIntactChainAndReportsItsHeadAndCheckpoint() {
        log.recordSystem(null, "chain-test", AuditAction.LOGIN_FAILED, "FAILURE");
        sealer.sealNow();

        AuditChain.Verification verification = chain.verify();

        assertThat(verification.intact()).as(verification.problems().toString()).isTrue();
        assertThat(verification.entries()).isPositive();
        assertThat(verification.headHash()).hasSize(64).isEqualTo(headInDatabase());
        assertThat(verification.checkpointPosition()).isNotNull().isPositive();
        assertThat(checkpoints.file()).exists();
    }

    @Test
    void findsARecordIdMovedIntoTheSiteColumn() {
        UUID person = UUID.randomUUID();
        log.recordBySystem(AuditAction.READ, "person", person, "SUCCESS");
        long id = lastId();
        sealer.sealNow();

        AuditChain.Verification verification =
                tampered("update audit.audit_event set site_id = record_id, record_id = null where id = " + id);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.problems())
                .extracting(Problem::kind, Problem::entryId)
                .containsExactly(tuple(Kind.CHANGED, id));
    }

    @Test
    void findsAnEntryChangedBeforeItWasSealed() {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('audit.audit_event', 'id'))")
                .query(Long.class)
                .single();
        UUID person = UUID.randomUUID();
        SignedEntry written = new SignedEntry(
                id,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                null,
                "system",
                "READ",
                "person",
                person,
                null,
                "SUCCESS");
        String mac = HexFormat.of().formatHex(key.mac(written.encode()));

        AuditChain.Verification verification = tampered(
                "insert into audit.audit_event (id, occurred_at, actor_name, action, record_type, record_id, site_id,"
                        + " outcome, mac) overriding system value values (" + id + ", '" + written.occurredAt()
                        + "', 'system', 'READ', 'person', null, '" + person + "', 'SUCCESS', '\\x" + mac + "')");

        assertThat(verification.problems())
                .extracting(Problem::kind, Problem::entryId)
                .containsExactly(tuple(Kind.INSERTED, id));
    }

    @Test
    void findsARemovedEntry() {
        log.recordSystem(null, "to-remove", AuditAction.LOGIN_FAILED, "FAILURE");
        long id = lastId();
        log.recordSystem(null, "after", AuditAction.LOGIN_FAILED, "FAILURE");
        sealer.sealNow();

        AuditChain.Verification entryOnly = tampered("delete from audit.audit_event where id = " + id);
        AuditChain.Verification withItsSeal = tampered(
                "delete from audit.audit_event where id = " + id,
                "delete from audit.audit_seal where event_id = " + id);

        assertThat(entryOnly.problems()).extracting(Problem::kind).containsExactly(Kind.REMOVED);
        assertThat(withItsSeal.intact()).isFalse();
        assertThat(withItsSeal.problems()).extracting(Problem::kind).contains(Kind.REMOVED);
        assertThat(chain.verify().intact()).as("the tampering was rolled back").isTrue();
    }

    @Test
    void findsTheLatestEntriesRemovedWithTheirSealsThroughTheCheckpoint() {
        log.recordSystem(null, "last", AuditAction.LOGIN_FAILED, "FAILURE");
        sealer.sealNow();
        long position = lastPosition();
        assertThat(checkpoints.read())
                .isNotNull()
                .extracting(AuditCheckpoints.Checkpoint::position)
                .isEqualTo(position);

        AuditChain.Verification verification = tampered(
                "delete from audit.audit_event e using audit.audit_seal s where s.event_id = e.id and s.position = "
                        + position,
                "delete from audit.audit_seal where position = " + position);

        assertThat(verification.problems()).extracting(Problem::kind).containsExactly(Kind.REMOVED);
        assertThat(verification.problems().getFirst().detail()).contains("checkpoint");
    }

    @Test
    void findsAChainRecomputedWithoutTheKey() {
        log.recordSystem(null, "honest", AuditAction.LOGIN_FAILED, "FAILURE");
        long id = lastId();
        sealer.sealNow();

        AuditChain.Verification verification = tampered(
                "update audit.audit_event set actor_name = 'forged', mac = sha256(convert_to('forged', 'UTF8'))"
                        + " where id = " + id,
                "update audit.audit_seal s set chain = sha256(s.chain || convert_to('forged', 'UTF8'))"
                        + " where s.position >= (select position from audit.audit_seal where event_id = " + id + ")");

        assertThat(verification.intact()).isFalse();
        assertThat(verification.problems().getFirst().kind()).isEqualTo(Kind.CHANGED);
        assertThat(verification.problems().getFirst().entryId()).isEqualTo(id);
    }

    @Test
    void findsAnEntryInsertedWithoutTheKey() {
        AuditChain.Verification verification = tampered("""
                insert into audit.audit_event (actor_name, action, record_type, record_id, outcome, mac)
                values ('someone', 'READ', 'person', gen_random_uuid(), 'SUCCESS', '\\x00'::bytea)
                """);

        assertThat(verification.problems()).extracting(Problem::kind).containsExactly(Kind.INSERTED);
    }

    @Test
    void findsAPurgeBehindAHandMadeAnchor() {
        log.recordSystem(null, "old", AuditAction.LOGIN_FAILED, "FAILURE");
        sealer.sealNow();
        long position = lastPosition();

        AuditChain.Verification verification = tampered("select audit.purge_prefix(" + position
                + ", (select chain from audit.audit_seal where position = " + position + "), '\\x00'::bytea)");

        assertThat(verification.problems()).extracting(Problem::kind).contains(Kind.FORGED_ANCHOR);
        assertThat(verification.anchorPosition()).isEqualTo(position);
    }

    private AuditChain.Verification tampered(String... statements) {
        return tampering.verifyTampered(statements);
    }

    private long lastId() {
        return jdbc.sql("select max(id) from audit.audit_event")
                .query(Long.class)
                .single();
    }

    private long lastPosition() {
        return jdbc.sql("select max(position) from audit.audit_seal")
                .query(Long.class)
                .single();
    }

    private String headInDatabase() {
        return HexFormat.of()
                .formatHex(jdbc.sql("select chain from audit.audit_seal order by position desc limit 1")
                        .query(byte[].class)
                        .single());
    }
}
