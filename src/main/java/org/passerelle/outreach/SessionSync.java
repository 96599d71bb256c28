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
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SettledChanges.ChangedRow;
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
        List<ChangedRow> rows = SettledChanges.ids(jdbc, "outreach.session", "true", after, limit);
        CurrentUser user = currentUsers.current();
        List<SyncedChange> changes = new ArrayList<>();
        for (ChangedRow row : rows) {
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
        return SettledChanges.page(rows, changes, after, limit);
    }

    @Override
    public long resolve(UUID recordId, String field, JsonNode value) {
        throw SyncProblems.unknownField(field);
    }
}
