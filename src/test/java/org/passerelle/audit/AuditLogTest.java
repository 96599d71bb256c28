package org.passerelle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.database.DatabaseProperties;
import org.passerelle.support.DatabaseOwner;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

@PasserelleTest
class AuditLogTest {

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    DatabaseProperties properties;

    @Test
    void theApplicationsRoleCannotChangeRemoveOrUnprotectAuditEntries() {
        log.recordSystem(null, "tester", AuditAction.LOGIN_FAILED, "FAILURE");
        long count = count();

        for (String statement : List.of(
                "update audit.audit_event set actor_name = 'someone else'",
                "delete from audit.audit_event",
                "truncate audit.audit_event",
                "delete from audit.audit_seal",
                "update audit.audit_seal set chain = '\\x00'",
                "insert into audit.audit_anchor (position, chain, removed, mac) values (1, '\\x00', 1, '\\x00')",
                "alter table audit.audit_event disable trigger user",
                "alter table audit.audit_event disable trigger audit_event_append_only",
                "drop trigger audit_event_append_only on audit.audit_event",
                "alter table audit.audit_event add column forged text",
                "alter table audit.audit_seal owner to passerelle_app",
                "create or replace function audit.refuse_change() returns trigger language sql as 'select null'")) {
            assertThatThrownBy(() -> jdbc.sql(statement).update())
                    .as(statement)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageMatching("(?s).*(permission denied|must be owner).*");
        }
        assertThat(count()).isEqualTo(count);
    }

    @Test
    void theOwnerStillMeetsTheAppendOnlyTriggers() throws SQLException {
        log.recordSystem(null, "tester", AuditAction.LOGIN_FAILED, "FAILURE");
        SingleConnectionDataSource owner = DatabaseOwner.connect(dataSource, properties);
        try (Connection connection = owner.getConnection()) {
            JdbcTemplate asOwner = new JdbcTemplate(owner);
            assertThatThrownBy(() -> asOwner.execute("delete from audit.audit_event"))
                    .rootCause()
                    .hasMessageContaining("append-only");
            connection.rollback();
        } finally {
            owner.destroy();
        }
    }

    /**
     * Eight transactions each write an audit line and wait, still open, until all eight have: with a
     * lock held until commit by the first writer, the others could not write and the barrier would
     * break.
     */
    @Test
    void writersDoNotWaitForEachOther() throws Exception {
        int writers = 8;
        CyclicBarrier allWritten = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "parallel-" + i;
                done.add(pool.submit(() -> transactions.executeWithoutResult(status -> {
                    log.recordSystem(null, name, AuditAction.LOGIN_FAILED, "FAILURE");
                    await(allWritten);
                })));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(allWritten.isBroken()).isFalse();
    }

    @Test
    void listsTheLatestEntriesNewestFirst() {
        log.recordSystem(null, "first", AuditAction.LOGIN_FAILED, "FAILURE");
        log.recordSystem(null, "second", AuditAction.LOGIN_FAILED, "FAILURE");

        assertThat(log.latest(2)).extracting(AuditEntry::actorName).containsExactly("second", "first");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the writers waited for each other", e);
        }
    }

    private long count() {
        return jdbc.sql("select count(*) from audit.audit_event")
                .query(Long.class)
                .single();
    }
}
