package org.passerelle.outbreaks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.outbreaks.OutbreakViews.NewOutbreakCase;
import org.passerelle.outbreaks.OutbreakViews.OutbreakCase;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.CreatedRecords;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SettledChanges.ChangedRow;
import org.passerelle.platform.sync.SyncedChange;
import org.passerelle.platform.sync.SyncedRecords;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Line-list cases as devices hold them: a clinician records a case offline (through {@link
 * Cases#record}, so with the same rules, scope and audit line as online, and written once under its
 * id), and every device of a line-list reader pulls the cases of the sites they work at. A case
 * removed by its tombstone is pulled as erased; an erased person's case comes back without its link.
 * A case's course changed on a device is merged field by field ({@link CaseUpdates}).
 */
@Component
@Order(20)
class CaseSync implements SyncedRecords {

    static final Set<String> FIELDS = Set.of(
            "disease",
            "outreachLocationId",
            "personId",
            "sex",
            "ageYears",
            "ageGroup",
            "classification",
            "onsetOn",
            "admittedOn",
            "rapidTest",
            "labResult",
            "severity",
            "outcome",
            "outcomeOn",
            "latitude",
            "longitude");

    private final Cases cases;
    private final CaseUpdates updates;
    private final CaseRepository repository;
    private final CreatedRecords created;
    private final CurrentUsers currentUsers;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    CaseSync(
            Cases cases,
            CaseUpdates updates,
            CaseRepository repository,
            CreatedRecords created,
            CurrentUsers currentUsers,
            JdbcClient jdbc,
            JsonMapper json) {
        this.cases = cases;
        this.updates = updates;
        this.repository = repository;
        this.created = created;
        this.currentUsers = currentUsers;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String recordType() {
        return Cases.RECORD_TYPE;
    }

    @Override
    public Applied apply(Mutation mutation) {
        if (mutation.operation() == Mutation.Operation.UPDATE) {
            return updates.apply(mutation);
        }
        NewOutbreakCase command = created.read(
                mutation,
                FIELDS,
                Map.of("id", mutation.recordId(), "siteId", mutation.siteId()),
                NewOutbreakCase.class);
        OutbreakCase recorded = cases.record(command);
        return Applied.applied(recorded.version(), false, CaseUpdates.subject(recorded));
    }

    @Override
    public ChangePage changesSince(Position after, int limit) {
        List<ChangedRow> rows = SettledChanges.ids(jdbc, "outbreaks.outbreak_case", "true", after, limit);
        CurrentUser user = currentUsers.current();
        Map<UUID, CaseRepository.Held> held = new HashMap<>();
        if (user.hasAnyRole(Role.CLINICIAN, Role.COORDINATOR, Role.DATA_OFFICER)) {
            repository
                    .held(rows.stream().map(ChangedRow::id).toList())
                    .forEach(one -> held.put(one.value().id(), one));
        }
        List<SyncedChange> changes = new ArrayList<>();
        for (ChangedRow row : rows) {
            CaseRepository.Held one = held.get(row.id());
            if (one != null && user.mayWorkAt(one.value().siteId())) {
                changes.add(
                        one.removed()
                                ? SyncedChange.erased(recordType(), row.id())
                                : SyncedChange.upsert(
                                        recordType(), row.id(), one.value().version(), json.valueToTree(one.value())));
            }
        }
        return SettledChanges.page(rows, changes, after, limit);
    }

    @Override
    public long resolve(UUID recordId, String field, JsonNode value) {
        return updates.resolve(recordId, field, value);
    }
}
