package org.passerelle.audit;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.passerelle.platform.database.DatabaseProperties;
import org.passerelle.support.DatabaseOwner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Tampers with the log as someone with the database's superuser would (the log's triggers off,
 * rows rewritten), verifies with the audit key on that same connection, then rolls back, or
 * commits for a test that needs the application to meet the tampering.
 */
@Component
class AuditTampering {

    private final HikariDataSource dataSource;
    private final DatabaseProperties properties;
    private final AuditKey key;
    private final AuditCheckpoints checkpoints;
    private final LegacyChain legacy;

    AuditTampering(
            HikariDataSource dataSource,
            DatabaseProperties properties,
            AuditKey key,
            AuditCheckpoints checkpoints,
            LegacyChain legacy) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.key = key;
        this.checkpoints = checkpoints;
        this.legacy = legacy;
    }

    /** Runs the statements, verifies, rolls everything back. */
    AuditChain.Verification verifyTampered(String... statements) {
        return run(false, statements);
    }

    /** Runs the statements and commits them (the triggers on again). */
    void commit(String... statements) {
        run(true, statements);
    }

    private AuditChain.Verification run(boolean commit, String... statements) {
        SingleConnectionDataSource owner = DatabaseOwner.connect(dataSource, properties);
        try (Connection connection = owner.getConnection()) {
            JdbcTemplate asOwner = new JdbcTemplate(owner);
            triggers(asOwner, "disable");
            for (String statement : statements) {
                asOwner.execute(statement);
            }
            AuditChain.Verification verification = new AuditChain(
                            asOwner, key, checkpoints, legacy, Clock.systemUTC(), Duration.ofMinutes(10))
                    .verify();
            if (commit) {
                triggers(asOwner, "enable");
                connection.commit();
            } else {
                connection.rollback();
            }
            return verification;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            owner.destroy();
        }
    }

    private static void triggers(JdbcTemplate asOwner, String change) {
        for (String table : new String[] {"audit_event", "audit_seal", "audit_anchor"}) {
            asOwner.execute("alter table audit." + table + " " + change + " trigger user");
        }
    }
}
