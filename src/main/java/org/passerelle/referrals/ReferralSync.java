package org.passerelle.referrals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.passerelle.access.Compartment;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.people.PersonAccess;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.CreatedRecords;
import org.passerelle.platform.sync.HeldChanges;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SettledChanges.ChangedRow;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedChange;
import org.passerelle.platform.sync.SyncedRecords;
import org.passerelle.referrals.ReferralChanges.HeldReferral;
import org.passerelle.referrals.ReferralViews.NewReferral;
import org.passerelle.referrals.ReferralViews.Referral;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Referrals as devices hold them: a carer refers a person in a camp offline (through {@link
 * Referrals#refer}, so with the same roles, consent, open destination and audit line as online,
 * and written once under its id), and the devices of the person's carers pull the referrals of the
 * people in care at their sites, with their steps and accompaniments. A referral removed is pulled
 * as erased. The steps that follow (accepted, attended, closed) are recorded online.
 */
@Component
@Order(30)
class ReferralSync implements SyncedRecords {

    static final Set<String> FIELDS =
            Set.of("personId", "serviceId", "reason", "urgency", "consent", "sentOn", "encounterId");

    private final Referrals referrals;
    private final ReferralReads reads;
    private final ReferralRepository repository;
    private final ReferralChanges changes;
    private final CreatedRecords created;
    private final PersonAccess persons;
    private final CurrentUsers currentUsers;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReferralSync(
            Referrals referrals,
            ReferralReads reads,
            ReferralRepository repository,
            ReferralChanges changes,
            CreatedRecords created,
            PersonAccess persons,
            CurrentUsers currentUsers,
            JdbcClient jdbc,
            JsonMapper json) {
        this.referrals = referrals;
        this.reads = reads;
        this.repository = repository;
        this.changes = changes;
        this.created = created;
        this.persons = persons;
        this.currentUsers = currentUsers;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String recordType() {
        return Referrals.RECORD_TYPE;
    }

    @Override
    public Applied apply(Mutation mutation) {
        NewReferral command = created.read(mutation, FIELDS, Map.of("id", mutation.recordId()), NewReferral.class);
        Referral referral = referrals.refer(command);
        return Applied.applied(referral.version(), false, referral.personId());
    }

    @Override
    public ChangePage changesSince(Position after, int limit) {
        List<ChangedRow> rows = SettledChanges.ids(jdbc, "referrals.referral", "true", after, limit);
        CurrentUser user = currentUsers.current();
        List<SyncedChange> page = user.caresForPeople() && user.compartments().contains(Compartment.GENERAL)
                ? HeldChanges.of(
                        recordType(), rows, changes::referrals, persons::writableAmong, user::mayWorkAt, this::upserts)
                : List.of();
        return SettledChanges.page(rows, page, after, limit);
    }

    @Override
    public long resolve(UUID recordId, String field, JsonNode value) {
        throw SyncProblems.unknownField(field);
    }

    /** The referrals kept for the page, read with their steps and accompaniments at once. */
    private Map<UUID, SyncedChange> upserts(List<HeldReferral> kept) {
        Map<UUID, SyncedChange> upserts = new HashMap<>();
        reads.referrals(repository.findAll(kept.stream().map(HeldReferral::id).toList()))
                .forEach((id, referral) -> upserts.put(
                        id, SyncedChange.upsert(recordType(), id, referral.version(), json.valueToTree(referral))));
        return upserts;
    }
}
