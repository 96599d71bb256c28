package org.passerelle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.passerelle.audit.AuditChain.Kind;
import org.passerelle.audit.AuditChain.Problem;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Retention removes the oldest audit entries as a prefix of the sealed chain and leaves an anchor
 * MAC'd by the audit key, so the chain still verifies and tampering is still found. Runs in an
 * application of its own, since it removes the start of the log that other tests may read.
 */
@PasserelleTest
@TestPropertySource(properties = "passerelle.test.own-database=audit-retention")
class AuditRetentionTest {

    @Autowired
    AuditChain chain;

    @Autowired
    AuditLog log;

    @Autowired
    AuditSealer sealer;

    @Autowired
    RetainedAuditEvents auditEvents;

    @Autowired
    AuditTampering tampering;

    @Autowired
    JdbcClient jdbc;

    @Test
    void purgesThePrefixBeforeTheCutoffWithASignedAnchorAndTheChainStillVerifies() {
        log.recordSystem(null, "old", AuditAction.LOGIN_FAILED, "FAILURE");
        log.recordSystem(null, "old", AuditAction.LOGIN_FAILED, "FAILURE");
        long lastOld = lastId();
        log.recordSystem(null, "kept", AuditAction.LOGIN_FAILED, "FAILURE");
        sealer.sealNow();
        Instant cutoff = occurredAt(lastId());
        long total = count();
        long lastOldPosition = positionOf(lastOld);
        long first = firstPosition();

        long expected = auditEvents.countExpired(cutoff).count();
        long removed = auditEvents.purgeExpired(cutoff);

        assertThat(expected).isEqualTo(lastOldPosition - first + 1);
        assertThat(removed).isEqualTo(expected);
        assertThat(count()).isEqualTo(total - removed);
        AuditChain.Verification verification = chain.verify();
        assertThat(verification.intact()).as(verification.problems().toString()).isTrue();
        assertThat(verification.anchorPosition()).isEqualTo(lastOldPosition);
        assertThat(auditEvents.countExpired(cutoff).count())
                .as("nothing left to purge")
                .isZero();

        log.recordSystem(null, "later", AuditAction.LOGIN_FAILED, "FAILURE");
        sealer.sealNow();
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void stillFindsAMiddleEntryRemovedAfterAPurge() {
        log.recordSystem(null, "old", AuditAction.LOGIN_FAILED, "FAILURE");
        Instant cutoff = occurredAt(lastId()).plusNanos(1_000);
        log.recordSystem(null, "middle", AuditAction.LOGIN_FAILED, "FAILURE");
        long middle = lastId();
        log.recordSystem(null, "after", AuditAction.LOGIN_FAILED, "FAILURE");
        assertThat(auditEvents.purgeExpired(cutoff)).isPositive();

        AuditChain.Verification verification =
                tampering.verifyTampered("delete from audit.audit_event where id = " + middle);

        assertThat(verification.problems())
                .extracting(Problem::kind, Problem::entryId)
                .containsExactly(tuple(Kind.REMOVED, middle));
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void removesNothingWhenTheEntriesToRemoveWereTamperedWith() {
        log.recordSystem(null, "honest", AuditAction.LOGIN_FAILED, "FAILURE");
        long tampered = lastId();
        log.recordSystem(null, "after", AuditAction.LOGIN_FAILED, "FAILURE");
        sealer.sealNow();
        Instant cutoff = occurredAt(lastId()).plusNanos(1_000);
        long before = count();
        tampering.commit("update audit.audit_event set actor_name = 'forged' where id = " + tampered);
        try {
            assertThatThrownBy(() -> auditEvents.purgeExpired(cutoff))
                    .hasMessageContaining("broken at position " + positionOf(tampered));
            assertThat(count()).isEqualTo(before);
        } finally {
            tampering.commit("update audit.audit_event set actor_name = 'honest' where id = " + tampered);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void theChainGoesOnFromTheAnchorWhenEveryEntryWasRemoved() {
        log.recordSystem(null, "old", AuditAction.LOGIN_FAILED, "FAILURE");
        sealer.sealNow();
        long last = jdbc.sql("select max(position) from audit.audit_seal")
                .query(Long.class)
                .single();

        auditEvents.purgeExpired(Instant.now().plusSeconds(3600));

        assertThat(count()).isZero();
        log.recordSystem(null, "first after", AuditAction.LOGIN_FAILED, "FAILURE");
        sealer.sealNow();
        assertThat(firstPosition()).isEqualTo(last + 1);
        AuditChain.Verification verification = chain.verify();
        assertThat(verification.intact()).as(verification.problems().toString()).isTrue();
        assertThat(verification.entries()).isOne();
    }

    private Instant occurredAt(long id) {
        return jdbc.sql("select occurred_at from audit.audit_event where id = ?")
                .param(id)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }

    private long positionOf(long id) {
        return jdbc.sql("select position from audit.audit_seal where event_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private long firstPosition() {
        return jdbc.sql("select min(position) from audit.audit_seal")
                .query(Long.class)
                .single();
    }

    private long lastId() {
        return jdbc.sql("select max(id) from audit.audit_event")
                .query(Long.class)
                .single();
    }

    private long count() {
        return jdbc.sql("select count(*) from audit.audit_event")
                .query(Long.class)
                .single();
    }
}
