package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PasserelleTest
class EmbeddedDatabaseTest {

    @Autowired
    JdbcClient jdbc;

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

    private String setting(String name) {
        return jdbc.sql("select current_setting(?)")
                .param(name)
                .query(String.class)
                .single();
    }
}
