package org.passerelle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention removes the oldest audit entries as a prefix of the chain and leaves an anchor, so the
 * chain still verifies and tampering is still found. Runs in an application of its own, since it
 * removes the start of the log that other tests may read.
 */
@PasserelleTest
@TestPropertySource(properties = "passerelle.test.own-database=audit-retention")
class AuditRetentionTest {

    @Autowired
    AuditChain chain;

    @Autowired
    AuditLog log;

    @Autowired
    RetainedAuditEvents auditEvents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void purgesThePrefixBeforeTheCutoffAndTheChainStillVerifies() {
        log.recordSystem(null, "old", AuditAction.LOGIN_FAILED, "FAILURE");
        log.recordSystem(null, "old", AuditAction.LOGIN_FAILED, "FAILURE");
        long lastOld = lastPosition();
        log.recordSystem(null, "kept", AuditAction.LOGIN_FAILED, "FAILURE");
        Instant cutoff = occurredAt(lastOld + 1);
        long first = firstPosition();
        long total = count();

        long expected = auditEvents.countExpired(cutoff).count();
        long removed = auditEvents.purgeExpired(cutoff);

        assertThat(expected).isEqualTo(lastOld - first + 1);
        assertThat(removed).isEqualTo(expected);
        assertThat(count()).isEqualTo(total - removed);
        assertThat(firstPosition()).isEqualTo(lastOld + 1);
        AuditChain.Verification verification = chain.verify();
        assertThat(verification.intact())
                .as(String.valueOf(verification.problem()))
                .isTrue();
        assertThat(verification.anchorPosition()).isEqualTo(lastOld);
        assertThat(auditEvents.countExpired(cutoff).count())
                .as("nothing left to purge")
                .isZero();

        log.recordSystem(null, "later", AuditAction.LOGIN_FAILED, "FAILURE");
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void stillFindsAMiddleEntryRemovedAfterAPurge() {
        log.recordSystem(null, "old", AuditAction.LOGIN_FAILED, "FAILURE");
        Instant cutoff = occurredAt(lastPosition()).plusNanos(1_000);
        log.recordSystem(null, "middle", AuditAction.LOGIN_FAILED, "FAILURE");
        long middle = lastPosition();
        log.recordSystem(null, "after", AuditAction.LOGIN_FAILED, "FAILURE");
        assertThat(auditEvents.purgeExpired(cutoff)).isPositive();

        AuditChain.Verification verification = transactions.execute(status -> {
            jdbc.sql("alter table audit.audit_event disable trigger audit_event_append_only")
                    .update();
            jdbc.sql("delete from audit.audit_event where position = ?")
                    .param(middle)
                    .update();
            AuditChain.Verification tampered = chain.verify();
            status.setRollbackOnly();
            return tampered;
        });

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenPosition()).isEqualTo(middle);
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void refusesToRemoveEntriesOutsideThePurge() {
        log.recordSystem(null, "old", AuditAction.LOGIN_FAILED, "FAILURE");
        long oldest = firstPosition();

        assertThatThrownBy(() -> jdbc.sql("delete from audit.audit_event where position = ?")
                        .param(oldest)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    jdbc.sql("select set_config('audit.purge_up_to', ?, true)")
                            .param(String.valueOf(oldest))
                            .query(String.class)
                            .single();
                    jdbc.sql("delete from audit.audit_event where position = ?")
                            .param(oldest)
                            .update();
                }))
                .as("the setting alone, without the purge's anchor, lets nothing through")
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.audit_anchor").update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(firstPosition()).isEqualTo(oldest);
    }

    @Test
    void removesNothingWhenTheEntriesToRemoveWereTamperedWith() {
        log.recordSystem(null, "honest", AuditAction.LOGIN_FAILED, "FAILURE");
        long tampered = lastPosition();
        log.recordSystem(null, "after", AuditAction.LOGIN_FAILED, "FAILURE");
        Instant cutoff = occurredAt(lastPosition()).plusNanos(1_000);
        long before = count();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    jdbc.sql("alter table audit.audit_event disable trigger audit_event_append_only")
                            .update();
                    jdbc.sql("update audit.audit_event set actor_name = 'forged' where position = ?")
                            .param(tampered)
                            .update();
                    jdbc.sql("alter table audit.audit_event enable trigger audit_event_append_only")
                            .update();
                    auditEvents.purgeExpired(cutoff);
                }))
                .rootCause()
                .hasMessageContaining("broken at position " + tampered);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theChainGoesOnFromTheAnchorWhenEveryEntryWasRemoved() {
        log.recordSystem(null, "old", AuditAction.LOGIN_FAILED, "FAILURE");
        long last = lastPosition();
        Instant future = Instant.now().plusSeconds(3600);

        auditEvents.purgeExpired(future);

        assertThat(count()).isZero();
        log.recordSystem(null, "first after", AuditAction.LOGIN_FAILED, "FAILURE");
        assertThat(firstPosition()).isEqualTo(last + 1);
        AuditChain.Verification verification = chain.verify();
        assertThat(verification.intact())
                .as(String.valueOf(verification.problem()))
                .isTrue();
        assertThat(verification.entries()).isOne();
    }

    private Instant occurredAt(long position) {
        return jdbc.sql("select occurred_at from audit.audit_event where position = ?")
                .param(position)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }

    private long firstPosition() {
        return jdbc.sql("select min(position) from audit.audit_event")
                .query(Long.class)
                .single();
    }

    private long lastPosition() {
        return jdbc.sql("select max(position) from audit.audit_event")
                .query(Long.class)
                .single();
    }

    private long count() {
        return jdbc.sql("select count(*) from audit.audit_event")
                .query(Long.class)
                .single();
    }
}
