package org.passerelle.vaccination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The doses on a person's file follow the vaccine's schedule: no dose before the previous one plus
 * the minimum interval, none in the future, none skipped or given twice, no unknown vaccine; each
 * refusal says why in the user's language and writes nothing.
 */
@PasserelleTest
class DoseRulesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiSession nurse;
    String person;
    LocalDate today;

    @BeforeEach
    void setUp() {
        TestOrganisation organisation = new TestOrganisation(port);
        nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        person = TestOrganisation.register(
                        nurse, "Vaccine " + UUID.randomUUID().toString().substring(0, 6))
                .path("id")
                .asString();
        today = MovableClock.now().atZone(PARIS).toLocalDate();
    }

    @Test
    void aSecondDoseBeforeTheMinimumIntervalIsRefusedAndOneAfterItIsRecorded() {
        LocalDate first = today.minusDays(40);
        assertThat(dose(nurse, person, "measles-mmr", 1, first, null).status()).isEqualTo(201);

        ApiSession.Response tooSoon = dose(nurse.language("fr"), person, "measles-mmr", 2, first.plusDays(27), null);

        assertThat(tooSoon.status()).isEqualTo(400);
        assertThat(tooSoon.text("code")).isEqualTo(VaccinationProblems.TOO_SOON);
        assertThat(tooSoon.body().path("fieldErrors").get(0).path("field").asString())
                .isEqualTo("givenOn");
        assertThat(tooSoon.body().path("fieldErrors").get(0).path("message").asString())
                .contains("28 jours")
                .contains(first.plusDays(28).toString());
        assertThat(doses()).isEqualTo(1);

        ApiSession.Response onTime = dose(nurse, person, "measles-mmr", 2, first.plusDays(28), "L-42");
        assertThat(onTime.status()).as(onTime.body().toString()).isEqualTo(201);
        assertThat(onTime.text("lot")).isEqualTo("L-42");
        ApiSession.Response file = nurse.get("/api/vaccination/people/" + person + "/doses");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body().get(0).path("doseNumber").asInt()).isEqualTo(2);
        assertThat(file.body().size()).isEqualTo(2);
    }

    @Test
    void aFutureDateASkippedOrRepeatedDoseAndAnUnknownVaccineChangeNothing() {
        assertThat(dose(nurse, person, "cholera-ocv", 1, today, null).status()).isEqualTo(201);

        ApiSession.Response future = dose(nurse.language("ar"), person, "polio", 1, today.plusDays(1), null);
        ApiSession.Response skipped = dose(nurse, person, "hepatitis-b", 2, today, null);
        ApiSession.Response repeated = dose(nurse, person, "cholera-ocv", 1, today, null);
        ApiSession.Response beyond = dose(nurse, person, "bcg", 2, today, null);
        ApiSession.Response unknown = dose(nurse, person, "smallpox", 1, today, null);

        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("code")).isEqualTo(VaccinationProblems.IN_FUTURE);
        assertThat(future.text("detail")).contains("لم يُسجَّل شيء");
        assertThat(skipped.status()).isEqualTo(400);
        assertThat(skipped.text("code")).isEqualTo(VaccinationProblems.DOSE_SKIPPED);
        assertThat(repeated.status()).isEqualTo(409);
        assertThat(repeated.text("code")).isEqualTo(VaccinationProblems.DOSE_ALREADY_GIVEN);
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.text("code")).isEqualTo(VaccinationProblems.DOSE_BEYOND_SCHEDULE);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("code")).isEqualTo(VaccinationProblems.UNKNOWN_VACCINE);
        assertThat(doses()).isEqualTo(1);
    }

    @Test
    void theSameDoseSentAgainIsAnsweredOnceAndAuditedOnce() {
        Map<String, Object> body = body(person, "bcg", 1, today, null);

        ApiSession.Response first = nurse.post("/api/vaccination/doses", body);
        ApiSession.Response again = nurse.post("/api/vaccination/doses", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(doses()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit.audit_event where record_id = ? and action = 'CREATE'")
                        .param(UUID.fromString(first.text("id")))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void onlyCliniciansRecordDosesAndALaterDoseIsRemovedBeforeAnEarlierOne() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        assertThat(dose(coordinator, person, "bcg", 1, today, null).status()).isEqualTo(403);

        ApiSession.Response first = dose(nurse, person, "cholera-ocv", 1, today.minusDays(20), null);
        ApiSession.Response second = dose(nurse, person, "cholera-ocv", 2, today, null);
        ApiSession.Response early = nurse.delete("/api/vaccination/doses/" + first.text("id") + "?version=1");
        ApiSession.Response late = nurse.delete("/api/vaccination/doses/" + second.text("id") + "?version=1");

        assertThat(early.status()).isEqualTo(400);
        assertThat(early.text("code")).isEqualTo(VaccinationProblems.DOSE_SKIPPED);
        assertThat(late.status()).isEqualTo(204);
        assertThat(doses()).isEqualTo(1);
    }

    private long doses() {
        return jdbc.sql("select count(*) from vaccination.dose where person_id = ? and deleted_at is null")
                .param(UUID.fromString(person))
                .query(Long.class)
                .single();
    }

    static ApiSession.Response dose(
            ApiSession session, String personId, String vaccine, int number, LocalDate on, @Nullable String lot) {
        return session.post("/api/vaccination/doses", body(personId, vaccine, number, on, lot));
    }

    static Map<String, Object> body(String personId, String vaccine, int number, LocalDate on, @Nullable String lot) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("personId", personId);
        body.put("vaccineCode", vaccine);
        body.put("doseNumber", number);
        body.put("givenOn", on.toString());
        if (lot != null) {
            body.put("lot", lot);
        }
        return body;
    }
}
