package org.passerelle.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * The key vault's own small connection pool, apart from the data's: with the embedded server the
 * vault is a separate database, so dumps and backups of the data never hold the keys.
 */
public final class VaultDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;

    VaultDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
