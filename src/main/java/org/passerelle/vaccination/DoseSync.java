package org.passerelle.vaccination;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.passerelle.people.PersonAccess;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.CreatedRecords;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedChange;
import org.passerelle.platform.sync.SyncedRecords;
import org.passerelle.vaccination.DoseRepository.Held;
import org.passerelle.vaccination.VaccinationViews.NewVaccineDose;
import org.passerelle.vaccination.VaccinationViews.VaccineDose;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Doses as devices hold them: a clinician records a dose offline, in routine care or in a campaign,
 * through {@link Doses#record} (the same schedule, interval, scope and audit line as online, written
 * once under its id; a dose given at the site the device worked at unless it says another), and
 * every device pulls the doses of the persons its user may write about. A dose removed by mistake is
 * pulled as erased. Removing a dose is done online.
 */
@Component
@Order(21)
class DoseSync implements SyncedRecords {

    static final Set<String> FIELDS =
            Set.of("personId", "vaccineCode", "doseNumber", "lot", "givenOn", "siteId", "campaignId");

    private final Doses doses;
    private final DoseRepository repository;
    private final CreatedRecords created;
    private final PersonAccess persons;
    private final JsonMapper json;

    DoseSync(Doses doses, DoseRepository repository, CreatedRecords created, PersonAccess persons, JsonMapper json) {
        this.doses = doses;
        this.repository = repository;
        this.created = created;
        this.persons = persons;
        this.json = json;
    }

    @Override
    public String recordType() {
        return Doses.RECORD_TYPE;
    }

    @Override
    public Applied apply(Mutation mutation) {
        Map<String, Object> server = new HashMap<>(Map.of("id", mutation.recordId()));
        if (!mutation.changes().containsKey("siteId")) {
            server.put("siteId", mutation.siteId());
        }
        VaccineDose given = doses.record(created.read(mutation, FIELDS, server, NewVaccineDose.class));
        return Applied.applied(given.version(), false, given.personId());
    }

    @Override
    public ChangePage changesSince(Position after, int limit) {
        List<Held> rows = repository.changedSince(after, limit);
        Set<UUID> writable = persons.writableAmong(
                rows.stream().map(row -> row.dose().personId()).distinct().toList());
        List<SyncedChange> changes = new ArrayList<>();
        for (Held row : rows) {
            VaccineDose dose = row.dose();
            if (writable.contains(dose.personId())) {
                changes.add(
                        row.removed()
                                ? SyncedChange.erased(recordType(), dose.id())
                                : SyncedChange.upsert(recordType(), dose.id(), dose.version(), json.valueToTree(dose)));
            }
        }
        return SettledChanges.page(rows, changes, after, limit);
    }

    @Override
    public long resolve(UUID recordId, String field, JsonNode value) {
        throw SyncProblems.unknownField(field);
    }
}
