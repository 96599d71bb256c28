package org.passerelle.retention;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored retention rules, by record type. */
@Repository
class RuleRepository {

    /** A stored rule. */
    record StoredRule(UUID id, String recordType, int months, boolean enabled, long version) {}

    private final JdbcClient jdbc;

    RuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, StoredRule> all() {
        return jdbc
                .sql("select id, record_type, months, enabled, version from retention.retention_rule")
                .query(StoredRule.class)
                .list()
                .stream()
                .collect(Collectors.toMap(StoredRule::recordType, Function.identity()));
    }

    /** Changes a stored rule if it is still at {@code version}; false when someone changed it since. */
    boolean update(UUID id, int months, boolean enabled, long version, UUID userId) {
        return jdbc.sql("""
                        update retention.retention_rule
                           set months = :months, enabled = :enabled, version = version + 1,
                               updated_at = now(), updated_by = :user
                         where id = :id and version = :version
                        """)
                        .param("id", id)
                        .param("months", months)
                        .param("enabled", enabled)
                        .param("user", userId)
                        .param("version", version)
                        .update()
                == 1;
    }

    /**
     * Stores the first rule of a record type that had none (it was kept for its default), at
     * version 1; false when someone stored one meanwhile.
     */
    boolean insert(UUID id, String recordType, int months, boolean enabled, UUID userId) {
        return jdbc.sql("""
                        insert into retention.retention_rule (id, record_type, months, enabled, version, updated_by)
                        values (:id, :type, :months, :enabled, 1, :user)
                        on conflict (record_type) do nothing
                        """)
                        .param("id", id)
                        .param("type", recordType)
                        .param("months", months)
                        .param("enabled", enabled)
                        .param("user", userId)
                        .update()
                == 1;
    }
}
