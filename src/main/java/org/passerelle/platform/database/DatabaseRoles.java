package org.passerelle.platform.database;

import java.util.Collection;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the application's role may do, granted by the owner after each migration: read and write
 * the modules' tables, but only read and append to the audit log. It owns no table, so it cannot
 * disable a trigger, and it cannot change or remove an audit line: retention removes the expired
 * ones through {@code audit.purge_prefix}, a function that runs as the owner.
 */
final class DatabaseRoles {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String AUDIT = "audit";

    private DatabaseRoles() {}

    /** Grants {@code app} its rights on {@code schemas}, through the owner's {@code dataSource}. */
    static void grant(DataSource dataSource, String app, Collection<String> schemas) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String role = quoted(jdbc, app);
        boolean maintain = Boolean.TRUE.equals(
                jdbc.queryForObject("select current_setting('server_version_num')::int >= 170000", Boolean.class));
        for (String schema : schemas) {
            if (!NAME.matcher(schema).matches()) {
                throw new IllegalStateException("unexpected schema name " + schema);
            }
            jdbc.execute("grant usage on schema " + schema + " to " + role);
            jdbc.execute("grant usage, select, update on all sequences in schema " + schema + " to " + role);
            jdbc.execute("grant execute on all functions in schema " + schema + " to " + role);
            if (schema.equals(AUDIT)) {
                jdbc.execute("revoke all on all tables in schema audit from " + role);
                jdbc.execute("grant select on all tables in schema audit to " + role);
                jdbc.execute("grant insert on audit.audit_event, audit.audit_seal, audit.audit_pending to " + role);
                jdbc.execute("grant delete on audit.audit_pending to " + role);
            } else {
                jdbc.execute("grant select, insert, update, delete, truncate on all tables in schema " + schema + " to "
                        + role);
                if (maintain) {
                    jdbc.execute("grant maintain on all tables in schema " + schema + " to " + role);
                }
                jdbc.execute(
                        "revoke insert, update, delete, truncate on " + schema + ".flyway_schema_history from " + role);
            }
        }
        log.info("Database rights of the application's role granted on {}", schemas);
    }

    private static String quoted(JdbcTemplate jdbc, String name) {
        return Objects.requireNonNull(jdbc.queryForObject("select quote_ident(?)", String.class, name));
    }
}
