package org.passerelle.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.passerelle.support.TotpCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Break-the-glass, re-authentication and taking into care: how a carer reaches the file of a person
 * their site scope or compartments do not reach, and how that is recorded and reviewed.
 */
@PasserelleTest
class BreakTheGlassTest {

    private static final String REASON = "Unconscious on arrival, need the treatment history";
    private static final String CARE_REASON = "Moved to our shelter, follow-up continues here";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession clinicianAtA;
    String personAtB;
    String personName;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinicianAtA = organisation.userAt(organisation.siteA, "CLINICIAN");
        ApiSession teamAtB =
                organisation.userAt(organisation.siteB, "CLINICIAN", "PSYCHOLOGIST", "SOCIAL_LEGAL_WORKER");
        personName = "Glass " + UUID.randomUUID().toString().substring(0, 6);
        personAtB = TestOrganisation.register(teamAtB, personName).path("id").asString();
        for (String discipline : new String[] {"MEDICAL", "MENTAL_HEALTH", "LEGAL"}) {
            assertThat(teamAtB.post("/api/consultations", Map.of("personId", personAtB, "discipline", discipline))
                            .status())
                    .isEqualTo(201);
        }
    }

    @Test
    void opensTheWholeFileForReadingOnlyAfterReauthenticationWithAReason() {
        assertThat(clinicianAtA.get("/api/people/" + personAtB).text("code")).isEqualTo("person-outside-scope");

        ApiSession.Response withoutConfirmation = open(clinicianAtA, REASON);
        assertThat(withoutConfirmation.status()).isEqualTo(403);
        assertThat(withoutConfirmation.text("code")).isEqualTo("reauthentication-required");

        ApiSession.Response wrongPassword =
                clinicianAtA.post("/api/session/reauthentication", Map.of("password", "not my password at all"));
        assertThat(wrongPassword.status()).isEqualTo(400);
        assertThat(wrongPassword
                        .body()
                        .path("fieldErrors")
                        .path(0)
                        .path("field")
                        .asString())
                .isEqualTo("password");
        assertThat(open(clinicianAtA, REASON).status()).isEqualTo(403);

        confirm(clinicianAtA);
        ApiSession.Response tooShort = open(clinicianAtA, "   urgent   ");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.text("code")).isEqualTo("emergency-reason-too-short");
        assertThat(grants()).isZero();

        ApiSession.Response opened = open(clinicianAtA, REASON);
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        Instant expires = Instant.parse(opened.text("expiresAt"));
        assertThat(Duration.between(MovableClock.now(), expires))
                .isBetween(Duration.ofMinutes(175), Duration.ofMinutes(181));

        ApiSession.Response file = clinicianAtA.get("/api/people/" + personAtB);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.text("emergencyAccessUntil")).isNotBlank();
        JsonNode history =
                clinicianAtA.get("/api/people/" + personAtB + "/consultations").body();
        assertThat(history.valueStream().map(c -> c.path("compartment").asString()))
                .containsExactlyInAnyOrder("GENERAL", "MENTAL_HEALTH", "LEGAL");
        assertThat(clinicianAtA
                        .post("/api/consultations", Map.of("personId", personAtB, "discipline", "MEDICAL"))
                        .status())
                .isEqualTo(403);

        JsonNode audit =
                organisation.admin().get("/api/audit?recordId=" + personAtB).body();
        assertThat(audit.valueStream().map(entry -> entry.path("action").asString()))
                .contains("BREAK_THE_GLASS");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void logsEveryRefusalWithoutPersonalData(CapturedOutput output) {
        assertThat(clinicianAtA.get("/api/people/" + personAtB).status()).isEqualTo(403);

        assertThat(output.getAll())
                .contains("Access refused: GET /api/people/" + personAtB + " (person-outside-scope) for "
                        + organisation.username(clinicianAtA));
        assertThat(output.getAll()).doesNotContain(personName);
    }

    @Test
    void endsWhenTheGrantExpires() {
        confirm(clinicianAtA);
        assertThat(open(clinicianAtA, REASON).status()).isEqualTo(201);
        assertThat(clinicianAtA.get("/api/people/" + personAtB).status()).isEqualTo(200);

        jdbc.sql("update people.emergency_access set granted_at = now() - interval '4 hours',"
                        + " expires_at = now() - interval '1 hour' where person_id = ?")
                .param(UUID.fromString(personAtB))
                .update();

        assertThat(clinicianAtA.get("/api/people/" + personAtB).status()).isEqualTo(403);
        assertThat(clinicianAtA
                        .get("/api/people/" + personAtB + "/consultations")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void isListedForReviewWithItsReasonUntilSomeoneElseReviewsIt() {
        confirm(clinicianAtA);
        String grantId = open(clinicianAtA, REASON).text("id");
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        ApiSession dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        dataOfficer.enrolSecondFactor();

        JsonNode pending = coordinator.get("/api/emergency-access").body();
        JsonNode grant = pending.valueStream()
                .filter(g -> g.path("id").asString().equals(grantId))
                .findFirst()
                .orElseThrow();
        assertThat(grant.path("reason").asString()).isEqualTo(REASON);
        assertThat(grant.path("patientCode").asString()).hasSize(8);
        assertThat(grant.path("active").asBoolean()).isTrue();

        ApiSession otherClinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        assertThat(otherClinician.get("/api/emergency-access").body()).isEmpty();
        assertThat(otherClinician
                        .post("/api/emergency-access/" + grantId + "/review", Map.of())
                        .status())
                .isEqualTo(403);

        ApiSession.Response reviewed = dataOfficer.post("/api/emergency-access/" + grantId + "/review", Map.of());
        assertThat(reviewed.status()).isEqualTo(204);
        ApiSession.Response again = coordinator.post("/api/emergency-access/" + grantId + "/review", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(coordinator
                        .get("/api/emergency-access")
                        .body()
                        .valueStream()
                        .map(g -> g.path("id").asString()))
                .doesNotContain(grantId);
        assertThat(coordinator
                        .get("/api/emergency-access?unreviewed=false")
                        .body()
                        .valueStream()
                        .filter(g -> g.path("id").asString().equals(grantId))
                        .map(g -> g.path("reviewedByName").asString()))
                .containsExactly("User " + organisation.username(dataOfficer));
    }

    @Test
    void nobodyReviewsTheirOwnGrantAndOnlyCarersBreakTheGlass() {
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        confirm(coordinator);
        String grantId = open(coordinator, REASON).text("id");
        assertThat(coordinator
                        .post("/api/emergency-access/" + grantId + "/review", Map.of())
                        .text("code"))
                .isEqualTo("own-emergency-access");

        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        confirm(logistician);
        ApiSession.Response refused = open(logistician, REASON);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("role-not-allowed");
        assertThat(open(clinicianAtA, REASON).status()).isEqualTo(403);
        assertThat(clinicianAtA
                        .post("/api/people/" + UUID.randomUUID() + "/emergency-access", Map.of("reason", REASON))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void asksAUserWithASecondFactorForACode() {
        ApiSession psychologist = organisation.userAt(organisation.siteA, "PSYCHOLOGIST");
        psychologist.enrolSecondFactor();

        ApiSession.Response withoutCode =
                psychologist.post("/api/session/reauthentication", Map.of("password", TestOrganisation.PASSWORD));
        assertThat(withoutCode.status()).isEqualTo(400);
        assertThat(withoutCode.text("code")).isEqualTo("invalid-code");
        assertThat(open(psychologist, REASON).text("code")).isEqualTo("reauthentication-required");

        String userId =
                psychologist.get("/api/session").body().path("user").path("id").asString();
        String secret = TotpCodes.secretOf(userId).orElseThrow();
        ApiSession.Response confirmed = psychologist.post(
                "/api/session/reauthentication",
                Map.of("password", TestOrganisation.PASSWORD, "code", TotpCodes.fresh(secret)));
        assertThat(confirmed.status()).isEqualTo(204);
        assertThat(open(psychologist, REASON).status()).isEqualTo(201);
    }

    @Test
    void takingIntoCareBringsAPersonFromAnotherSiteIntoScope() {
        JsonNode found = clinicianAtA
                .post("/api/people/search", Map.of("query", codeOf(personAtB)))
                .body();
        assertThat(found.path(0).path("inScope").asBoolean()).isFalse();
        assertThat(clinicianAtA
                        .post("/api/consultations", Map.of("personId", personAtB, "discipline", "MEDICAL"))
                        .text("code"))
                .isEqualTo("person-outside-scope");

        String code = codeOf(personAtB);
        String typedAsOnTheCard = (code.substring(0, 4) + " - " + code.substring(4)).toLowerCase(Locale.ROOT);
        ApiSession.Response taken = takeIntoCare(clinicianAtA, CARE_REASON, typedAsOnTheCard);

        assertThat(taken.status()).as(taken.body().toString()).isEqualTo(200);
        assertThat(clinicianAtA.get("/api/people/" + personAtB).status()).isEqualTo(200);
        assertThat(clinicianAtA
                        .post("/api/people/search", Map.of("query", codeOf(personAtB)))
                        .body()
                        .path(0)
                        .path("inScope")
                        .asBoolean())
                .isTrue();
        JsonNode history =
                clinicianAtA.get("/api/people/" + personAtB + "/consultations").body();
        assertThat(history.valueStream().map(c -> c.path("compartment").asString()))
                .containsExactly("GENERAL");
        JsonNode audit =
                organisation.admin().get("/api/audit?recordId=" + personAtB).body();
        assertThat(audit.valueStream().map(entry -> entry.path("recordType").asString()))
                .contains("person-care-site");
    }

    @Test
    void refusesToTakeIntoCareWithoutAReasonOrWithoutThePersonsCardAndChangesNothing() {
        String code = codeOf(personAtB);
        String someoneElsesCode = codeOf(TestOrganisation.register(clinicianAtA, "Other " + UUID.randomUUID())
                .path("id")
                .asString());

        ApiSession.Response noReason = takeIntoCare(clinicianAtA, "  because ", code);
        ApiSession.Response noCode =
                clinicianAtA.post("/api/people/" + personAtB + "/care-sites", Map.of("reason", CARE_REASON));
        ApiSession.Response wrongCard = takeIntoCare(clinicianAtA, CARE_REASON, someoneElsesCode);
        ApiSession.Response mistyped =
                takeIntoCare(clinicianAtA, CARE_REASON, code.substring(0, 7) + (code.endsWith("Z") ? "Y" : "Z"));
        ApiSession.Response notACarer =
                takeIntoCare(organisation.userAt(organisation.siteA, "DATA_OFFICER"), CARE_REASON, code);

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("fieldErrors").path(0).path("field").asString())
                .isEqualTo("reason");
        assertThat(noReason.text("code")).isEqualTo("care-reason-too-short");
        for (ApiSession.Response refused : new ApiSession.Response[] {noCode, wrongCard, mistyped}) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.text("code")).isEqualTo("patient-code-mismatch");
            assertThat(refused.body().path("fieldErrors").path(0).path("field").asString())
                    .isEqualTo("patientCode");
        }
        assertThat(notACarer.status()).isEqualTo(403);
        assertThat(clinicianAtA.get("/api/people/" + personAtB).text("code")).isEqualTo("person-outside-scope");
        assertThat(grants()).isZero();
        assertThat(takeIntoCare(clinicianAtA, CARE_REASON, code).status()).isEqualTo(200);
    }

    @Test
    void listsEachTakingIntoCareFromAnotherSiteForReviewWithItsReason() {
        ApiSession.Response taken = takeIntoCare(clinicianAtA, CARE_REASON, codeOf(personAtB));
        assertThat(taken.status()).isEqualTo(200);
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");

        JsonNode listed = coordinator
                .get("/api/emergency-access")
                .body()
                .valueStream()
                .filter(grant -> grant.path("personId").asString().equals(personAtB))
                .findFirst()
                .orElseThrow();
        assertThat(listed.path("kind").asString()).isEqualTo("TAKEN_INTO_CARE");
        assertThat(listed.path("reason").asString()).isEqualTo(CARE_REASON);
        assertThat(listed.path("active").asBoolean()).isFalse();
        assertThat(clinicianAtA
                        .post("/api/people/" + personAtB + "/emergency-access", Map.of("reason", REASON))
                        .text("code"))
                .as("a taking into care is no break-the-glass: it opens no compartment")
                .isEqualTo("reauthentication-required");
        assertThat(clinicianAtA
                        .post("/api/emergency-access/" + listed.path("id").asString() + "/review", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(coordinator
                        .post("/api/emergency-access/" + listed.path("id").asString() + "/review", Map.of())
                        .status())
                .isEqualTo(204);
        ApiSession.Response again = takeIntoCare(clinicianAtA, null, null);
        assertThat(again.status()).as("once in care here, no card is needed").isEqualTo(200);
        assertThat(grants()).isEqualTo(1);
    }

    private ApiSession.Response takeIntoCare(ApiSession user, String reason, String patientCode) {
        Map<String, String> body = new java.util.HashMap<>();
        body.put("reason", reason);
        body.put("patientCode", patientCode);
        return user.post("/api/people/" + personAtB + "/care-sites", body);
    }

    private String codeOf(String personId) {
        return jdbc.sql("select patient_code from people.person where id = ?")
                .param(UUID.fromString(personId))
                .query(String.class)
                .single();
    }

    private long grants() {
        return jdbc.sql("select count(*) from people.emergency_access where person_id = ?")
                .param(UUID.fromString(personAtB))
                .query(Long.class)
                .single();
    }

    private ApiSession.Response open(ApiSession user, String reason) {
        return user.post("/api/people/" + personAtB + "/emergency-access", Map.of("reason", reason));
    }

    private static void confirm(ApiSession user) {
        ApiSession.Response confirmed =
                user.post("/api/session/reauthentication", Map.of("password", TestOrganisation.PASSWORD));
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(204);
    }
}
