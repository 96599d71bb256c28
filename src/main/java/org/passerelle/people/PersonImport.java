package org.passerelle.people;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.PersonViews.Flag;
import org.passerelle.people.PersonViews.OtherName;
import org.passerelle.people.matching.PersonRecord;
import org.passerelle.platform.Ids;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.passerelle.platform.database.PostgresCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads many persons at once for trusted loaders: demo data, benchmarks and migrations from
 * spreadsheets. It is not reachable over HTTP, checks no user or role and writes nothing to the
 * audit log, so the caller is responsible for what it loads and for recording that it did.
 * Rows are written with PostgreSQL {@code COPY}; a batch of a few thousand persons is one
 * transaction. The stored rows are the same as those {@link PersonRegistry#register} writes,
 * including the folded search text.
 */
@Service
public class PersonImport {

    private static final String PERSON_TABLE = "people.person";
    private static final String NAME_TABLE = "people.person_name";
    private static final String INDEX_TABLE = "people.person_token";
    private static final String SITE_TABLE = "people.person_site";

    /**
     * A person to load.
     *
     * @param patientCode a valid code already given to the person, or null to generate a new one
     * @param createdAt when the person was registered; also the record's last update
     */
    public record ImportedPerson(
            UUID id,
            @Nullable String patientCode,
            String chosenName,
            List<OtherName> otherNames,
            Sex sex,
            @Nullable BirthDate birthDate,
            Set<String> languages,
            @Nullable String countryOfOrigin,
            @Nullable String phone,
            Set<Flag> flags,
            UUID registeredSiteId,
            Instant createdAt) {

        public ImportedPerson {
            otherNames = List.copyOf(otherNames);
            languages = Set.copyOf(languages);
            flags = Set.copyOf(flags);
        }
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SubjectKeys subjectKeys;
    private final NameIndex nameIndex;
    private final MatchIndex matchIndex;

    PersonImport(
            DataSource dataSource,
            JdbcClient jdbc,
            Clock clock,
            SubjectKeys subjectKeys,
            NameIndex nameIndex,
            MatchIndex matchIndex) {
        this.matchIndex = matchIndex;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
        this.subjectKeys = subjectKeys;
        this.nameIndex = nameIndex;
    }

    /**
     * Writes a batch of persons and their other names in one transaction, giving a new unique
     * patient code to each person without one. Refuses the whole batch when a given code is
     * invalid or already taken, or a birth date is implausible.
     *
     * @return the number of persons written
     */
    @Transactional
    public int importBatch(List<ImportedPerson> persons) {
        return importBatch(persons, null);
    }

    /**
     * Writes a batch of persons as {@link #importBatch(List)} does, recorded as created by {@code
     * userId} (who imported them, or registered them on a device): the registry's one write path for
     * many persons at once, which the caller audits.
     */
    @Transactional
    public int importBatch(List<ImportedPerson> persons, @Nullable UUID userId) {
        return importBatch(persons, userId, null);
    }

    /**
     * Writes a batch of persons as {@link #importBatch(List, UUID)} does, with their first contact at
     * their site on {@code contactOn} rather than on the day they were created: for registrations, whose
     * record is created at the database's time and their contact on the teams' day.
     */
    @Transactional
    int importBatch(List<ImportedPerson> persons, @Nullable UUID userId, @Nullable LocalDate contactOn) {
        if (persons.isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        persons.stream().map(ImportedPerson::birthDate).filter(b -> b != null).forEach(b -> b.checkPlausible(today));
        Map<UUID, String> codes = patientCodes(persons);
        Map<UUID, DataKey> keys =
                subjectKeys.createAll(persons.stream().map(ImportedPerson::id).toList());
        PostgresCopy personRows = PostgresCopy.into(
                PERSON_TABLE,
                "id",
                "patient_code",
                "chosen_name",
                "sex",
                "birth_date",
                "birth_date_precision",
                "estimated_age",
                "age_estimated_on",
                "languages",
                "country_of_origin",
                "phone",
                "flags",
                "registered_site_id",
                "created_at",
                "updated_at",
                "created_by",
                "updated_by");
        PostgresCopy nameRows = PostgresCopy.into(
                NAME_TABLE,
                "id",
                "person_id",
                "name",
                "kind",
                "script",
                "language",
                "given_at_site",
                "recorded_on",
                "position");
        PostgresCopy indexRows = PostgresCopy.into(INDEX_TABLE, "token", "person_id", "epoch");
        PostgresCopy matchRows = PostgresCopy.into("people.person_match_key", "key", "person_id", "epoch");
        PostgresCopy siteRows =
                PostgresCopy.into(SITE_TABLE, "person_id", "site_id", "first_contact_on", "last_contact_on");
        for (ImportedPerson person : persons) {
            LocalDate registeredOn =
                    contactOn != null ? contactOn : LocalDate.ofInstant(person.createdAt(), clock.getZone());
            siteRows.value(person.id())
                    .value(person.registeredSiteId())
                    .value(registeredOn)
                    .value(registeredOn)
                    .endRow();
            DataKey key = Objects.requireNonNull(keys.get(person.id()));
            addPerson(personRows, person, codes.get(person.id()), key, userId);
            addNames(nameRows, person, key, clock.getZone());
            addIndexEntries(indexRows, matchRows, person);
        }
        personRows.execute(dataSource);
        nameRows.execute(dataSource);
        indexRows.execute(dataSource);
        matchRows.execute(dataSource);
        siteRows.execute(dataSource);
        return persons.size();
    }

    private void addIndexEntries(PostgresCopy rows, PostgresCopy matchRows, ImportedPerson person) {
        List<String> names = new ArrayList<>();
        names.add(person.chosenName());
        person.otherNames().forEach(name -> names.add(name.name()));
        for (NameIndex.IndexEntry entry : nameIndex.entriesOf(names)) {
            rows.value(entry.hash()).value(person.id()).value(entry.epoch()).endRow();
        }
        PersonRecord record = new PersonRecord(
                person.id().toString(), names, person.sex(), person.birthDate(), person.countryOfOrigin());
        for (NameIndex.IndexEntry entry : matchIndex.entriesOf(record)) {
            matchRows
                    .value(entry.hash())
                    .value(person.id())
                    .value(entry.epoch())
                    .endRow();
        }
    }

    private static void addPerson(
            PostgresCopy rows, ImportedPerson person, @Nullable String code, DataKey key, @Nullable UUID userId) {
        BirthDate birthDate = person.birthDate();
        rows.value(person.id())
                .value(code)
                .value(key.seal(
                        PersonRepository.CHOSEN_NAME, person.chosenName().strip()))
                .value(person.sex().name())
                .value(birthDate == null ? null : birthDate.date())
                .value(birthDate == null ? null : birthDate.precision().name())
                .value(birthDate == null ? null : birthDate.estimatedAge())
                .value(birthDate == null ? null : birthDate.estimatedOn())
                .value(person.languages().stream().sorted().toList())
                .value(person.countryOfOrigin())
                .value(key.sealNullable(PersonRepository.PHONE, person.phone()))
                .value(person.flags().stream().map(Enum::name).sorted().toList())
                .value(person.registeredSiteId())
                .value(person.createdAt())
                .value(person.createdAt())
                .value(userId)
                .value(userId)
                .endRow();
    }

    private static void addNames(PostgresCopy rows, ImportedPerson person, DataKey key, ZoneId zone) {
        LocalDate recordedOn = LocalDate.ofInstant(person.createdAt(), zone);
        int position = 0;
        for (OtherName name : person.otherNames()) {
            rows.value(Ids.newId())
                    .value(person.id())
                    .value(key.seal(PersonRepository.OTHER_NAME, name.name().strip()))
                    .value(name.kind().name())
                    .value(name.script() == null ? null : name.script().name())
                    .value(name.language())
                    .value(person.registeredSiteId())
                    .value(recordedOn)
                    .value(position++)
                    .endRow();
        }
    }

    /** The code of every person: the one given, or a new one unused in the batch and in the table. */
    private Map<UUID, String> patientCodes(List<ImportedPerson> persons) {
        Map<UUID, String> codes = new HashMap<>(persons.size() * 2);
        Set<String> used = new HashSet<>(persons.size() * 2);
        for (ImportedPerson person : persons) {
            if (person.patientCode() != null) {
                String code =
                        PatientCode.parse(person.patientCode()).orElseThrow(() -> PeopleProblems.patientCodeInvalid());
                if (!used.add(code)) {
                    throw PeopleProblems.patientCodeTaken();
                }
                codes.put(person.id(), code);
            }
        }
        if (!taken(used).isEmpty()) {
            throw PeopleProblems.patientCodeTaken();
        }
        Set<UUID> needingCode = new HashSet<>();
        persons.stream().filter(p -> p.patientCode() == null).forEach(p -> needingCode.add(p.id()));
        while (!needingCode.isEmpty()) {
            Set<String> fresh = new HashSet<>();
            for (UUID id : needingCode) {
                String code;
                do {
                    code = PatientCode.generate();
                } while (used.contains(code) || !fresh.add(code));
                codes.put(id, code);
            }
            Set<String> clashes = taken(fresh);
            used.addAll(fresh);
            needingCode.removeIf(id -> !clashes.contains(codes.get(id)));
        }
        return codes;
    }

    private Set<String> taken(Set<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select patient_code from people.person where patient_code = any(?)")
                .param(codes.toArray(String[]::new))
                .query(String.class)
                .list());
    }
}
