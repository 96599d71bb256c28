package org.passerelle.care.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.access.Compartment;
import org.passerelle.care.forms.FormDefinition.Field;
import org.passerelle.care.forms.FormDefinition.Option;
import org.passerelle.care.forms.FormDefinition.Subject;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The forms that come with Passerelle: each one parses, is sound, and holds what reporting counts on. */
class CoreFormsTest {

    static final List<String> CORE = List.of(
            "medical-consultation",
            "nursing-care",
            "mental-health-session",
            "mental-health-group-session",
            "social-assessment",
            "legal-consultation",
            "antenatal-visit",
            "sgbv-first-response",
            "health-promotion-session",
            "minor-follow-up");

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Each form by the name of its file, without {@code .json}. */
    static final Map<String, FormDefinition> FORMS = new LinkedHashMap<>();

    @BeforeAll
    static void readForms() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:care/forms/*.json");
        for (Resource resource : resources) {
            String name = Objects.requireNonNull(resource.getFilename());
            try (InputStream in = resource.getInputStream()) {
                FORMS.put(
                        name.substring(0, name.length() - ".json".length()),
                        MAPPER.readValue(in, FormDefinition.class));
            }
        }
    }

    @Test
    void theTenCoreFormsAreThereEachInAFileNamedAfterItsCode() {
        assertThat(FORMS.keySet()).containsAll(CORE);
        FORMS.forEach((file, form) -> assertThat(form.code()).as(file).isEqualTo(file));
    }

    @Test
    void everyFormIsSound() {
        FORMS.forEach((file, form) -> assertThat(FormChecker.faults(form))
                .as(() -> file + ": " + FormChecker.faults(form))
                .isEmpty());
    }

    @Test
    void everyCoreFormIsShortEnoughToFillOnAPhone() {
        for (String code : CORE) {
            assertThat(FORMS.get(code).fields().count()).as(code).isBetween(10L, 40L);
        }
    }

    @Test
    void theMedicalConsultationRecordsReferralsAndDiagnoses() {
        FormDefinition form = FORMS.get("medical-consultation");

        assertThat(form.field("referred-to")).get().extracting(Field::type).isEqualTo(FieldType.CHOICE);
        assertThat(form.field("diagnoses")).get().satisfies(diagnoses -> {
            assertThat(diagnoses.type()).isEqualTo(FieldType.DIAGNOSIS);
            assertThat(diagnoses.required()).isTrue();
        });
        assertThat(form.field("prescription")).get().extracting(Field::type).isEqualTo(FieldType.MEDICATION);
    }

    @Test
    void referralsAndLanguagesUseTheSameCodesInEveryForm() {
        List<String> referrals = optionCodes(FORMS.get("medical-consultation"), "referred-to");
        List<String> languages = optionCodes(FORMS.get("medical-consultation"), "language");
        assertThat(referrals).contains("hospital-emergency", "pass", "mental-health", "social-worker", "other");

        FORMS.forEach((file, form) -> {
            if (form.field("referred-to").isPresent()) {
                assertThat(optionCodes(form, "referred-to")).as(file).isEqualTo(referrals);
            }
            for (String field : List.of("language", "languages")) {
                if (form.field(field).isPresent()) {
                    assertThat(optionCodes(form, field)).as(file).isEqualTo(languages);
                }
            }
        });
    }

    @Test
    void theSexualViolenceFormIsKeptApartAndShowsThePepWindow() {
        FormDefinition form = FORMS.get("sgbv-first-response");

        assertThat(form.compartment()).isEqualTo(Compartment.SGBV);
        assertThat(form.field("assault-at")).get().satisfies(assault -> {
            assertThat(assault.type()).isEqualTo(FieldType.DATETIME);
            assertThat(assault.required()).isTrue();
        });
        assertThat(form.alertList()).anySatisfy(alert -> {
            assertThat(alert.code()).isEqualTo("pep-window");
            assertThat(alert.until()).isEqualTo("assault-at");
            assertThat(alert.hours()).isEqualTo(72);
            assertThat(alert.when().withinHours()).isEqualTo(72);
        });
    }

    @Test
    void groupFormsCountAttendeesAsTheSumOfTheCounts() {
        for (String code : List.of("mental-health-group-session", "health-promotion-session")) {
            FormDefinition form = FORMS.get(code);

            assertThat(form.subject()).as(code).isEqualTo(Subject.GROUP);
            assertThat(form.field(FormDefinition.ATTENDEES)).as(code).get().satisfies(attendees -> {
                assertThat(attendees.type()).isEqualTo(FieldType.CALCULATED);
                assertThat(Objects.requireNonNull(attendees.calculate()).function())
                        .isEqualTo(CalculationFunction.SUM);
                assertThat(attendees.calculate().fields()).containsExactly("women", "men", "girls", "boys");
            });
        }
    }

    private static List<String> optionCodes(FormDefinition form, String field) {
        return form.field(field).orElseThrow().optionList().stream()
                .map(Option::code)
                .toList();
    }
}
