package org.passerelle.backup;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Writes every table of some schemas into a backup's body, in one read-only snapshot of the
 * database (repeatable read), with PostgreSQL's binary {@code COPY}: for each table its name, its
 * columns, the rows and their count; then each sequence's value. The Flyway history is not copied:
 * a restore migrates the new database itself, to the same migrations (checked against the header).
 *
 * <p>Body entries: {@code database <name>}, {@code table <schema.table> <columns>} with the framed
 * rows and their count, {@code sequence <schema.sequence> <value> <called>}, {@code end}.
 */
final class DatabaseDump {

    static final String DATABASE = "database";
    static final String TABLE = "table";
    static final String SEQUENCE = "sequence";
    static final String END = "end";
    static final String HISTORY = "flyway_schema_history";

    private DatabaseDump() {}

    /** Writes {@code schemas} of {@code dataSource}'s database as {@code name}; returns rows per table. */
    static Map<String, Long> write(DataOutputStream out, String name, DataSource dataSource, List<String> schemas)
            throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                out.writeUTF(DATABASE);
                out.writeUTF(name);
                for (String schema : schemas) {
                    for (Table table : tables(jdbc, schema)) {
                        counts.put(table.name(), copyOut(out, connection, table));
                    }
                    writeSequences(out, jdbc, schema);
                }
                out.writeUTF(END);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("could not read the database " + name + ": " + e.getMessage(), e);
        }
        return counts;
    }

    private static long copyOut(DataOutputStream out, Connection connection, Table table)
            throws SQLException, IOException {
        out.writeUTF(TABLE);
        out.writeUTF(table.name());
        out.writeUTF(table.columns());
        long rows;
        try (OutputStream frames = Framed.writer(out)) {
            rows = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("copy " + table.name() + " (" + table.columns() + ") to stdout (format binary)", frames);
        }
        out.writeLong(rows);
        return rows;
    }

    private static void writeSequences(DataOutputStream out, JdbcClient jdbc, String schema) throws IOException {
        List<String> sequences = jdbc.sql("select sequencename from pg_sequences where schemaname = ? order by 1")
                .param(schema)
                .query(String.class)
                .list();
        for (String sequence : sequences) {
            String qualified = quoted(schema) + "." + quoted(sequence);
            SequenceValue value = jdbc.sql("select last_value, is_called from " + qualified)
                    .query((rs, row) -> new SequenceValue(rs.getLong(1), rs.getBoolean(2)))
                    .single();
            out.writeUTF(SEQUENCE);
            out.writeUTF(qualified);
            out.writeLong(value.lastValue());
            out.writeBoolean(value.called());
        }
    }

    private record SequenceValue(long lastValue, boolean called) {}

    /** A table of {@code schema} with its stored columns (not generated ones), in order. */
    record Table(String name, String columns) {}

    static List<Table> tables(JdbcClient jdbc, String schema) {
        return jdbc.sql("""
                        select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name,
                               string_agg(quote_ident(a.attname), ', ' order by a.attnum) as columns
                        from pg_class c
                        join pg_namespace n on n.oid = c.relnamespace
                        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                                            and a.attgenerated = ''
                        where n.nspname = ? and c.relkind = 'r' and c.relname <> ?
                        group by n.nspname, c.relname
                        order by c.relname
                        """)
                .param(schema)
                .param(HISTORY)
                .query((rs, row) -> new Table(rs.getString("name"), rs.getString("columns")))
                .list();
    }

    /** The last successful migration of each schema. */
    static Map<String, String> migrations(JdbcClient jdbc, List<String> schemas) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String schema : schemas) {
            versions.put(
                    schema,
                    jdbc.sql("select coalesce(max(version), '') from (select version from " + quoted(schema) + "."
                                    + HISTORY + " where success and version is not null"
                                    + " order by installed_rank desc limit 1) last")
                            .query(String.class)
                            .single());
        }
        return versions;
    }

    private static String quoted(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("unexpected name " + name);
        }
        return name;
    }
}
