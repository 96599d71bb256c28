package org.passerelle.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applied migrations whose file was later changed on purpose, each with the checksum Flyway recorded
 * for the old file and the one of the new file. Flyway refuses to start when an applied migration's
 * checksum differs; this records the new checksum in a module's history, only where the old one is
 * there, before that module is migrated. Any other change to an applied migration is still refused.
 */
final class RewrittenMigrations {

    private static final Logger log = LoggerFactory.getLogger(RewrittenMigrations.class);

    /** One migration of one module's history: version, checksum of the old file, of the new one. */
    private record Rewritten(String schema, String version, int oldChecksum, int newChecksum) {}

    private static final List<Rewritten> REWRITTEN = List.of(
            // people V2 filled person_site from care.encounter too; care's V6.1 does that now
            new Rewritten("people", "2", 1567982686, 437575531));

    private RewrittenMigrations() {}

    static void accept(DataSource dataSource, String schema) {
        for (Rewritten migration : REWRITTEN) {
            if (migration.schema().equals(schema)) {
                accept(dataSource, migration);
            }
        }
    }

    private static void accept(DataSource dataSource, Rewritten migration) {
        String history = migration.schema() + ".flyway_schema_history";
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection, history)) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update " + history + " set checksum = ? where version = ? and checksum = ?")) {
                update.setInt(1, migration.newChecksum());
                update.setString(2, migration.version());
                update.setInt(3, migration.oldChecksum());
                if (update.executeUpdate() > 0) {
                    log.info(
                            "Migration {} V{} rewritten: new checksum recorded",
                            migration.schema(),
                            migration.version());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the new checksum of a rewritten migration", e);
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select to_regclass(?) is not null")) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
