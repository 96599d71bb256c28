package org.passerelle.referrals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.people.PersonAccess;
import org.passerelle.platform.crypto.SubjectKeys;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.CreatedRecords;
import org.passerelle.platform.sync.FieldChange;
import org.passerelle.platform.sync.HeldChanges;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SettledChanges.ChangedRow;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedChange;
import org.passerelle.platform.sync.SyncedRecords;
import org.passerelle.referrals.ReferralChanges.HeldAccompaniment;
import org.passerelle.referrals.ReferralViews.AccompanimentOutcome;
import org.passerelle.referrals.ReferralViews.NewAccompaniment;
import org.passerelle.referrals.ReferralViews.Referral;
import org.passerelle.referrals.ReferralViews.Transport;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accompaniments as devices hold them: who went with the person to the referral's service, recorded
 * in the camp offline (through {@link Referrals#accompany}, so checked against the referral and
 * audited as online, and written once under its id), and pulled by the devices of the person's
 * carers like the referral they belong to. Pulled after referrals, so a device holds the referral
 * first.
 */
@Component
@Order(31)
class AccompanimentSync implements SyncedRecords {

    static final Set<String> FIELDS = Set.of("occurredOn", "companions", "transport", "minutes", "outcome", "note");

    /** An accompaniment as a device holds it. */
    record OfflineAccompaniment(
            UUID id,
            UUID referralId,
            UUID personId,
            LocalDate occurredOn,
            String companions,
            Transport transport,
            int minutes,
            AccompanimentOutcome outcome,
            @Nullable String note,
            long version) {}

    private final Referrals referrals;
    private final ReferralChanges changes;
    private final CreatedRecords created;
    private final PersonAccess persons;
    private final CurrentUsers currentUsers;
    private final SubjectKeys keys;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    AccompanimentSync(
            Referrals referrals,
            ReferralChanges changes,
            CreatedRecords created,
            PersonAccess persons,
            CurrentUsers currentUsers,
            SubjectKeys keys,
            JdbcClient jdbc,
            JsonMapper json) {
        this.referrals = referrals;
        this.changes = changes;
        this.created = created;
        this.persons = persons;
        this.currentUsers = currentUsers;
        this.keys = keys;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String recordType() {
        return Referrals.ACCOMPANIMENT;
    }

    /** The referral is named by the mutation's {@code referralId}; the rest is the online command. */
    @Override
    public Applied apply(Mutation mutation) {
        FieldChange referral = mutation.changes().get("referralId");
        UUID referralId = uuid(referral == null ? null : referral.value());
        Map<String, FieldChange> rest = new HashMap<>(mutation.changes());
        rest.remove("referralId");
        Mutation accompaniment = new Mutation(
                mutation.mutationId(),
                mutation.recordType(),
                mutation.recordId(),
                mutation.operation(),
                mutation.baseVersion(),
                mutation.siteId(),
                mutation.deviceTime(),
                mutation.deviceId(),
                rest);
        NewAccompaniment command =
                created.read(accompaniment, FIELDS, Map.of("id", mutation.recordId()), NewAccompaniment.class);
        Referral accompanied = referrals.accompany(referralId, command);
        return Applied.applied(1, false, accompanied.personId());
    }

    @Override
    public ChangePage changesSince(Position after, int limit) {
        List<ChangedRow> rows = SettledChanges.ids(jdbc, "referrals.accompaniment", "true", after, limit);
        CurrentUser user = currentUsers.current();
        List<SyncedChange> page = user.caresForPeople() && user.compartments().contains(Compartment.GENERAL)
                ? HeldChanges.of(
                        recordType(),
                        rows,
                        changes::accompaniments,
                        persons::writableAmong,
                        user::mayWorkAt,
                        kept -> kept.stream()
                                .collect(Collectors.toMap(
                                        HeldAccompaniment::id,
                                        one -> SyncedChange.upsert(
                                                recordType(), one.id(), one.version(), json.valueToTree(view(one))))))
                : List.of();
        return SettledChanges.page(rows, page, after, limit);
    }

    @Override
    public long resolve(UUID recordId, String field, JsonNode value) {
        throw SyncProblems.unknownField(field);
    }

    private OfflineAccompaniment view(HeldAccompaniment one) {
        return new OfflineAccompaniment(
                one.id(),
                one.referralId(),
                one.personId(),
                one.occurredOn(),
                one.companions(),
                one.transport(),
                one.minutes(),
                one.outcome(),
                keys.keyFor(one.personId()).openNullable("accompaniment.note", one.note()),
                one.version());
    }

    private static UUID uuid(@Nullable JsonNode value) {
        if (value == null || !value.isString()) {
            throw SyncProblems.malformed("referralId");
        }
        try {
            return UUID.fromString(value.asString());
        } catch (IllegalArgumentException e) {
            throw SyncProblems.malformed("referralId");
        }
    }
}
