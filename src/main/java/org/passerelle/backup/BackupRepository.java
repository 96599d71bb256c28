package org.passerelle.backup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of the backups made, in the module's schema. */
@Repository
class BackupRepository {

    private final JdbcClient jdbc;

    BackupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One backup made: its file's name (in the backup directory), size, epoch and whether it read back. */
    record Run(
            UUID id,
            String fileName,
            Instant createdAt,
            long sizeBytes,
            int epoch,
            long millis,
            boolean verified,
            Backups.MadeBy madeBy) {}

    void insert(Run run) {
        jdbc.sql("""
                        insert into backup.backup_run
                            (id, file_name, created_at, size_bytes, epoch, millis, verified, made_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        run.id(),
                        run.fileName(),
                        java.sql.Timestamp.from(run.createdAt()),
                        run.sizeBytes(),
                        run.epoch(),
                        run.millis(),
                        run.verified(),
                        run.madeBy().name())
                .update();
    }

    List<Run> latest(int limit) {
        return jdbc.sql("""
                        select id, file_name, created_at, size_bytes, epoch, millis, verified, made_by
                        from backup.backup_run order by created_at desc limit ?
                        """)
                .param(limit)
                .query((rs, row) -> new Run(
                        rs.getObject("id", UUID.class),
                        rs.getString("file_name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getLong("size_bytes"),
                        rs.getInt("epoch"),
                        rs.getLong("millis"),
                        rs.getBoolean("verified"),
                        Backups.MadeBy.valueOf(rs.getString("made_by"))))
                .list();
    }

    /** A backup that failed: when, what asked for it and the code saying why. */
    record Failure(Instant failedAt, Backups.MadeBy madeBy, String code) {}

    void insertFailure(Failure failure) {
        jdbc.sql("insert into backup.backup_failure (id, failed_at, made_by, code) values (?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        java.sql.Timestamp.from(failure.failedAt()),
                        failure.madeBy().name(),
                        failure.code())
                .update();
    }

    Optional<Failure> lastFailure() {
        return jdbc.sql("select failed_at, made_by, code from backup.backup_failure order by failed_at desc limit 1")
                .query((rs, row) -> new Failure(
                        rs.getTimestamp("failed_at").toInstant(),
                        Backups.MadeBy.valueOf(rs.getString("made_by")),
                        rs.getString("code")))
                .optional();
    }

    /** Whether the recovery sheet was printed already; marks it printed now if not. */
    boolean firstRecoverySheet(Instant now) {
        return jdbc.sql("insert into backup.recovery_sheet (id, shown_at) values (1, ?) on conflict do nothing")
                        .param(java.sql.Timestamp.from(now))
                        .update()
                == 1;
    }
}
