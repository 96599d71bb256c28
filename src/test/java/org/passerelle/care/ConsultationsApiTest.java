package org.passerelle.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@PasserelleTest
class ConsultationsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    TestOrganisation organisation;
    ApiSession clinician;
    String personId;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        personId =
                TestOrganisation.register(clinician, "Abdul Rahman").path("id").asString();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Test
    void recordsConsultationsAndListsTheHistoryNewestFirst() {
        String yesterday = today().minusDays(1).toString();
        ApiSession.Response older = clinician.post(
                "/api/consultations",
                Map.of("personId", personId, "discipline", "NURSING", "occurredOn", yesterday, "note", "Pansement"));
        ApiSession.Response today = clinician.post(
                "/api/consultations",
                Map.of(
                        "personId",
                        personId,
                        "discipline",
                        "MEDICAL",
                        "diagnosis",
                        "Gale",
                        "interpreter",
                        true,
                        "language",
                        "ar"));

        assertThat(older.status()).isEqualTo(201);
        assertThat(today.status()).isEqualTo(201);
        assertThat(today.body().path("siteId").asString()).isEqualTo(organisation.siteA);
        assertThat(today.body().path("occurredOn").asString()).isEqualTo(today().toString());

        JsonNode history =
                clinician.get("/api/people/" + personId + "/consultations").body();
        assertThat(history).hasSize(2);
        assertThat(history.path(0).path("diagnosis").asString()).isEqualTo("Gale");
        assertThat(history.path(0).path("interpreter").asBoolean()).isTrue();
        assertThat(history.path(1).path("note").asString()).isEqualTo("Pansement");
    }

    @Test
    void countsThisMonthsConsultationsByDisciplineAndSiteInTheUsersScope() {
        ApiSession colleagueAtB = organisation.userAt(organisation.siteB, "PSYCHOLOGIST");
        clinician.post("/api/consultations", Map.of("personId", personId, "discipline", "MEDICAL"));
        clinician.post("/api/consultations", Map.of("personId", personId, "discipline", "MEDICAL"));
        String patientCode = clinician.get("/api/people/" + personId).text("patientCode");
        assertThat(colleagueAtB
                        .post(
                                "/api/people/" + personId + "/care-sites",
                                Map.of("reason", "Came to our centre for a follow-up", "patientCode", patientCode))
                        .status())
                .isEqualTo(200);
        colleagueAtB.post("/api/consultations", Map.of("personId", personId, "discipline", "MENTAL_HEALTH"));

        JsonNode mine = clinician.get("/api/consultations/summary").body();
        JsonNode all = organisation
                .admin()
                .get("/api/consultations/summary?month=" + YearMonth.from(today()))
                .body();

        assertThat(mine.path("total").asLong()).isEqualTo(2);
        assertThat(mine.path("counts")).hasSize(1);
        assertThat(mine.path("counts").path(0).path("discipline").asString()).isEqualTo("MEDICAL");
        assertThat(mine.path("counts").path(0).path("consultations").asLong()).isEqualTo(2);
        assertThat(all.path("counts")
                        .valueStream()
                        .filter(count -> count.path("siteId").asString().equals(organisation.siteB))
                        .map(count -> count.path("discipline").asString()))
                .containsExactly("MENTAL_HEALTH");
    }

    @Test
    void refusesAFutureDateAndAnUnknownPersonAndWritesNothing() {
        long before = encounterCount();

        ApiSession.Response future = clinician.post(
                "/api/consultations",
                Map.of(
                        "personId",
                        personId,
                        "discipline",
                        "MEDICAL",
                        "occurredOn",
                        today().plusDays(2).toString()));
        ApiSession.Response unknown = clinician.post(
                "/api/consultations",
                Map.of("personId", "0190f0f0-0000-7000-8000-000000000000", "discipline", "MEDICAL"));
        ApiSession.Response badDiscipline =
                clinician.post("/api/consultations", Map.of("personId", personId, "discipline", "SURGERY"));

        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("code")).isEqualTo("date-in-future");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(badDiscipline.status()).isEqualTo(400);
        assertThat(encounterCount()).isEqualTo(before);
    }

    @Test
    void refusesToRecordWithoutAChosenSite() {
        ApiSession.Response created = organisation
                .admin()
                .post(
                        "/api/users",
                        Map.of(
                                "username",
                                "two" + System.nanoTime() % 100000,
                                "displayName",
                                "Two sites",
                                "password",
                                TestOrganisation.PASSWORD,
                                "roles",
                                List.of("CLINICIAN"),
                                "allSites",
                                false,
                                "siteIds",
                                List.of(organisation.siteA, organisation.siteB)));
        ApiSession twoSites = new ApiSession(port);
        twoSites.login(created.text("username"), TestOrganisation.PASSWORD);

        ApiSession.Response response =
                twoSites.post("/api/consultations", Map.of("personId", personId, "discipline", "MEDICAL"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("no-site-chosen");
    }

    private long encounterCount() {
        return jdbc.sql("select count(*) from care.encounter").query(Long.class).single();
    }
}
