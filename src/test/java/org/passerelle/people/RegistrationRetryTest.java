package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A registration whose answer was lost may be sent again: same id and content, same person. */
@PasserelleTest
class RegistrationRetryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void answersTheSamePersonToARegistrationSentAgainAndRefusesAnotherWithTheSameId() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        String id = UUID.randomUUID().toString();
        Map<String, Object> details = Map.of(
                "chosenName",
                " Abdirahman Yusuf ",
                "sex",
                "MALE",
                "languages",
                List.of("so", "ar"),
                "birthDate",
                Map.of("precision", "YEAR", "date", "2001-06-15"));

        ApiSession.Response first = clinician.post("/api/people", Map.of("id", id, "details", details));
        ApiSession.Response again = clinician.post(
                "/api/people",
                Map.of(
                        "id",
                        id,
                        "details",
                        Map.of(
                                "chosenName",
                                "Abdirahman Yusuf",
                                "sex",
                                "MALE",
                                "languages",
                                List.of("ar", "so"),
                                "birthDate",
                                Map.of("precision", "YEAR", "date", "2001-01-01"))));
        ApiSession.Response different = clinician.post(
                "/api/people", Map.of("id", id, "details", Map.of("chosenName", "Someone Else", "sex", "MALE")));

        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
        assertThat(again.text("patientCode")).isEqualTo(first.text("patientCode"));
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.text("code")).isEqualTo("person-exists");
        assertThat(clinician.get("/api/people/" + id).text("chosenName")).isEqualTo("Abdirahman Yusuf");
        assertThat(jdbc.sql("select count(*) from people.person where id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void refusesTheSameRegistrationFromAUserWhoDoesNotReachThePerson() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession here = organisation.userAt(organisation.siteA, "CLINICIAN");
        ApiSession elsewhere = organisation.userAt(organisation.siteB, "CLINICIAN");
        Map<String, Object> registration = Map.of(
                "id", UUID.randomUUID().toString(), "details", Map.of("chosenName", "Hamid Noor", "sex", "MALE"));

        assertThat(here.post("/api/people", registration).status()).isEqualTo(201);
        ApiSession.Response refused = elsewhere.post("/api/people", registration);

        assertThat(refused.status())
                .as("no hint of who was registered elsewhere")
                .isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("person-exists");
    }
}
