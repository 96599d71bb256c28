package org.passerelle.platform.database;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pushes what was just deleted out of the server's write-ahead log: the vault's dead rows are
 * vacuumed (so that no later page image carries a deleted key), then a checkpoint, a switch to a
 * new WAL segment and a second checkpoint let the server remove the segments that held the deleted
 * rows. The embedded server runs with {@code wal_recycle=off}, so those segments are deleted rather
 * than renamed and reused with their old contents. An external server needs the {@code
 * pg_checkpoint} role and the right to call {@code pg_switch_wal()}; its WAL archive and backups are
 * its operator's, and the rotation of the key epochs is what reaches them.
 */
@Component
public class WriteAheadLog {

    private static final Logger log = LoggerFactory.getLogger(WriteAheadLog.class);

    private final JdbcTemplate data;
    private final JdbcTemplate vault;
    private final boolean sameServer;

    WriteAheadLog(DataSource dataSource, VaultDatabase vault, DatabaseProperties properties) {
        this.data = new JdbcTemplate(dataSource);
        this.vault = new JdbcTemplate(vault.dataSource());
        this.sameServer = !properties.isExternal()
                || properties.keysUrl() == null
                || properties.keysUrl().isBlank();
    }

    /** Vacuums the vault, then checkpoints and switches the WAL of the vault's and the data's servers. */
    public void flush() {
        try {
            vault.execute("vacuum vault.subject_key");
            checkpointAndSwitch(vault);
            if (!sameServer) {
                checkpointAndSwitch(data);
            }
        } catch (DataAccessException e) {
            log.warn(
                    "Could not checkpoint and switch the write-ahead log ({}): grant the pg_checkpoint role and "
                            + "execute on pg_switch_wal() to the application's database user",
                    e.getClass().getSimpleName());
        }
    }

    private static void checkpointAndSwitch(JdbcTemplate server) {
        server.execute("checkpoint");
        server.queryForObject("select pg_switch_wal()::text", String.class);
        server.execute("checkpoint");
    }
}
