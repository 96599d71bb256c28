package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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
    void keepsEachModuleInItsOwnSchemaWithItsOwnHistory() throws IOException {
        List<String> modules = migrationFolders();
        assertThat(modules).contains("sites", "access", "audit", "people", "care", "retention", "reporting");
        List<String> migrated = jdbc.sql("select table_schema from information_schema.tables"
                        + " where table_name = 'flyway_schema_history' order by 1")
                .query(String.class)
                .list();
        assertThat(migrated).containsAll(modules);
    }

    /** The modules with migrations: the folders under {@code db/migration}. */
    private static List<String> migrationFolders() throws IOException {
        Resource[] migrations =
                new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/*.sql");
        return Arrays.stream(migrations)
                .map(migration -> {
                    try {
                        String[] path = migration.getURI().toString().split("/");
                        return path[path.length - 2];
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .distinct()
                .sorted()
                .toList();
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
                                + " where r.rolname = current_user and c.relpersistence <> 't'")
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

    @Test
    void migratesAsAnOwnerThatIsNotASuperuserAndOwnsEveryModuleSchema() {
        assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles"
                                + " where rolname = 'passerelle_owner'")
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(jdbc.sql("select pg_get_userbyid(datdba) from pg_database where datname = current_database()")
                        .query(String.class)
                        .single())
                .isEqualTo("passerelle_owner");
        assertThat(jdbc.sql("select n.nspname from pg_namespace n where n.nspname in ('audit', 'people', 'access')"
                                + " and pg_get_userbyid(n.nspowner) <> 'passerelle_owner'")
                        .query(String.class)
                        .list())
                .isEmpty();
        assertThat(jdbc.sql("""
                        select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
                          join pg_roles r on r.oid = c.relowner
                         where r.rolsuper and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                        union all
                        select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                          join pg_roles r on r.oid = p.proowner
                         where r.rolsuper and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                           and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                                            and d.objid = p.oid and d.deptype = 'e')
                        """).query(String.class).list())
                .as("objects of the modules owned by a superuser (a trusted extension's functions aside)")
                .isEmpty();
        assertThat(jdbc.sql("select pg_get_userbyid(proowner) from pg_proc where proname = 'purge_prefix'")
                        .query(String.class)
                        .single())
                .as("the audit log's purge runs as the owner, not as a superuser")
                .isEqualTo("passerelle_owner");
    }

    private String setting(String name) {
        return jdbc.sql("select current_setting(?)")
                .param(name)
                .query(String.class)
                .single();
    }
}
