package org.passerelle.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@PasserelleTest
class AuditChainTest {

    @Autowired
    AuditChain chain;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void findsAnIntactChainAndReportsItsHead() {
        log.recordSystem(null, "chain-test", AuditAction.LOGIN_FAILED, "FAILURE");

        AuditChain.Verification verification = chain.verify();

        assertThat(verification.intact())
                .as(String.valueOf(verification.problem()))
                .isTrue();
        assertThat(verification.entries()).isPositive();
        assertThat(verification.headHash()).hasSize(64).isEqualTo(headHashInDatabase());
    }

    @Test
    void findsAChangedEntry() {
        log.recordSystem(null, "honest", AuditAction.LOGIN_FAILED, "FAILURE");
        long position = lastPosition();
        log.recordSystem(null, "after", AuditAction.LOGIN_FAILED, "FAILURE");

        AuditChain.Verification verification =
                tampered("update audit.audit_event set actor_name = 'forged' where position = " + position);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenPosition()).isEqualTo(position);
        assertThat(verification.problem()).contains("content");
        assertThat(chain.verify().intact()).as("the tampering was rolled back").isTrue();
    }

    @Test
    void findsARemovedEntry() {
        log.recordSystem(null, "to-remove", AuditAction.LOGIN_FAILED, "FAILURE");
        long position = lastPosition();
        log.recordSystem(null, "after", AuditAction.LOGIN_FAILED, "FAILURE");

        AuditChain.Verification verification = tampered("delete from audit.audit_event where position = " + position);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenPosition()).isEqualTo(position);
        assertThat(verification.problem()).contains("missing");
    }

    @Test
    void findsAnEntryRewrittenWithAFreshHashButAnOldLink() {
        log.recordSystem(null, "first", AuditAction.LOGIN_FAILED, "FAILURE");
        long position = lastPosition();
        log.recordSystem(null, "second", AuditAction.LOGIN_FAILED, "FAILURE");

        AuditChain.Verification verification = tampered("update audit.audit_event e set actor_name = 'forged', "
                + "hash = sha256(e.previous_hash || audit.entry_content((e.id, e.occurred_at, e.actor_id, 'forged', "
                + "e.action, e.record_type, e.record_id, e.site_id, e.outcome, e.position, e.previous_hash, e.hash)"
                + "::audit.audit_event)) where position = " + position);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenPosition()).isEqualTo(position + 1);
        assertThat(verification.problem()).contains("link");
    }

    /** Tampers with the log as a database superuser would, verifies, then rolls everything back. */
    private AuditChain.Verification tampered(String sql) {
        return transactions.execute(status -> {
            jdbc.sql("alter table audit.audit_event disable trigger audit_event_append_only")
                    .update();
            jdbc.sql(sql).update();
            AuditChain.Verification verification = chain.verify();
            status.setRollbackOnly();
            return verification;
        });
    }

    private long lastPosition() {
        return jdbc.sql("select max(position) from audit.audit_event")
                .query(Long.class)
                .single();
    }

    private String headHashInDatabase() {
        return jdbc.sql("select encode(hash, 'hex') from audit.audit_event order by position desc limit 1")
                .query(String.class)
                .single();
    }
}
