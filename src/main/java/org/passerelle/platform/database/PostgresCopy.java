package org.passerelle.platform.database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

/**
 * Rows written to one table with PostgreSQL's {@code COPY ... FROM STDIN}, the fastest way to
 * load many rows. Values are collected in COPY's text format, then sent in one stream on the
 * connection of the current Spring transaction, so that the rows commit or roll back with it.
 * Columns left out take their defaults.
 */
public final class PostgresCopy {

    private final String table;
    private final String sql;
    private final int columns;
    private final StringBuilder buffer = new StringBuilder(1 << 16);
    private int valuesInRow;
    private long rows;

    private PostgresCopy(String table, List<String> columns) {
        this.table = table;
        this.columns = columns.size();
        this.sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
    }

    /** A copy into {@code table} (schema-qualified) of these columns, in this order. */
    public static PostgresCopy into(String table, String... columns) {
        return new PostgresCopy(table, List.of(columns));
    }

    /**
     * Adds the next value of the current row: {@code null} is SQL null, a collection becomes an
     * array, bytes become {@code bytea}, anything else is written as its {@code toString()} (ISO-8601 for dates and instants).
     */
    public PostgresCopy value(@Nullable Object value) {
        if (valuesInRow > 0) {
            buffer.append('\t');
        }
        if (value == null) {
            buffer.append("\\N");
        } else if (value instanceof Collection<?> elements) {
            appendArray(elements);
        } else if (value instanceof byte[] bytes) {
            appendEscaped("\\x" + HexFormat.of().formatHex(bytes));
        } else {
            appendEscaped(value.toString());
        }
        valuesInRow++;
        return this;
    }

    /** Ends the current row; refuses a row with too few or too many values. */
    public PostgresCopy endRow() {
        if (valuesInRow != columns) {
            throw new IllegalStateException(
                    "row of " + valuesInRow + " values for " + columns + " columns of " + table);
        }
        buffer.append('\n');
        valuesInRow = 0;
        rows++;
        return this;
    }

    public long rows() {
        return rows;
    }

    /** Sends the rows on the current transaction's connection (or a connection of its own outside one). */
    public long execute(DataSource dataSource) {
        if (rows == 0) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            DataAccessException translated =
                    new SQLErrorCodeSQLExceptionTranslator(dataSource).translate("copy", sql, e);
            throw translated != null ? translated : new IllegalStateException("copy into " + table + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void appendArray(Collection<?> elements) {
        StringBuilder array = new StringBuilder("{");
        for (Object element : elements) {
            if (array.length() > 1) {
                array.append(',');
            }
            array.append('"');
            String text = element.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    array.append('\\');
                }
                array.append(c);
            }
            array.append('"');
        }
        appendEscaped(array.append('}').toString());
    }

    private void appendEscaped(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                case '\t' -> buffer.append("\\t");
                default -> buffer.append(c);
            }
        }
    }
}
