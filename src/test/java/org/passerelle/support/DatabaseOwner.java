package org.passerelle.support;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.passerelle.platform.database.DatabaseProperties;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A connection to the embedded server as its superuser, which can do whatever the schemas' owner can
 * and more, as an attacker with full access to the database would have: one connection, in a
 * transaction the test rolls back.
 */
public final class DatabaseOwner {

    private DatabaseOwner() {}

    public static SingleConnectionDataSource connect(HikariDataSource application, DatabaseProperties properties) {
        Path passwordFile = properties.dataDirectory().toAbsolutePath().resolve("keys/database-superuser.password");
        try {
            SingleConnectionDataSource owner = new SingleConnectionDataSource(
                    application.getJdbcUrl(),
                    "postgres",
                    Files.readString(passwordFile).strip(),
                    true);
            owner.setAutoCommit(false);
            return owner;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
