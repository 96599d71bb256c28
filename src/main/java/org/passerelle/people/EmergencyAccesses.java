package org.passerelle.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Reauthentication;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonViews.EmergencyAccess;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking into care from another site, and break-the-glass: in an emergency a carer opens the whole file of a person their site scope or
 * compartments do not reach, for a limited time ({@code passerelle.access.emergency-duration},
 * 3 hours by default), after confirming who they are and typing why. Every grant, and every
 * taking into care of a person followed only elsewhere, is audited and listed until a data officer, coordinator or administrator other than its holder reviews it.
 */
@Service
@Transactional
public class EmergencyAccesses {

    static final String RECORD_TYPE = "emergency-access";
    static final String REASON = "emergency-reason";
    static final int MINIMUM_REASON_LENGTH = 10;
    private static final int LIST_LIMIT = 200;

    private final PersonRepository persons;
    private final AccessRepository repository;
    private final PersonAccess access;
    private final CurrentUsers currentUsers;
    private final Reauthentication reauthentication;
    private final SubjectKeys keys;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration duration;

    EmergencyAccesses(
            PersonRepository persons,
            AccessRepository repository,
            PersonAccess access,
            CurrentUsers currentUsers,
            Reauthentication reauthentication,
            SubjectKeys keys,
            AuditLog audit,
            Clock clock,
            @Value("${passerelle.access.emergency-duration:3h}") Duration duration) {
        this.persons = persons;
        this.repository = repository;
        this.access = access;
        this.currentUsers = currentUsers;
        this.reauthentication = reauthentication;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.duration = duration;
    }

    /**
     * Takes a person followed only at other sites into care at the current user's site: from then
     * on its users reach the file, to read and to write. The person must be present: the patient
     * code of their card, typed or scanned, must be theirs ({@code patient-code-mismatch}), and the
     * user says why ({@code care-reason-too-short}). Audited and listed for review like a
     * break-the-glass. A person already in care at one of the user's sites needs neither.
     */
    public void takeIntoCare(UUID personId, @Nullable String typedReason, @Nullable String typedCode) {
        CurrentUser user = PersonAccess.requireCarer(currentUsers.current());
        UUID siteId = user.requireCurrentSite();
        PersonRepository.Row person =
                persons.findById(personId).orElseThrow(() -> DomainException.notFound(PersonRegistry.RECORD_TYPE));
        if (!access.inSiteScope(user, personId)) {
            String reason = typedReason == null ? "" : typedReason.strip();
            if (reason.length() < MINIMUM_REASON_LENGTH) {
                throw PeopleProblems.careReasonTooShort();
            }
            boolean presented = typedCode != null
                    && PatientCode.parse(typedCode)
                            .filter(person.patientCode()::equals)
                            .isPresent();
            if (!presented) {
                throw PeopleProblems.patientCodeMismatch();
            }
            Instant now = clock.instant();
            repository.insertGrant(
                    Ids.newId(),
                    AccessRepository.GrantKind.TAKEN_INTO_CARE,
                    personId,
                    user.id(),
                    user.displayName(),
                    siteId,
                    keys.keyFor(personId).seal(REASON, reason),
                    now,
                    now);
        }
        access.recordContact(personId, siteId, LocalDate.now(clock));
        audit.record(AuditAction.CREATE, PersonRegistry.CARE_SITE_RECORD_TYPE, personId);
    }

    /** Opens a person's whole file to the current user, for reading, until the grant expires. */
    public EmergencyAccess open(UUID personId, String typedReason) {
        CurrentUser user = PersonAccess.requireCarer(currentUsers.current());
        String reason = typedReason.strip();
        if (reason.length() < MINIMUM_REASON_LENGTH) {
            throw PeopleProblems.emergencyReasonTooShort();
        }
        if (!persons.exists(personId)) {
            throw DomainException.notFound(PersonRegistry.RECORD_TYPE);
        }
        reauthentication.requireRecent();
        UUID id = Ids.newId();
        Instant now = clock.instant();
        repository.insertGrant(
                id,
                AccessRepository.GrantKind.EMERGENCY,
                personId,
                user.id(),
                user.displayName(),
                user.currentSiteId(),
                keys.keyFor(personId).seal(REASON, reason),
                now,
                now.plus(duration));
        audit.record(AuditAction.BREAK_THE_GLASS, PersonRegistry.RECORD_TYPE, personId);
        return list(false).stream()
                .filter(grant -> grant.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Grants for review, newest first; the reviewers read the reasons. */
    public List<EmergencyAccess> list(boolean unreviewedOnly) {
        CurrentUser user = currentUsers.current();
        boolean reviewer = isReviewer(user);
        Instant now = clock.instant();
        List<AccessRepository.StoredGrant> grants = repository.grants(unreviewedOnly, LIST_LIMIT).stream()
                .filter(grant -> reviewer || grant.userId().equals(user.id()))
                .toList();
        keys.preload(grants.stream().map(AccessRepository.StoredGrant::personId).toList());
        return grants.stream().map(grant -> view(grant, now)).toList();
    }

    /** Marks a grant as reviewed; nobody reviews their own. */
    public void review(UUID grantId) {
        CurrentUser user = currentUsers.current();
        if (!isReviewer(user)) {
            throw DomainException.roleNotAllowed();
        }
        UUID holder = repository.grantHolder(grantId).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        if (holder.equals(user.id())) {
            throw PeopleProblems.ownEmergencyAccess();
        }
        if (!repository.review(grantId, user.id(), user.displayName(), clock.instant())) {
            throw PeopleProblems.alreadyReviewed();
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, grantId);
    }

    private static boolean isReviewer(CurrentUser user) {
        return user.hasAnyRole(Role.DATA_OFFICER, Role.COORDINATOR, Role.ADMINISTRATOR);
    }

    private EmergencyAccess view(AccessRepository.StoredGrant grant, Instant now) {
        DataKey key = keys.existingKey(grant.personId()).orElse(null);
        @Nullable String reason = key == null ? null : key.open(REASON, grant.reason());
        return new EmergencyAccess(
                grant.id(),
                PersonViews.AccessKind.valueOf(grant.kind().name()),
                grant.personId(),
                grant.patientCode(),
                grant.userId(),
                grant.userName(),
                grant.siteId(),
                reason,
                grant.grantedAt(),
                grant.expiresAt(),
                grant.kind() == AccessRepository.GrantKind.EMERGENCY
                        && grant.expiresAt().isAfter(now),
                grant.reviewedByName(),
                grant.reviewedAt());
    }
}
