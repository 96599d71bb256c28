package org.passerelle.rights;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PeopleProblems;
import org.passerelle.people.PersonAccess;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.passerelle.rights.RightsRepository.Row;
import org.passerelle.rights.RightsViews.Coverage;
import org.passerelle.rights.RightsViews.CoverageStatus;
import org.passerelle.rights.RightsViews.Domain;
import org.passerelle.rights.RightsViews.NewRightsStep;
import org.passerelle.rights.RightsViews.Phase;
import org.passerelle.rights.RightsViews.RightsStep;
import org.passerelle.rights.RightsViews.StepKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path of the rights file. Social and legal workers alone record and withdraw its
 * steps, for a person they care for, in the legal compartment (where it concerns migration); a
 * step is dated today or before, and a right granted keeps its end of validity (a year for AME and
 * CSS when not given). Other carers learn only whether the person is covered, and until when —
 * never by which scheme. AME or PUMa granted hands a person's Pass de ville care over to ordinary
 * coverage. Every read and write has its audit line.
 */
@Service
public class RightsFile {

    static final String RECORD_TYPE = "rights-step";

    private final PersonAccess personAccess;
    private final CurrentUsers currentUsers;
    private final RightsRepository steps;
    private final SubjectKeys keys;
    private final AuditLog audit;
    private final PassVouchers passDeVille;
    private final Clock clock;

    RightsFile(
            PersonAccess personAccess,
            CurrentUsers currentUsers,
            RightsRepository steps,
            SubjectKeys keys,
            AuditLog audit,
            PassVouchers passDeVille,
            Clock clock) {
        this.personAccess = personAccess;
        this.currentUsers = currentUsers;
        this.steps = steps;
        this.keys = keys;
        this.audit = audit;
        this.passDeVille = passDeVille;
        this.clock = clock;
    }

    /** Records a step; sent again with the same id, answers the step as it is. */
    @Transactional
    public RightsStep record(UUID personId, NewRightsStep step) {
        CurrentUser user = requireOwner(personId);
        if (step.occurredOn().isAfter(LocalDate.now(clock))) {
            throw RightsProblems.inFuture();
        }
        if (step.kind().domain() != Domain.AGE_ASSESSMENT) {
            if (step.declaredAge() != null) {
                throw RightsProblems.ageNotForStep("declaredAge");
            }
            if (step.assessedAge() != null) {
                throw RightsProblems.ageNotForStep("assessedAge");
            }
        }
        LocalDate validUntil = validUntil(step);
        if (validUntil != null && validUntil.isBefore(step.occurredOn())) {
            throw RightsProblems.validUntilBefore();
        }
        byte @Nullable [] note = keys.keyFor(personId).sealNullable("rights.note", blankToNull(step.note()));
        if (!steps.insert(step, personId, user.requireCurrentSite(), validUntil, note, user.id(), user.displayName())) {
            Row existing = steps.find(step.id()).orElseThrow(RightsProblems::idReused);
            if (!existing.personId().equals(personId)) {
                throw RightsProblems.idReused();
            }
            return step(existing);
        }
        audit.record(AuditAction.CREATE, RECORD_TYPE, step.id());
        if (step.kind() == StepKind.AME_GRANTED || step.kind() == StepKind.PUMA_GRANTED) {
            passDeVille.handOver(personId, user);
        }
        return step(steps.find(step.id()).orElseThrow());
    }

    /** The person's rights file, newest step first. */
    @Transactional
    public List<RightsStep> file(UUID personId) {
        requireReader(personId);
        audit.record(AuditAction.READ, RECORD_TYPE, personId);
        return steps.ofPerson(personId).stream().map(this::step).toList();
    }

    /** Withdraws a step recorded by mistake (the history keeps it, out of the file). */
    @Transactional
    public void withdraw(UUID stepId, long version) {
        Row row = steps.find(stepId).orElseThrow(RightsProblems::stepNotFound);
        CurrentUser user = requireOwner(row.personId());
        if (!steps.withdraw(stepId, version, user.id())) {
            throw DomainException.staleVersion(row.version());
        }
        audit.record(AuditAction.DELETE, RECORD_TYPE, stepId);
    }

    /** Whether the person is covered today, for any carer who reads their general compartment. */
    @Transactional
    public Coverage coverage(UUID personId) {
        if (!currentUsers.current().caresForPeople()
                || !personAccess.requireFile(personId).opens(Compartment.GENERAL)) {
            throw DomainException.roleNotAllowed();
        }
        audit.record(AuditAction.READ, "rights-coverage", personId);
        LocalDate today = LocalDate.now(clock);
        List<Row> coverage = steps.ofPerson(personId).stream()
                .filter(row -> row.kind().domain() == Domain.COVERAGE)
                .toList();
        for (Row row : coverage) {
            if (row.kind().phase() == Phase.GRANTED
                    && (row.validUntil() == null || !row.validUntil().isBefore(today))) {
                return new Coverage(CoverageStatus.COVERED, row.validUntil());
            }
            if (row.kind() == StepKind.COVERAGE_NONE) {
                return new Coverage(CoverageStatus.NONE, null);
            }
        }
        boolean requested = coverage.stream().anyMatch(row -> row.kind().phase() == Phase.REQUESTED);
        return new Coverage(
                requested
                        ? CoverageStatus.REQUESTED
                        : coverage.isEmpty() ? CoverageStatus.UNKNOWN : CoverageStatus.NONE,
                null);
    }

    /** Social and legal workers caring for the person, in the legal compartment. */
    CurrentUser requireOwner(UUID personId) {
        CurrentUser user = personAccess.requireWritable(personId);
        if (!user.hasRole(Role.SOCIAL_LEGAL_WORKER)) {
            throw DomainException.roleNotAllowed();
        }
        personAccess.requireCompartment(user, Compartment.LEGAL);
        return user;
    }

    private void requireReader(UUID personId) {
        if (!currentUsers.current().caresForPeople()) {
            throw DomainException.roleNotAllowed();
        }
        if (!personAccess.requireFile(personId).opens(Compartment.LEGAL)) {
            throw DomainException.forbidden(PeopleProblems.COMPARTMENT_NOT_ALLOWED);
        }
    }

    RightsStep step(Row row) {
        DataKey key = keys.keyFor(row.personId());
        return new RightsStep(
                row.id(),
                row.kind().domain(),
                row.kind(),
                row.occurredOn(),
                row.validUntil(),
                row.declaredAge(),
                row.assessedAge(),
                row.documents(),
                row.helpedBy(),
                key.openNullable("rights.note", row.note()),
                row.recordedAt(),
                row.recordedBy(),
                row.version());
    }

    private static @Nullable LocalDate validUntil(NewRightsStep step) {
        if (step.validUntil() != null) {
            return step.validUntil();
        }
        if (step.kind() == StepKind.AME_GRANTED
                || step.kind() == StepKind.CSS_GRANTED
                || step.kind() == StepKind.DOMICILIATION_GRANTED) {
            return step.occurredOn().plusYears(1).minusDays(1);
        }
        return null;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
