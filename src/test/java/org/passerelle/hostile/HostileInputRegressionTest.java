package org.passerelle.hostile;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Hostile inputs that once made the server fail or store something else than was sent. */
@PasserelleTest
class HostileInputRegressionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession clinician;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
    }

    @Test
    void refusesANulCharacterInASiteNameWithAProblemNamingTheFieldAndWritesNothing() {
        String programme = organisation
                .admin()
                .post("/api/programmes", Map.of("code", "NUL-TEST", "name", "Nul test"))
                .text("id");
        long before = count("sites.site");

        ApiSession.Response response = organisation
                .admin()
                .post("/api/sites", Map.of("programmeId", programme, "name", "Calais\u0000", "kind", "FIXED"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("invalid-characters");
        assertThat(response.body().path("fieldErrors").path(0).path("field").asString())
                .isEqualTo("name");
        assertThat(count("sites.site")).isEqualTo(before);
    }

    @Test
    void refusesANulCharacterInAnOtherNameInTheUsersLanguage() {
        long before = count("people.person");

        ApiSession.Response response = clinician
                .language("fr")
                .post(
                        "/api/people",
                        Map.of(
                                "details",
                                Map.of(
                                        "chosenName",
                                        "Hawa Diallo",
                                        "sex",
                                        "FEMALE",
                                        "otherNames",
                                        List.of(Map.of("name", "Hawa\u0000", "kind", "ALIAS")))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("invalid-characters");
        assertThat(response.text("detail")).contains("Rien n'a été enregistré");
        assertThat(response.body().path("fieldErrors").path(0).path("field").asString())
                .isEqualTo("details.otherNames[0].name");
        assertThat(count("people.person")).isEqualTo(before);
    }

    @Test
    void refusesAnUnpairedSurrogateRatherThanStoringAQuestionMark() {
        String person =
                TestOrganisation.register(clinician, "Amina Yusuf").path("id").asString();
        long before = count("care.encounter");

        ApiSession.Response programme =
                organisation.admin().post("/api/programmes", "{\"code\": \"SURROGATE\", \"name\": \"Lone \\uD800\"}");
        ApiSession.Response consultation = clinician.post(
                "/api/consultations",
                "{\"personId\": \"" + person + "\", \"discipline\": \"MEDICAL\", \"note\": \"\\uDC00 cough\"}");

        assertThat(programme.status()).isEqualTo(400);
        assertThat(programme.text("code")).isEqualTo("invalid-characters");
        assertThat(consultation.status()).isEqualTo(400);
        assertThat(consultation.text("code")).isEqualTo("invalid-characters");
        assertThat(count("care.encounter")).isEqualTo(before);
    }

    @Test
    void refusesANameWhoseDirectionOrInvisibleCharactersMakeItShowOtherThanStoredAndWritesNothing() {
        long before = count("people.person");

        ApiSession.Response override = clinician
                .language("ar")
                .post("/api/people", Map.of("details", Map.of("chosenName", "Ali\u202Eexe.PDF", "sex", "MALE")));
        ApiSession.Response zeroWidth = clinician
                .language("fr")
                .post(
                        "/api/people",
                        Map.of(
                                "details",
                                Map.of(
                                        "chosenName",
                                        "Hawa Diallo",
                                        "sex",
                                        "FEMALE",
                                        "otherNames",
                                        List.of(Map.of("name", "Ha\u200Bwa", "kind", "ALIAS")))));
        ApiSession.Response persian = clinician.post(
                "/api/people", Map.of("details", Map.of("chosenName", "نرگس می\u200Cخواهد", "sex", "FEMALE")));

        assertThat(override.status()).isEqualTo(400);
        JsonNode field = override.body().path("fieldErrors").path(0);
        assertThat(field.path("field").asString()).isEqualTo("details.chosenName");
        assertThat(field.path("code").asString()).isEqualTo("InlineText");
        assertThat(field.path("message").asString()).contains("أحرف غير مرئية");
        assertThat(zeroWidth.status()).isEqualTo(400);
        assertThat(zeroWidth.body().path("fieldErrors").path(0).path("field").asString())
                .isEqualTo("details.otherNames[0].name");
        assertThat(zeroWidth.body().path("fieldErrors").path(0).path("message").asString())
                .contains("caractères invisibles");
        assertThat(persian.status())
                .as("a non-joiner between Persian letters is spelling")
                .isEqualTo(201);
        assertThat(persian.text("chosenName")).isEqualTo("نرگس می\u200Cخواهد");
        assertThat(count("people.person")).isEqualTo(before + 1);
    }

    @Test
    void keepsLineBreaksTabsAndScriptsInTextThatIsAccepted() {
        String person = TestOrganisation.register(clinician, "አበበ ቢቂላ 👩🏽‍⚕️")
                .path("id")
                .asString();
        String note = "Toux depuis deux semaines.\n\tسعال منذ أسبوعين\r\ne\u0301\u202Eend";

        ApiSession.Response consultation =
                clinician.post("/api/consultations", Map.of("personId", person, "discipline", "NURSING", "note", note));

        assertThat(consultation.status()).isEqualTo(201);
        assertThat(clinician
                        .get("/api/people/" + person + "/consultations")
                        .body()
                        .path(0)
                        .path("note")
                        .asString())
                .isEqualTo(note);
        assertThat(clinician.get("/api/people/" + person).text("chosenName")).isEqualTo("አበበ ቢቂላ 👩🏽‍⚕️");
    }

    @Test
    void answersAWrongContentTypeWithAProblemThatHasACode() {
        HostileClient.Answer answer =
                new HostileClient(port).anonymous().send("POST", "/api/session", "username=admin", "text/plain");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text("code")).isEqualTo("unsupported-media-type");
        assertThat(answer.text("detail")).isEqualTo("The request must be sent as JSON. Nothing was saved.");
    }

    @Test
    void answersAWildcardContentTypeWithUnsupportedMediaTypeRatherThanAServerError() {
        long before = count("people.person");

        HostileClient.Answer answer = new HostileClient(port)
                .loggedInAs(organisation.username(clinician), TestOrganisation.PASSWORD)
                .send("POST", "/api/people", "{\"details\": {\"chosenName\": \"Hawa\", \"sex\": \"FEMALE\"}}", "*/*");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.text("code")).isEqualTo("unsupported-media-type");
        assertThat(count("people.person")).isEqualTo(before);
    }

    @Test
    void answersAFormBodyWithControlCharactersOrBrokenUtf8WithAProblemRatherThanAServerError() {
        HostileClient client = new HostileClient(port).anonymous();

        HostileClient.Answer control =
                client.send("POST", "/api/session", "user\u0007name=admin", "application/x-www-form-urlencoded");
        HostileClient.Answer broken = client.sendBytes(
                "POST", "/api/session", new byte[] {'a', '=', (byte) 0xFF}, "application/x-www-form-urlencoded");

        assertThat(control.status()).as("%s", control).isEqualTo(400);
        assertThat(control.text("code")).isEqualTo("unreadable-input");
        assertThat(broken.status()).as("%s", broken).isEqualTo(400);
        assertThat(broken.text("code")).isEqualTo("unreadable-input");
    }

    @Test
    void answersAMalformedFormBodySentWithPutWithAProblemRatherThanAServerError() {
        HostileClient client =
                new HostileClient(port).loggedInAs(organisation.username(clinician), TestOrganisation.PASSWORD);

        HostileClient.Answer answer =
                client.send("PUT", "/api/session/site", "site=%", "application/x-www-form-urlencoded");

        assertThat(answer.status()).as("%s", answer).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text("code")).isEqualTo("unsupported-media-type");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
