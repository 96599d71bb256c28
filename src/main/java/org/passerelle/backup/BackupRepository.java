package org.passerelle.backup;

import java.time.Instant;
import java.util.List;
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

    /** Whether the recovery sheet was printed already; marks it printed now if not. */
    boolean firstRecoverySheet(Instant now) {
        return jdbc.sql("insert into backup.recovery_sheet (id, shown_at) values (1, ?) on conflict do nothing")
                        .param(java.sql.Timestamp.from(now))
                        .update()
                == 1;
    }
}
