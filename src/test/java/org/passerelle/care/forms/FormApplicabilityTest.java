package org.passerelle.care.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.Role;
import org.passerelle.care.Discipline;
import org.passerelle.platform.FieldFaults;

/** Whom a form is for: the disciplines that record with it and the persons it applies to. */
class FormApplicabilityTest {

    @BeforeAll
    static void readForms() throws java.io.IOException {
        CoreFormsTest.readForms();
    }

    private static Situation person(@Nullable String sex, @Nullable Integer age) {
        LocalDate day = LocalDate.parse("2026-12-06");
        return new Situation(sex, age, day, day.atTime(10, 0));
    }

    private static Set<Discipline> practisedBy(Role... roles) {
        return Discipline.practisedBy(
                new CurrentUser(UUID.randomUUID(), "u", "U", Set.of(roles), false, Set.of(), null));
    }

    @Test
    void theAntenatalVisitIsNotForAManNorAChildButForAWomanOrSomeoneWhoseSexOrAgeIsUnknown() {
        FormDefinition antenatal = CoreFormsTest.FORMS.get("antenatal-visit");
        assertThat(antenatal.appliesToPerson(person("MALE", 30))).isFalse();
        assertThat(antenatal.appliesToPerson(person("FEMALE", 8))).isFalse();
        assertThat(antenatal.appliesToPerson(person("FEMALE", 24))).isTrue();
        assertThat(antenatal.appliesToPerson(person("UNKNOWN", null))).isTrue();
        assertThat(CoreFormsTest.FORMS.get("medical-consultation").appliesToPerson(person("MALE", 30)))
                .isTrue();
    }

    @Test
    void eachRoleRecordsOnlyWithTheFormsOfItsDisciplines() {
        FormDefinition medical = CoreFormsTest.FORMS.get("medical-consultation");
        assertThat(medical.usableBy(practisedBy(Role.CLINICIAN))).isTrue();
        assertThat(medical.usableBy(practisedBy(Role.SOCIAL_LEGAL_WORKER))).isFalse();
        assertThat(medical.usableBy(practisedBy(Role.PSYCHOLOGIST))).isFalse();
        assertThat(medical.usableBy(practisedBy(Role.COORDINATOR))).isFalse();
        assertThat(CoreFormsTest.FORMS.get("social-assessment").usableBy(practisedBy(Role.COORDINATOR)))
                .isTrue();
        assertThat(practisedBy(Role.DATA_OFFICER, Role.ADMINISTRATOR, Role.LOGISTICIAN))
                .isEmpty();
        assertThat(practisedBy(Role.CLINICIAN)).isEqualTo(EnumSet.of(Discipline.MEDICAL, Discipline.NURSING));
    }

    @Test
    void aFormWithoutUsedByIsForItsOwnDiscipline() {
        FormDefinition medical = CoreFormsTest.FORMS.get("medical-consultation");
        FormDefinition unbound = new FormDefinition(
                medical.code(),
                medical.title(),
                null,
                Discipline.SOCIAL,
                medical.compartment(),
                medical.subject(),
                null,
                null,
                medical.sections(),
                null);
        assertThat(unbound.disciplines()).containsExactly(Discipline.SOCIAL);
    }

    @Test
    void refusesAnEmptyListOfDisciplinesAndAnApplicabilityOnAnswers() {
        FormDefinition medical = CoreFormsTest.FORMS.get("medical-consultation");
        FormDefinition.Condition onAnswer =
                new FormDefinition.Condition("weight", null, null, null, true, null, null, null, null, null, null);
        FormDefinition faulty = new FormDefinition(
                medical.code(),
                medical.title(),
                null,
                medical.discipline(),
                medical.compartment(),
                medical.subject(),
                List.of(),
                onAnswer,
                medical.sections(),
                null);
        assertThat(FormChecker.faults(faulty).stream().map(FieldFaults.Fault::field))
                .contains("definition.usedBy", "definition.appliesTo.field");
    }
}
