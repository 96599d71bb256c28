package org.passerelle.people;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonImport.ImportedPerson;
import org.passerelle.people.PersonViews.OtherName;
import org.passerelle.people.PersonViews.PersonDetails;
import org.passerelle.people.matching.PersonRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers many new persons at once at the current user's site, as {@link PersonRegistry#register}
 * registers one: the same role and site checks, birth-date rules, sealed fields, name index, match
 * keys, place of care and audit lines, written through the registry's batch writer ({@link
 * PersonImport}) in a few statements for the lot rather than a dozen per person. The persons must
 * be new: a registration sent again goes through {@link PersonRegistry#register} one by one.
 */
@Service
@Transactional
class Registrations {

    /** A new record's version, as {@link PersonRegistry#register} gives it. */
    static final long FIRST_VERSION = 0;

    /** A person to register, with the id the device chose. */
    record NewPerson(UUID id, PersonDetails details) {}

    private final PersonImport writer;
    private final CurrentUsers currentUsers;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Registrations(PersonImport writer, CurrentUsers currentUsers, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.writer = writer;
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers the persons, all or none; refuses the whole batch (a {@link
     * org.passerelle.platform.DomainException}) when the user may not register or a birth date is
     * implausible.
     */
    void registerAll(List<NewPerson> persons) {
        CurrentUser user = PersonAccess.requireCarer(currentUsers.current());
        UUID siteId = user.requireCurrentSite();
        LocalDate today = LocalDate.now(clock);
        // created when the transaction began, as a record inserted by the registry one at a time
        Instant now = jdbc.sql("select now()")
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        List<ImportedPerson> rows = new ArrayList<>(persons.size());
        for (NewPerson person : persons) {
            rows.add(row(person, birthDate(person.details(), today), siteId, now));
        }
        writer.importBatch(rows, user.id(), today);
        audit.recordAll(
                AuditAction.CREATE,
                PersonRegistry.RECORD_TYPE,
                persons.stream().map(NewPerson::id).toList());
    }

    /** What the matching engine compares of a person about to be registered, as the registry's look-up does. */
    static PersonRecord matchable(PersonDetails details, LocalDate today) {
        List<String> names = new ArrayList<>();
        names.add(details.chosenName());
        details.otherNames().forEach(name -> names.add(name.name()));
        return new PersonRecord("new", names, details.sex(), birthDate(details, today), details.countryOfOrigin());
    }

    private static ImportedPerson row(
            NewPerson person, @Nullable BirthDate birthDate, UUID siteId, Instant registeredAt) {
        PersonDetails details = person.details();
        return new ImportedPerson(
                person.id(),
                null,
                details.chosenName().strip(),
                details.otherNames().stream()
                        .map(name -> new OtherName(name.name().strip(), name.kind(), name.script(), name.language()))
                        .toList(),
                details.sex(),
                birthDate,
                details.languages(),
                details.countryOfOrigin(),
                details.phone(),
                details.flags(),
                siteId,
                registeredAt);
    }

    private static @Nullable BirthDate birthDate(PersonDetails details, LocalDate today) {
        if (details.birthDate() == null) {
            return null;
        }
        BirthDate birthDate = details.birthDate().toBirthDate(today);
        birthDate.checkPlausible(today);
        return birthDate;
    }
}
