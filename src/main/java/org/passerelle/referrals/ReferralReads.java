package org.passerelle.referrals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.passerelle.access.Compartment;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonAccess;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.passerelle.referrals.ReferralRepository.AccompanimentRow;
import org.passerelle.referrals.ReferralRepository.Row;
import org.passerelle.referrals.ReferralRepository.StepRow;
import org.passerelle.referrals.ReferralViews.Accompaniment;
import org.passerelle.referrals.ReferralViews.Referral;
import org.passerelle.referrals.ReferralViews.Step;
import org.passerelle.referrals.ReferralViews.ToFollow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading referrals: a person's, for a carer who opens the general compartment of their file (with
 * an audit line), and the "to follow" list of the user's current site, overdue ones first.
 */
@Service
public class ReferralReads {

    private static final int TO_FOLLOW_LIMIT = 300;

    private final PersonAccess personAccess;
    private final CurrentUsers currentUsers;
    private final PersonRegistry registry;
    private final ReferralRepository referrals;
    private final SubjectKeys keys;
    private final AuditLog audit;
    private final Clock clock;

    ReferralReads(
            PersonAccess personAccess,
            CurrentUsers currentUsers,
            PersonRegistry registry,
            ReferralRepository referrals,
            SubjectKeys keys,
            AuditLog audit,
            Clock clock) {
        this.personAccess = personAccess;
        this.currentUsers = currentUsers;
        this.registry = registry;
        this.referrals = referrals;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** A person's referrals, newest first. */
    @Transactional
    public List<Referral> ofPerson(UUID personId) {
        requireReader(personId);
        audit.record(AuditAction.READ, Referrals.RECORD_TYPE, personId);
        return referrals.ofPerson(personId).stream().map(this::referral).toList();
    }

    /** One referral, for a carer who reads the person's general compartment. */
    @Transactional
    public Referral get(UUID id) {
        Row row = referrals.find(id).orElseThrow(ReferralProblems::referralNotFound);
        requireReader(row.personId());
        audit.record(AuditAction.READ, Referrals.RECORD_TYPE, id);
        return referral(row);
    }

    /** The open referrals of the current site, those past the day to check them first. */
    @Transactional
    public List<ToFollow> toFollow() {
        CurrentUser user = currentUsers.current();
        if (!user.caresForPeople()) {
            throw DomainException.roleNotAllowed();
        }
        if (!user.compartments().contains(Compartment.GENERAL)) {
            throw DomainException.roleNotAllowed();
        }
        List<Row> rows = referrals.toFollow(user.requireCurrentSite(), TO_FOLLOW_LIMIT);
        Map<UUID, PersonSummary> people = registry.summariesForWorkList(
                rows.stream().map(Row::personId).distinct().toList());
        LocalDate today = LocalDate.now(clock);
        return rows.stream()
                .map(row -> {
                    PersonSummary person = people.get(row.personId());
                    return new ToFollow(
                            row.id(),
                            row.personId(),
                            person == null ? null : person.chosenName(),
                            person == null ? null : person.patientCode(),
                            row.serviceName(),
                            row.serviceKind(),
                            row.urgency(),
                            row.status(),
                            row.sentOn(),
                            row.followBy(),
                            row.followBy().isBefore(today),
                            row.version());
                })
                .toList();
    }

    /** A referral with its reason, steps and accompaniments opened with the person's key. */
    Referral referral(Row row) {
        return referral(row, referrals.steps(row.id()), referrals.accompaniments(row.id()));
    }

    /** The referrals of {@code rows} by id, their steps and accompaniments read for all at once. */
    Map<UUID, Referral> referrals(List<Row> rows) {
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<StepRow>> steps =
                referrals.steps(ids).stream().collect(Collectors.groupingBy(StepRow::referralId));
        Map<UUID, List<AccompanimentRow>> accompaniments =
                referrals.accompaniments(ids).stream().collect(Collectors.groupingBy(AccompanimentRow::referralId));
        Map<UUID, Referral> read = new HashMap<>();
        for (Row row : rows) {
            read.put(
                    row.id(),
                    referral(
                            row,
                            steps.getOrDefault(row.id(), List.of()),
                            accompaniments.getOrDefault(row.id(), List.of())));
        }
        return read;
    }

    private Referral referral(Row row, List<StepRow> stepRows, List<AccompanimentRow> accompanimentRows) {
        DataKey key = keys.keyFor(row.personId());
        List<Step> steps = stepRows.stream()
                .map(s -> new Step(
                        s.status(),
                        s.occurredOn(),
                        key.openNullable("referral.step.note", s.note()),
                        s.recordedAt(),
                        s.recordedBy()))
                .toList();
        List<Accompaniment> accompaniments = accompanimentRows.stream()
                .map(a -> new Accompaniment(
                        a.id(),
                        a.occurredOn(),
                        a.companions(),
                        a.transport(),
                        a.minutes(),
                        a.outcome(),
                        key.openNullable("accompaniment.note", a.note())))
                .toList();
        String reason = row.reason() == null ? "" : key.open("referral.reason", row.reason());
        boolean overdue = row.status().open() && row.followBy().isBefore(LocalDate.now(clock));
        return new Referral(
                row.id(),
                row.personId(),
                row.siteId(),
                row.encounterId(),
                row.serviceId(),
                row.serviceName(),
                row.serviceKind(),
                reason,
                row.urgency(),
                row.consent(),
                row.status(),
                row.sentOn(),
                row.followBy(),
                overdue,
                row.version(),
                steps,
                accompaniments);
    }

    /** The stored referral, for a carer who reads the person's file. */
    Row requireRow(UUID id) {
        Row row = referrals.find(id).orElseThrow(ReferralProblems::referralNotFound);
        requireReader(row.personId());
        return row;
    }

    private void requireReader(UUID personId) {
        if (!currentUsers.current().caresForPeople()) {
            throw DomainException.roleNotAllowed();
        }
        if (!personAccess.requireFile(personId).opens(Compartment.GENERAL)) {
            throw ReferralProblems.referralNotFound();
        }
    }
}
