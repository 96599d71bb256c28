package org.passerelle.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.DatabaseOwner;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** A database migrated before a migration was rewritten starts as well as a new one. */
@PasserelleTest
class RewrittenMigrationsTest {

    @Autowired
    HikariDataSource application;

    @Autowired
    DatabaseProperties properties;

    /** Migrations run as the owner of the schemas, not as the application's role. */
    SingleConnectionDataSource dataSource;

    JdbcClient jdbc;

    @BeforeEach
    void connectAsTheOwner() {
        dataSource = DatabaseOwner.connect(application, properties);
        dataSource.setAutoCommit(true);
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterEach
    void disconnect() {
        dataSource.destroy();
    }

    @Test
    void acceptsThePeopleMigrationThatNoLongerReadsCareAsAppliedBefore() {
        jdbc.sql("update people.flyway_schema_history set checksum = 1567982686 where version = '2'")
                .update();
        assertThat(validates("people")).as("the old checksum alone is refused").isFalse();

        RewrittenMigrations.accept(dataSource, "people");

        assertThat(validates("people")).isTrue();
        assertThat(jdbc.sql("select checksum from people.flyway_schema_history where version = '2'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(437575531);
    }

    @Test
    void leavesAnyOtherChangeToAnAppliedMigrationRefused() {
        jdbc.sql("update people.flyway_schema_history set checksum = 12345 where version = '2'")
                .update();
        try {
            RewrittenMigrations.accept(dataSource, "people");
            assertThat(validates("people")).isFalse();
        } finally {
            jdbc.sql("update people.flyway_schema_history set checksum = 437575531 where version = '2'")
                    .update();
        }
    }

    private boolean validates(String schema) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .locations("classpath:db/migration/" + schema)
                .load()
                .validateWithResult()
                .validationSuccessful;
    }
}
