package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.passerelle.people.PersonImport.ImportedPerson;
import org.passerelle.people.PersonViews.Flag;
import org.passerelle.people.PersonViews.NameKind;
import org.passerelle.people.PersonViews.OtherName;
import org.passerelle.people.PersonViews.Script;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PasserelleTest
class PersonImportTests {

    static final UUID SITE = Ids.newId();

    @Autowired
    PersonImport personImport;

    @Autowired
    PersonRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesPersonsAsRegistrationDoesWithSealedNamesAndTheirIndex() {
        UUID id = Ids.newId();
        ImportedPerson person = new ImportedPerson(
                id,
                null,
                "Abd-El Kâder Benali",
                List.of(
                        new OtherName("Abdelkader Benali", NameKind.SPELLING, Script.LATIN, null),
                        new OtherName("عبد القادر", NameKind.ORIGINAL_SCRIPT, Script.ARABIC, "ar")),
                Sex.MALE,
                BirthDate.estimated(16, LocalDate.of(2025, 11, 3)),
                Set.of("fr", "ar"),
                "DZ",
                "+33 6 12 34 56 78",
                Set.of(Flag.UNACCOMPANIED_MINOR),
                SITE,
                Instant.parse("2025-11-03T10:15:00Z"));

        assertThat(personImport.importBatch(List.of(person))).isEqualTo(1);

        PersonRepository.Row row = repository.findById(id).orElseThrow();
        assertThat(PatientCode.parse(row.patientCode())).contains(row.patientCode());
        assertThat(row.birthDate()).isEqualTo(person.birthDate());
        assertThat(row.languages()).containsExactlyInAnyOrder("fr", "ar");
        assertThat(row.flags()).containsExactly(Flag.UNACCOMPANIED_MINOR);
        assertThat(row.createdAt()).isEqualTo(person.createdAt());
        assertThat(repository.otherNames(List.of(id)).get(id)).isEqualTo(person.otherNames());
        assertThat(row.chosenName()).isEqualTo("Abd-El Kâder Benali");
        assertThat(row.phone()).isEqualTo("+33 6 12 34 56 78");
        assertThat(jdbc.sql("select position(convert_to('Benali', 'UTF8') in chosen_name) from people.person "
                                + "where id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .as("the name is sealed, not stored in clear")
                .isZero();
        assertThat(repository.search(List.of("kader"), null, null))
                .extracting(PersonRepository.Row::id)
                .contains(id);
        assertThat(repository.search(List.of("القادر"), null, null))
                .extracting(PersonRepository.Row::id)
                .contains(id);
    }

    @Test
    void keepsGivenCodesAndGivesUniqueCodesToTheOthers() {
        String given = PatientCode.generate();
        List<ImportedPerson> batch = new ArrayList<>();
        batch.add(person(given));
        for (int i = 0; i < 2000; i++) {
            batch.add(person(null));
        }
        personImport.importBatch(batch);

        assertThat(repository.findById(batch.getFirst().id()).orElseThrow().patientCode())
                .isEqualTo(given);
        assertThat(jdbc.sql("select count(distinct patient_code) from people.person where id = any(?)")
                        .param(batch.stream().map(ImportedPerson::id).toArray(UUID[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(2001);
    }

    @Test
    void refusesTheWholeBatchWhenAGivenCodeIsTaken() {
        String code = PatientCode.generate();
        personImport.importBatch(List.of(person(code)));
        ImportedPerson other = person(null);

        assertThatThrownBy(() -> personImport.importBatch(List.of(other, person(code))))
                .isInstanceOf(DomainException.class);
        assertThat(repository.exists(other.id())).isFalse();
    }

    private static ImportedPerson person(@Nullable String code) {
        return new ImportedPerson(
                Ids.newId(),
                code,
                "Tesfay Haile",
                List.of(),
                Sex.MALE,
                null,
                Set.of("ti"),
                "ER",
                null,
                Set.of(),
                SITE,
                Instant.now());
    }
}
