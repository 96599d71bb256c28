package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PasserelleTest
class EmbeddedDatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HikariDataSource dataSource;

    @Test
    void makesEveryCommitDurable() {
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    @Test
    void listensOnlyOnTheLoopbackInterfaceInUtc() {
        assertThat(setting("listen_addresses")).isEqualTo("localhost");
        assertThat(setting("TimeZone")).endsWith("UTC");
    }

    @Test
    void keepsEachModuleInItsOwnSchema() {
        assertThat(jdbc.sql("select count(*) from information_schema.schemata where schema_name in "
                                + "('sites', 'access', 'audit', 'people', 'care')")
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void runsAsARoleThatOwnsNothingAndAsksEveryConnectionForAPassword() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("passerelle_app");
        assertThat(jdbc.sql(
                                "select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user")
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(jdbc.sql("select count(*) from pg_class c join pg_roles r on r.oid = c.relowner"
                                + " where r.rolname = current_user")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(setting("password_encryption")).isEqualTo("scram-sha-256");
        assertThatThrownBy(() -> DriverManager.getConnection(dataSource.getJdbcUrl(), "postgres", "guess"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> DriverManager.getConnection(dataSource.getJdbcUrl(), "passerelle_app", ""))
                .isInstanceOf(SQLException.class);
    }

    private String setting(String name) {
        return jdbc.sql("select current_setting(?)")
                .param(name)
                .query(String.class)
                .single();
    }
}
