package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@PasserelleTest
class PeopleApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    TestOrganisation organisation;
    ApiSession clinician;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
    }

    @Test
    void registersAPersonWithAllDetailsAndFindsThemByNameAndByCode() {
        ApiSession.Response created = clinician.post(
                "/api/people",
                Map.of(
                        "details",
                        Map.of(
                                "chosenName", "Mohammed Abdelkader",
                                "otherNames",
                                        List.of(
                                                Map.of("name", "Muhammad Abd al-Qadir", "kind", "SPELLING"),
                                                Map.of(
                                                        "name",
                                                        "محمد عبد القادر",
                                                        "kind",
                                                        "ORIGINAL_SCRIPT",
                                                        "script",
                                                        "ARABIC")),
                                "sex", "MALE",
                                "birthDate", Map.of("precision", "YEAR", "date", "1999-06-15"),
                                "languages", List.of("ar", "fr"),
                                "countryOfOrigin", "SD",
                                "flags", List.of("NEEDS_INTERPRETER"))));

        assertThat(created.status()).isEqualTo(201);
        JsonNode person = created.body();
        assertThat(person.path("birthDate").path("date").asString()).isEqualTo("1999-01-01");
        assertThat(person.path("birthDate").path("precision").asString()).isEqualTo("YEAR");
        assertThat(PatientCode.parse(person.path("patientCode").asString())).isPresent();
        assertThat(person.path("registeredSiteId").asString()).isEqualTo(organisation.siteA);

        String id = person.path("id").asString();
        assertThat(idsFound(clinician.post("/api/people/search", Map.of("query", "abdelkader mohammed"))))
                .contains(id);
        assertThat(idsFound(clinician.post("/api/people/search", Map.of("query", "qadir"))))
                .contains(id);
        assertThat(idsFound(clinician.post("/api/people/search", Map.of("query", "عبد القادر"))))
                .contains(id);
        String code = person.path("patientCode").asString();
        String typed = PatientCode.display(code).toLowerCase();
        assertThat(idsFound(clinician.post("/api/people/search", Map.of("query", typed))))
                .containsExactly(id);
        assertThat(idsFound(clinician.post("/api/people/search", Map.of("query", "abdelkader", "sex", "FEMALE"))))
                .doesNotContain(id);

        JsonNode read = clinician.get("/api/people/" + id).body();
        assertThat(read.path("chosenName").asString()).isEqualTo("Mohammed Abdelkader");
        assertThat(read.path("otherNames")).hasSize(2);
        assertThat(read.path("languages").toString()).contains("ar", "fr");
    }

    @Test
    void refusesAnInvalidRegistrationWithFieldErrorsAndWritesNothing() {
        long before = personCount();

        ApiSession.Response response = clinician
                .language("fr")
                .post(
                        "/api/people",
                        Map.of("details", Map.of("chosenName", " ", "sex", "MALE", "countryOfOrigin", "Sudan")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("invalid-input");
        assertThat(response.text("detail")).contains("Rien n'a été enregistré");
        List<String> fields = response.body()
                .path("fieldErrors")
                .valueStream()
                .map(error -> error.path("field").asString())
                .toList();
        assertThat(fields).contains("details.chosenName", "details.countryOfOrigin");
        assertThat(personCount()).isEqualTo(before);
    }

    @Test
    void takesTodayInTheTeamsTimeZoneJustAfterMidnight() {
        // 00:30 in Paris is still the day before in UTC: a baby born today must not be "in the future"
        ZonedDateTime halfPastMidnight = LocalDate.now(clock).atTime(0, 30).atZone(ZoneId.of("Europe/Paris"));
        String today = halfPastMidnight.toLocalDate().toString();
        String tomorrow = halfPastMidnight.toLocalDate().plusDays(1).toString();

        MovableClock.runAt(halfPastMidnight.toInstant(), () -> {
            ApiSession.Response bornToday = clinician.post("/api/people", newborn(today));
            ApiSession.Response bornTomorrow = clinician.post("/api/people", newborn(tomorrow));

            assertThat(bornToday.status()).as(bornToday.body().toString()).isEqualTo(201);
            assertThat(bornToday.body().path("birthDate").path("date").asString())
                    .isEqualTo(today);
            assertThat(bornTomorrow.status()).isEqualTo(400);
            assertThat(bornTomorrow.text("code")).isEqualTo("birth-date-in-future");
        });
    }

    private static Map<String, Object> newborn(String birthDate) {
        return Map.of(
                "details",
                Map.of(
                        "chosenName",
                        "Nour",
                        "sex",
                        "FEMALE",
                        "birthDate",
                        Map.of("precision", "EXACT", "date", birthDate)));
    }

    @Test
    void refusesABirthDateInTheFutureOrTooLongAgoInTheUsersLanguage() {
        long before = personCount();
        String tomorrow = LocalDate.now(clock).plusDays(1).toString();

        ApiSession.Response future = clinician
                .language("ar")
                .post(
                        "/api/people",
                        Map.of(
                                "details",
                                Map.of(
                                        "chosenName",
                                        "Amina",
                                        "sex",
                                        "FEMALE",
                                        "birthDate",
                                        Map.of("precision", "EXACT", "date", tomorrow))));
        ApiSession.Response ancient = clinician
                .language("en")
                .post(
                        "/api/people",
                        Map.of(
                                "details",
                                Map.of(
                                        "chosenName",
                                        "Amina",
                                        "sex",
                                        "FEMALE",
                                        "birthDate",
                                        Map.of("precision", "YEAR", "date", "1890-01-01"))));

        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("code")).isEqualTo("birth-date-in-future");
        assertThat(future.text("detail")).isEqualTo("لا يمكن أن يكون تاريخ الميلاد في المستقبل.");
        assertThat(future.body().path("fieldErrors").path(0).path("field").asString())
                .isEqualTo("details.birthDate");
        assertThat(ancient.status()).isEqualTo(400);
        assertThat(ancient.text("code")).isEqualTo("birth-date-too-old");
        assertThat(personCount()).isEqualTo(before);
    }

    @Test
    void keepsAnEstimatedAgeApartFromAnExactDate() {
        JsonNode person = clinician
                .post(
                        "/api/people",
                        Map.of(
                                "details",
                                Map.of(
                                        "chosenName",
                                        "Yonas",
                                        "sex",
                                        "MALE",
                                        "birthDate",
                                        Map.of(
                                                "precision",
                                                "ESTIMATED",
                                                "estimatedAge",
                                                16,
                                                "estimatedOn",
                                                "2026-01-10"))))
                .body();

        assertThat(person.path("birthDate").path("precision").asString()).isEqualTo("ESTIMATED");
        assertThat(person.path("birthDate").path("estimatedAge").asInt()).isEqualTo(16);
        assertThat(person.path("birthDate").path("date").asString()).isEqualTo("2010-01-10");
    }

    @Test
    void refusesAStaleEditAndKeepsTheNewerChange() {
        JsonNode person = TestOrganisation.register(clinician, "Tesfaye");
        String id = person.path("id").asString();
        ApiSession colleague = organisation.userAt(organisation.siteA, "CLINICIAN");

        ApiSession.Response first = colleague.put(
                "/api/people/" + id,
                Map.of("details", Map.of("chosenName", "Tesfaye Gebre", "sex", "MALE"), "version", 0));
        ApiSession.Response stale = clinician
                .language("fr")
                .put(
                        "/api/people/" + id,
                        Map.of("details", Map.of("chosenName", "Tesfay", "sex", "MALE"), "version", 0));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("version").asLong()).isEqualTo(1);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("code")).isEqualTo("stale-version");
        assertThat(stale.text("detail")).startsWith("Quelqu'un d'autre a modifié cette fiche");
        assertThat(stale.body().path("currentVersion").asLong()).isEqualTo(1);
        assertThat(clinician.get("/api/people/" + id).body().path("chosenName").asString())
                .isEqualTo("Tesfaye Gebre");
    }

    @Test
    void auditsRegistrationReadAndSearchWithoutKeepingTheSearchTerms() {
        JsonNode person = TestOrganisation.register(clinician, "Fatima Zahra");
        String id = person.path("id").asString();
        clinician.get("/api/people/" + id);
        clinician.post("/api/people/search", Map.of("query", "Zahra"));

        List<Map<String, Object>> entries = jdbc.sql("""
                        select action, actor_name, site_id::text as site from audit.audit_event
                         where record_id = ?::uuid order by id
                        """).param(id).query().listOfRows();
        assertThat(entries).extracting(row -> row.get("action")).containsExactly("CREATE", "READ");
        assertThat(entries).allSatisfy(row -> {
            assertThat(row.get("actor_name")).isEqualTo(organisation.username(clinician));
            assertThat(row.get("site")).isEqualTo(organisation.siteA);
        });
        String everything = jdbc.sql("select string_agg(audit_event::text, ' ') from audit.audit_event")
                .query(String.class)
                .single();
        assertThat(everything).doesNotContain("Zahra");
    }

    @Test
    void refusesAnEmptySearchAndAnUnknownPerson() {
        ApiSession.Response empty = clinician.post("/api/people/search", Map.of("query", " - "));
        ApiSession.Response unknown = clinician.get("/api/people/0190f0f0-0000-7000-8000-000000000000");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("code")).isEqualTo("search-empty");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void refusesPeopleDataToALogisticianAndToAnonymousCallers() {
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        ApiSession anonymous = new ApiSession(port);

        assertThat(logistician
                        .post("/api/people/search", Map.of("query", "Ahmad"))
                        .status())
                .isEqualTo(403);
        assertThat(anonymous
                        .post("/api/people/search", Map.of("query", "Ahmad"))
                        .status())
                .isIn(401, 403);
        anonymous.get("/api/session");
        assertThat(anonymous
                        .post("/api/people/search", Map.of("query", "Ahmad"))
                        .status())
                .isEqualTo(401);
    }

    private long personCount() {
        return jdbc.sql("select count(*) from people.person").query(Long.class).single();
    }

    private static List<String> idsFound(ApiSession.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body()
                .valueStream()
                .map(node -> node.path("id").asString())
                .toList();
    }
}
