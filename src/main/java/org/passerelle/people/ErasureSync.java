package org.passerelle.people;

import java.util.List;
import java.util.UUID;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SettledChanges.Positioned;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedChange;
import org.passerelle.platform.sync.SyncedRecords;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Erasures, pulled before anything else so that a device forgets an erased person at once. Every
 * device receives every erasure whatever its scope: the id of an erased person tells nothing of
 * them, and a device may hold a person who left its scope since. Devices never push erasures.
 */
@Component
@Order(1)
class ErasureSync implements SyncedRecords {

    private record Erased(UUID personId, long transaction, long change) implements Positioned {}

    private final JdbcClient jdbc;

    ErasureSync(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String recordType() {
        return "person-erasure";
    }

    @Override
    public Applied apply(Mutation mutation) {
        throw SyncProblems.unknownRecordType();
    }

    @Override
    public ChangePage changesSince(Position after, int limit) {
        List<Erased> rows = SettledChanges.bind(
                        jdbc.sql("select person_id, " + SettledChanges.POSITION + " from people.erasure where "
                                + SettledChanges.AFTER),
                        after,
                        limit)
                .query(Erased.class)
                .list();
        return SettledChanges.page(
                rows,
                rows.stream()
                        .map(row -> SyncedChange.erased(PersonRegistry.RECORD_TYPE, row.personId()))
                        .toList(),
                after,
                limit);
    }

    @Override
    public long resolve(UUID recordId, String field, JsonNode value) {
        throw SyncProblems.unknownRecordType();
    }
}
