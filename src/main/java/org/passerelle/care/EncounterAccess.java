package org.passerelle.care;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.care.EncounterRepository.Stored;
import org.passerelle.care.EncounterViews.Action;
import org.passerelle.care.EncounterViews.Status;
import org.passerelle.care.forms.FormDefinition;
import org.passerelle.care.forms.Situation;
import org.passerelle.people.PersonAccess;
import org.passerelle.platform.DomainException;
import org.springframework.stereotype.Component;

/**
 * Who may read and write a consultation: the person's file and compartment (through
 * {@link PersonAccess}), the author alone for a draft, and the form's disciplines — a form is
 * recorded only by those who practise one of them, and only for a person it applies to.
 */
@Component
class EncounterAccess {

    private final PersonAccess access;
    private final CurrentUsers currentUsers;

    EncounterAccess(PersonAccess access, CurrentUsers currentUsers) {
        this.access = access;
        this.currentUsers = currentUsers;
    }

    CurrentUser currentUser() {
        return currentUsers.current();
    }

    CurrentUser requireCarer() {
        CurrentUser user = currentUsers.current();
        if (!user.caresForPeople()) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }

    /**
     * Checks that the current user may record with this form about this person (or group): write
     * about the person, in the form's compartment, in one of the form's disciplines.
     */
    CurrentUser requireWriter(FormDefinition form, @Nullable UUID personId) {
        CurrentUser user = personId == null ? requireCarer() : access.requireWritable(personId);
        access.requireCompartment(user, form.compartment());
        requireDiscipline(user, form);
        return user;
    }

    /**
     * As {@link #requireWriter}, for a short note of the older API, which may live in the SGBV
     * compartment rather than its form's.
     */
    CurrentUser requireNoteWriter(FormDefinition form, UUID personId, Compartment compartment) {
        CurrentUser user = access.requireWritable(personId);
        access.requireCompartment(user, compartment);
        requireDiscipline(user, form);
        return user;
    }

    /** As {@link #requireWriter}, for a consultation already stored (and, for a group, its site). */
    CurrentUser requireWriter(FormDefinition form, Stored stored) {
        CurrentUser user = requireWriter(form, stored.personId());
        if (stored.personId() == null && !user.mayWorkAt(stored.siteId())) {
            throw CareProblems.siteNotAllowed();
        }
        return user;
    }

    /** 403 {@code form-not-for-discipline} unless the user practises one of the form's disciplines. */
    static void requireDiscipline(CurrentUser user, FormDefinition form) {
        if (!form.usableBy(Discipline.practisedBy(user))) {
            throw CareProblems.formNotForDiscipline();
        }
    }

    /** 400 {@code form-not-for-person} when the form does not apply to the person (sex, age). */
    static void requireApplies(FormDefinition form, Situation situation) {
        if (!form.appliesToPerson(situation)) {
            throw CareProblems.formNotForPerson();
        }
    }

    /** The consultation if the current user may read it, else 404 whether it exists or not. */
    Stored requireReadable(Optional<Stored> found) {
        CurrentUser user = currentUsers.current();
        if (user.compartments().isEmpty()) {
            throw DomainException.roleNotAllowed();
        }
        Stored stored = found.orElseThrow(() -> DomainException.notFound(Encounters.RECORD_TYPE));
        boolean readable;
        if (stored.status() == Status.DRAFT && !stored.providerId().equals(user.id())) {
            readable = false;
        } else if (stored.personId() == null) {
            readable = user.mayWorkAt(stored.siteId()) && user.compartments().contains(stored.compartment());
        } else {
            readable = access.fileIfReached(stored.personId())
                    .filter(file -> file.opens(stored.compartment()))
                    .isPresent();
        }
        if (!readable) {
            throw DomainException.notFound(Encounters.RECORD_TYPE);
        }
        return stored;
    }

    /** Whether the current user may write about the person (not under a break-the-glass). */
    boolean writable(UUID personId) {
        return access.writable(personId);
    }

    /**
     * What the current user may do with a consultation they read, so that a client offers nothing
     * the server would refuse: a break-the-glass reads, it does not amend.
     *
     * @param personWritable whether the user may write about the consultation's person ({@link #writable})
     */
    Set<Action> allowedActions(Stored stored, FormDefinition form, boolean prescribed, boolean personWritable) {
        Set<Action> allowed = EnumSet.noneOf(Action.class);
        CurrentUser user = currentUsers.current();
        boolean writes = user.caresForPeople()
                && user.compartments().contains(stored.compartment())
                && form.usableBy(Discipline.practisedBy(user))
                && (stored.personId() == null ? user.mayWorkAt(stored.siteId()) : personWritable);
        if (stored.status() == Status.DRAFT) {
            if (writes) {
                allowed.addAll(EnumSet.of(Action.CHANGE, Action.SIGN));
            }
            if (stored.providerId().equals(user.id())) {
                allowed.add(Action.DISCARD);
            }
        } else {
            if (writes) {
                allowed.add(Action.AMEND);
            }
            if (prescribed && stored.personId() != null) {
                allowed.add(Action.PRINT_PRESCRIPTION);
            }
        }
        return allowed;
    }
}
