package org.passerelle.outreach;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.outreach.SessionRepository.StoredSession;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedChange;
import org.passerelle.platform.sync.SyncedRecords;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outreach sessions as devices hold them: the team going out pulls the sessions of its sites (the
 * day's plan, its team, counts, needs and hand-outs) before leaving; a session removed is pulled as
 * erased. Sessions are planned and their counts written online for now: a push is refused.
 */
@Component
@Order(24)
class SessionSync implements SyncedRecords {

    private record Changed(UUID id, long transaction, long change) {}

    private final OutreachSessions sessions;
    private final SessionRepository repository;
    private final CurrentUsers currentUsers;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    SessionSync(
            OutreachSessions sessions,
            SessionRepository repository,
            CurrentUsers currentUsers,
            JdbcClient jdbc,
            JsonMapper json) {
        this.sessions = sessions;
        this.repository = repository;
        this.currentUsers = currentUsers;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String recordType() {
        return OutreachSessions.RECORD_TYPE;
    }

    @Override
    public Applied apply(Mutation mutation) {
        throw SyncProblems.malformed("recordType");
    }

    @Override
    public ChangePage changesSince(Position after, int limit) {
        List<Changed> rows = jdbc.sql("""
                        select id, change_xid::text::bigint as transaction, change_seq as change
                          from outreach.session
                         where (change_xid, change_seq) > (cast(cast(:transaction as text) as xid8), :change)
                           and change_xid < pg_snapshot_xmin(pg_current_snapshot())
                         order by change_xid, change_seq limit :limit
                        """)
                .param("transaction", after.transaction())
                .param("change", after.change())
                .param("limit", limit)
                .query(Changed.class)
                .list();
        CurrentUser user = currentUsers.current();
        List<SyncedChange> changes = new ArrayList<>();
        for (Changed row : rows) {
            StoredSession stored = repository.find(row.id()).orElse(null);
            if (stored != null && user.mayWorkAt(stored.siteId())) {
                changes.add(
                        stored.deletedAt() != null
                                ? SyncedChange.erased(recordType(), row.id())
                                : SyncedChange.upsert(
                                        recordType(),
                                        row.id(),
                                        stored.version(),
                                        json.valueToTree(sessions.view(stored))));
            }
        }
        Position next = rows.isEmpty()
                ? after
                : new Position(rows.getLast().transaction(), rows.getLast().change());
        return new ChangePage(changes, next, rows.size() == limit);
    }

    @Override
    public long resolve(UUID recordId, String field, JsonNode value) {
        throw SyncProblems.unknownField(field);
    }
}
