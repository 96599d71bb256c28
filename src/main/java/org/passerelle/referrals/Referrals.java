package org.passerelle.referrals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonAccess;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.passerelle.referrals.DirectoryViews.PartnerService;
import org.passerelle.referrals.ReferralRepository.Row;
import org.passerelle.referrals.ReferralViews.NewAccompaniment;
import org.passerelle.referrals.ReferralViews.NewReferral;
import org.passerelle.referrals.ReferralViews.NewStep;
import org.passerelle.referrals.ReferralViews.Referral;
import org.passerelle.referrals.ReferralViews.Status;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path of referrals and accompaniments. Clinicians, psychologists and social and
 * legal workers refer a person they care for (general compartment), with the person's consent, to
 * a service of the directory that is not closed; any carer of the person then records its steps —
 * accepted, attended, closed, or refused, lost to follow-up — each dated (never after today nor
 * before the previous step) and signed, and the accompaniments. Each write has its audit line.
 */
@Service
public class Referrals {

    static final String RECORD_TYPE = "referral";
    static final String ACCOMPANIMENT = "accompaniment";

    private final PersonAccess personAccess;
    private final Directory directory;
    private final ReferralRepository referrals;
    private final ReferralReads reads;
    private final SubjectKeys keys;
    private final AuditLog audit;
    private final Clock clock;

    Referrals(
            PersonAccess personAccess,
            Directory directory,
            ReferralRepository referrals,
            ReferralReads reads,
            SubjectKeys keys,
            AuditLog audit,
            Clock clock) {
        this.personAccess = personAccess;
        this.directory = directory;
        this.referrals = referrals;
        this.reads = reads;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** Refers a person; sent again with the same id, answers the referral as it is. */
    @Transactional
    public Referral refer(NewReferral command) {
        CurrentUser user = requireCarer(command.personId());
        if (!user.hasAnyRole(Role.CLINICIAN, Role.PSYCHOLOGIST, Role.SOCIAL_LEGAL_WORKER)) {
            throw DomainException.roleNotAllowed();
        }
        UUID siteId = user.requireCurrentSite();
        LocalDate sentOn = command.sentOn() == null ? today() : command.sentOn();
        notAfterToday(sentOn, "sentOn");
        var existing = referrals.find(command.id());
        if (existing.isPresent()) {
            return sameReferral(existing.get(), command);
        }
        PartnerService service = directory.requireOpen(command.serviceId());
        DataKey key = keys.keyFor(command.personId());
        Row row = new Row(
                command.id(),
                command.personId(),
                siteId,
                command.encounterId(),
                service.id(),
                service.details().name(),
                service.details().kind(),
                key.seal("referral.reason", command.reason()),
                command.urgency(),
                command.consent(),
                Status.SENT,
                sentOn,
                sentOn.plusDays(command.urgency().followWithinDays()),
                sentOn,
                0);
        if (!referrals.insert(row, user.id())) {
            throw ReferralProblems.idReused();
        }
        referrals.insertStep(row.id(), Status.SENT, sentOn, null, clock.instant(), user.id(), user.displayName());
        audit.record(AuditAction.CREATE, RECORD_TYPE, row.id());
        return reads.referral(referrals.find(row.id()).orElseThrow());
    }

    /** Records the next step of a referral read at {@code step.version()}. */
    @Transactional
    public Referral recordStep(UUID referralId, NewStep step) {
        Row row = referrals.lock(referralId).orElseThrow(ReferralProblems::referralNotFound);
        CurrentUser user = requireCarer(row.personId());
        if (row.version() != step.version()) {
            throw DomainException.staleVersion(row.version());
        }
        if (!row.status().next().contains(step.status())) {
            throw ReferralProblems.stepNotAllowed();
        }
        notAfterToday(step.occurredOn(), "occurredOn");
        if (step.occurredOn().isBefore(row.statusOn())) {
            throw ReferralProblems.beforePrevious("occurredOn");
        }
        LocalDate followBy = step.status() == Status.ACCEPTED
                ? step.occurredOn().plusDays(row.urgency().followWithinDays())
                : row.followBy();
        referrals.advance(referralId, row.version(), step.status(), step.occurredOn(), followBy, user.id());
        byte @Nullable [] note =
                keys.keyFor(row.personId()).sealNullable("referral.step.note", blankToNull(step.note()));
        referrals.insertStep(
                referralId, step.status(), step.occurredOn(), note, clock.instant(), user.id(), user.displayName());
        audit.record(AuditAction.UPDATE, RECORD_TYPE, referralId);
        return reads.referral(referrals.find(referralId).orElseThrow());
    }

    /** Records that someone went with the person to the referral's service. */
    @Transactional
    public Referral accompany(UUID referralId, NewAccompaniment command) {
        Row row = referrals.find(referralId).orElseThrow(ReferralProblems::referralNotFound);
        CurrentUser user = requireCarer(row.personId());
        notAfterToday(command.occurredOn(), "occurredOn");
        if (command.occurredOn().isBefore(row.sentOn())) {
            throw ReferralProblems.beforePrevious("occurredOn");
        }
        byte @Nullable [] note =
                keys.keyFor(row.personId()).sealNullable("accompaniment.note", blankToNull(command.note()));
        if (!referrals.insertAccompaniment(command, row, user.requireCurrentSite(), note, user.id())) {
            UUID of = referrals.referralOfAccompaniment(command.id()).orElseThrow(ReferralProblems::idReused);
            if (!of.equals(referralId)) {
                throw ReferralProblems.idReused();
            }
            return reads.referral(row);
        }
        audit.record(AuditAction.CREATE, ACCOMPANIMENT, command.id());
        return reads.referral(row);
    }

    private Referral sameReferral(Row existing, NewReferral command) {
        if (!existing.personId().equals(command.personId())
                || !existing.serviceId().equals(command.serviceId())) {
            throw ReferralProblems.idReused();
        }
        return reads.referral(existing);
    }

    private CurrentUser requireCarer(UUID personId) {
        CurrentUser user = personAccess.requireWritable(personId);
        personAccess.requireCompartment(user, Compartment.GENERAL);
        return user;
    }

    private void notAfterToday(LocalDate day, String field) {
        if (day.isAfter(today())) {
            throw ReferralProblems.inFuture(field);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
