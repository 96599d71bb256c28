package org.passerelle.backup;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Loads one database's part of a backup's body (see {@link DatabaseDump}) on a connection of the
 * embedded server's superuser, inside the caller's transaction: the tables of the schemas are
 * emptied together, then each table copied in with its triggers and foreign keys held back
 * ({@code session_replication_role = replica}: the rows are already consistent, and the audit log's
 * append-only triggers would refuse them), then the sequences set. The secondary indexes (those
 * no constraint needs) are dropped before the rows go in and built again after, once per index
 * rather than row by row: on a large registry that is most of the loading time. Nothing is
 * committed here: a failed restore leaves the indexes as they were.
 */
final class DatabaseLoad {

    private DatabaseLoad() {}

    /**
     * Reads the entries of the database {@code expected} from {@code in} into {@code connection};
     * returns the rows loaded per table.
     */
    static Map<String, Long> load(DataInputStream in, String expected, Connection connection, List<String> schemas)
            throws IOException, SQLException {
        String kind = in.readUTF();
        String name = in.readUTF();
        if (!DatabaseDump.DATABASE.equals(kind) || !expected.equals(name)) {
            throw BackupException.corrupted("the database " + expected + " is missing");
        }
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        jdbc.sql("set local session_replication_role = replica").update();
        List<String> tables = schemas.stream()
                .flatMap(schema -> DatabaseDump.tables(jdbc, schema).stream())
                .map(DatabaseDump.Table::name)
                .toList();
        if (!tables.isEmpty()) {
            jdbc.sql("truncate " + String.join(", ", tables)).update();
        }
        List<String> indexes = dropSecondaryIndexes(jdbc, schemas);
        Map<String, Long> counts = new LinkedHashMap<>();
        PGConnection postgres = connection.unwrap(PGConnection.class);
        for (String entry = in.readUTF(); !DatabaseDump.END.equals(entry); entry = in.readUTF()) {
            switch (entry) {
                case DatabaseDump.TABLE -> {
                    String table = in.readUTF();
                    requireKnown(tables, table);
                    String columns = in.readUTF();
                    long rows;
                    try (InputStream frames = Framed.reader(in)) {
                        rows = postgres.getCopyAPI()
                                .copyIn("copy " + table + " (" + columns + ") from stdin (format binary)", frames);
                    }
                    if (rows != in.readLong()) {
                        throw BackupException.corrupted("the rows of " + table);
                    }
                    counts.put(table, rows);
                }
                case DatabaseDump.SEQUENCE -> {
                    String sequence = in.readUTF();
                    long value = in.readLong();
                    boolean called = in.readBoolean();
                    jdbc.sql("select setval(?::regclass, ?, ?)")
                            .param(sequence)
                            .param(value)
                            .param(called)
                            .query(Long.class)
                            .single();
                }
                default -> throw BackupException.corrupted("an unknown entry");
            }
        }
        jdbc.sql("set local maintenance_work_mem = '256MB'").update();
        for (String definition : indexes) {
            jdbc.sql(definition).update();
        }
        return counts;
    }

    /** Drops the indexes of the schemas that back no constraint; returns the statements that build them again. */
    private static List<String> dropSecondaryIndexes(JdbcClient jdbc, List<String> schemas) {
        List<String> definitions = new ArrayList<>();
        for (String schema : schemas) {
            List<Map<String, Object>> indexes = jdbc.sql("""
                            select quote_ident(n.nspname) || '.' || quote_ident(ic.relname) as name,
                                   pg_get_indexdef(i.indexrelid) as definition
                            from pg_index i
                            join pg_class ic on ic.oid = i.indexrelid
                            join pg_class c on c.oid = i.indrelid
                            join pg_namespace n on n.oid = c.relnamespace
                            where n.nspname = ? and c.relkind = 'r' and c.relname <> ?
                              and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                            order by ic.relname
                            """)
                    .param(schema)
                    .param(DatabaseDump.HISTORY)
                    .query()
                    .listOfRows();
            for (Map<String, Object> index : indexes) {
                jdbc.sql("drop index " + index.get("name")).update();
                definitions.add((String) index.get("definition"));
            }
        }
        return definitions;
    }

    private static void requireKnown(List<String> tables, String table) {
        if (!tables.contains(table)) {
            throw BackupException.corrupted("a table this version does not have: " + table);
        }
    }
}
