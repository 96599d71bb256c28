package org.passerelle.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonViews.Correction;
import org.passerelle.people.PersonViews.OtherName;
import org.passerelle.people.PersonViews.Person;
import org.passerelle.people.PersonViews.PersonDetails;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.people.PersonViews.Registration;
import org.passerelle.people.PersonViews.Search;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, finds, shows and corrects persons. Every read and write is checked against the
 * current user's roles and written to the audit log in the same transaction.
 */
@Service
@Transactional
public class PersonRegistry {

    static final String RECORD_TYPE = "person";
    private static final int DEFAULT_LIMIT = 20;

    private final PersonRepository persons;
    private final CurrentUsers currentUsers;
    private final AuditLog audit;
    private final Clock clock;

    PersonRegistry(PersonRepository persons, CurrentUsers currentUsers, AuditLog audit, Clock clock) {
        this.persons = persons;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers a person at the current user's site and gives them a new patient code. */
    public Person register(Registration registration) {
        CurrentUser user = requireCarer();
        UUID siteId = user.requireCurrentSite();
        BirthDate birthDate = birthDate(registration.details());
        UUID id = Objects.requireNonNullElseGet(registration.id(), Ids::newId);
        if (persons.exists(id)) {
            throw DomainException.invalid("person-exists");
        }
        String code;
        do {
            code = PatientCode.generate();
        } while (persons.codeTaken(code));
        persons.insert(id, code, registration.details(), birthDate, siteId, user.id());
        audit.record(AuditAction.CREATE, RECORD_TYPE, id);
        return load(id);
    }

    /** A person's whole record. */
    public Person get(UUID id) {
        requireReader();
        Person person = load(id);
        audit.record(AuditAction.READ, RECORD_TYPE, id);
        return person;
    }

    /** Corrects a record; refuses, changing nothing, when someone else changed it since {@code version}. */
    public Person correct(UUID id, Correction correction) {
        CurrentUser user = requireCarer();
        UUID siteId = user.requireCurrentSite();
        BirthDate birthDate = birthDate(correction.details());
        long current = persons.version(id).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        if (!persons.update(id, correction.version(), correction.details(), birthDate, siteId, user.id())) {
            throw DomainException.staleVersion(current);
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id);
        return load(id);
    }

    /** Finds persons by patient code or by name; the search terms are never logged or audited. */
    public List<PersonSummary> search(Search search) {
        requireReader();
        int limit = search.limit() == null ? DEFAULT_LIMIT : search.limit();
        Optional<String> code = PatientCode.parse(search.query());
        List<PersonRepository.Row> rows =
                code.flatMap(persons::findByCode).map(List::of).orElseGet(() -> byName(search, limit));
        audit.record(AuditAction.SEARCH, RECORD_TYPE, null);
        Map<UUID, List<OtherName>> names =
                persons.otherNames(rows.stream().map(PersonRepository.Row::id).toList());
        LocalDate today = LocalDate.now(clock);
        return rows.stream()
                .map(row -> new PersonSummary(
                        row.id(),
                        row.patientCode(),
                        row.chosenName(),
                        names.getOrDefault(row.id(), List.of()).stream()
                                .map(OtherName::name)
                                .toList(),
                        row.sex(),
                        row.birthDate(),
                        age(row.birthDate(), today),
                        row.countryOfOrigin(),
                        row.registeredSiteId()))
                .toList();
    }

    /** Whether a person exists, for other modules that record something about them. */
    @Transactional(readOnly = true)
    public boolean exists(UUID id) {
        return persons.exists(id);
    }

    private List<PersonRepository.Row> byName(Search search, int limit) {
        List<String> tokens = SearchText.tokens(search.query());
        if (tokens.isEmpty()) {
            throw DomainException.invalidField("query", "search-empty");
        }
        return persons.search(tokens, search.sex(), search.birthYear(), limit);
    }

    private @Nullable BirthDate birthDate(PersonDetails details) {
        if (details.birthDate() == null) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        BirthDate birthDate = details.birthDate().toBirthDate(today);
        birthDate.checkPlausible(today);
        return birthDate;
    }

    private Person load(UUID id) {
        PersonRepository.Row row = persons.findById(id).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        List<OtherName> names = persons.otherNames(List.of(id)).getOrDefault(id, List.of());
        return new Person(
                row.id(),
                row.patientCode(),
                row.chosenName(),
                names,
                row.sex(),
                row.birthDate(),
                age(row.birthDate(), LocalDate.now(clock)),
                row.languages(),
                row.countryOfOrigin(),
                row.phone(),
                row.flags(),
                row.registeredSiteId(),
                row.version(),
                row.createdAt(),
                row.updatedAt());
    }

    private static @Nullable Integer age(@Nullable BirthDate birthDate, LocalDate today) {
        return birthDate == null ? null : birthDate.ageOn(today);
    }

    private CurrentUser requireCarer() {
        CurrentUser user = currentUsers.current();
        if (!user.caresForPeople()) {
            throw DomainException.forbidden("role-not-allowed");
        }
        return user;
    }

    private CurrentUser requireReader() {
        CurrentUser user = currentUsers.current();
        if (!user.caresForPeople() && !user.hasRole(Role.DATA_OFFICER)) {
            throw DomainException.forbidden("role-not-allowed");
        }
        return user;
    }
}
