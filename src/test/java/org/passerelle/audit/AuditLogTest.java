package org.passerelle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

@PasserelleTest
class AuditLogTest {

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Test
    void refusesToChangeOrRemoveAuditEntries() {
        log.recordSystem(null, "tester", AuditAction.LOGIN_FAILED, "FAILURE");
        long count = jdbc.sql("select count(*) from audit.audit_event")
                .query(Long.class)
                .single();

        assertThatThrownBy(() -> jdbc.sql("update audit.audit_event set actor_name = 'someone else'")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit.audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from audit.audit_event")
                        .query(Long.class)
                        .single())
                .isEqualTo(count);
    }

    @Test
    void listsTheLatestEntriesNewestFirst() {
        log.recordSystem(null, "first", AuditAction.LOGIN_FAILED, "FAILURE");
        log.recordSystem(null, "second", AuditAction.LOGIN_FAILED, "FAILURE");

        assertThat(log.latest(2)).extracting(AuditEntry::actorName).containsExactly("second", "first");
    }
}
