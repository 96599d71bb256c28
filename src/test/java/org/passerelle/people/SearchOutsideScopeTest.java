package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The organisation-wide search finds a person followed only at other sites, but tells a user who
 * does not reach their file no more than recognises them: chosen name, sex, age and the site that
 * saw them last.
 */
@PasserelleTest
class SearchOutsideScopeTest {

    private static final String BIRTH_DATE = "1996-03-14";

    /** What a search must not tell about a person outside the user's scope. */
    private static final List<String> WITHHELD =
            List.of("patientCode", "otherNames", "birthDate", "countryOfOrigin", "phone", "registeredSiteId");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession clinicianAtA;
    ApiSession clinicianAtB;
    String surname;
    String personId;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinicianAtA = organisation.userAt(organisation.siteA, "CLINICIAN");
        clinicianAtB = organisation.userAt(organisation.siteB, "CLINICIAN");
        surname = "Tesfalem" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        ApiSession.Response created = clinicianAtB.post(
                "/api/people",
                Map.of(
                        "details",
                        Map.of(
                                "chosenName",
                                "Senait " + surname,
                                "otherNames",
                                List.of(Map.of("name", "Hidden " + surname, "kind", "ALIAS")),
                                "sex",
                                "FEMALE",
                                "birthDate",
                                Map.of("precision", "EXACT", "date", BIRTH_DATE),
                                "countryOfOrigin",
                                "ER",
                                "phone",
                                "+33 6 12 34 56 78")));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        personId = created.text("id");
    }

    @Test
    void showsOnlyNameSexAgeAndTheSiteLastSeenOfAPersonOutsideTheUsersSites() {
        JsonNode found = only(clinicianAtA.post("/api/people/search", Map.of("query", "Hidden " + surname)));

        assertThat(found.path("inScope").asBoolean()).isFalse();
        assertThat(found.path("chosenName").asString()).isEqualTo("Senait " + surname);
        assertThat(found.path("sex").asString()).isEqualTo("FEMALE");
        assertThat(found.path("age").asInt())
                .isEqualTo(Period.between(LocalDate.parse(BIRTH_DATE), LocalDate.now())
                        .getYears());
        assertThat(found.path("lastSeenAt").path("id").asString()).isEqualTo(organisation.siteB);
        assertThat(found.path("lastSeenAt").path("name").asString()).startsWith("Site B");
        for (String field : WITHHELD) {
            assertThat(found.path(field).isMissingNode() || found.path(field).isEmpty())
                    .as(field)
                    .isTrue();
        }
        assertThat(found.path("match").path("matchedName").asString())
                .as("the other name that matched is not revealed")
                .isEqualTo("Senait " + surname);
        assertThat(found.path("match")
                        .path("reasons")
                        .valueStream()
                        .map(reason -> reason.path("field").asString()))
                .doesNotContain("birth date");
        assertThat(found.toString()).doesNotContain("Hidden", "+33");
    }

    @Test
    void findsThePersonByTheCodeOnTheirCardWithoutEchoingIt() {
        String code = jdbc.sql("select patient_code from people.person where id = ?")
                .param(UUID.fromString(personId))
                .query(String.class)
                .single();

        JsonNode found = only(clinicianAtA.post("/api/people/search", Map.of("query", code)));

        assertThat(found.path("id").asString()).isEqualTo(personId);
        assertThat(found.path("patientCode").isMissingNode()).isTrue();
        assertThat(found.path("birthDate").isMissingNode()).isTrue();
    }

    @Test
    void showsEverythingToAUserWhoseSiteFollowsThePerson() {
        JsonNode found = only(clinicianAtB.post("/api/people/search", Map.of("query", "Senait " + surname)));

        assertThat(found.path("inScope").asBoolean()).isTrue();
        assertThat(found.path("patientCode").asString()).isNotBlank();
        assertThat(found.path("otherNames").path(0).asString()).isEqualTo("Hidden " + surname);
        assertThat(found.path("birthDate").path("date").asString()).isEqualTo(BIRTH_DATE);
        assertThat(found.path("countryOfOrigin").asString()).isEqualTo("ER");
    }

    @Test
    void showsLikelyMatchesBeforeARegistrationOutsideTheUsersSitesAsLittle() {
        ApiSession.Response likely = clinicianAtA.post(
                "/api/people/likely-matches",
                Map.of(
                        "details",
                        Map.of(
                                "chosenName",
                                "Senait " + surname,
                                "sex",
                                "FEMALE",
                                "birthDate",
                                Map.of("precision", "EXACT", "date", BIRTH_DATE))));

        assertThat(likely.status()).as(likely.body().toString()).isEqualTo(200);
        JsonNode person = likely.body()
                .valueStream()
                .map(match -> match.path("person"))
                .filter(candidate -> candidate.path("id").asString().equals(personId))
                .findFirst()
                .orElseThrow();
        assertThat(person.path("inScope").asBoolean()).isFalse();
        for (String field : WITHHELD) {
            assertThat(person.path(field).isMissingNode() || person.path(field).isEmpty())
                    .as(field)
                    .isTrue();
        }
    }

    /** The person registered for this test among what a search found. */
    private JsonNode only(ApiSession.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body()
                .valueStream()
                .filter(found -> found.path("id").asString().equals(personId))
                .findFirst()
                .orElseThrow();
    }
}
