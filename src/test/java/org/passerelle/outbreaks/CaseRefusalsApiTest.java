package org.passerelle.outbreaks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.outbreaks.OutbreakFixture.anonymousCase;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad cases are refused with a stable code and a message in the user's language, and nothing is
 * written; a case linked to a person takes their sex and age, and loses the link when they are erased.
 */
@PasserelleTest
class CaseRefusalsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession clinician;
    String site;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        site = organisation.siteA;
        clinician = organisation.userAt(site, "CLINICIAN");
    }

    @Test
    void badCasesAreRefusedWithTheirCodeAndWriteNothing() {
        LocalDate today = OutbreakFixture.today();
        Map<String, Object> onsetAfterOutcome = anonymousCase("cholera", site, "SUSPECTED", today.minusDays(2));
        onsetAfterOutcome.put("outcome", "RECOVERED");
        onsetAfterOutcome.put("outcomeOn", today.minusDays(5).toString());
        Map<String, Object> futureOutcome = anonymousCase("cholera", site, "SUSPECTED", today.minusDays(2));
        futureOutcome.put("outcome", "RECOVERED");
        futureOutcome.put("outcomeOn", today.plusDays(1).toString());
        Map<String, Object> offTheGlobe = anonymousCase("cholera", site, "SUSPECTED", today);
        offTheGlobe.put("latitude", 91.0);
        offTheGlobe.put("longitude", 2.0);
        Map<String, Object> halfCoordinates = anonymousCase("cholera", site, "SUSPECTED", today);
        halfCoordinates.put("latitude", 48.0);
        Map<String, Object> wrongGrade = anonymousCase("measles", site, "SUSPECTED", today);
        wrongGrade.put("severity", "SEVERE_DEHYDRATION");

        expect(onsetAfterOutcome, "outbreak-onset-after", "onsetOn");
        expect(futureOutcome, "outbreak-date-in-future", "outcomeOn");
        expect(anonymousCase("cholera", site, "ALMOST", today), "outbreak-unknown-classification", "classification");
        expect(anonymousCase("plague", site, "SUSPECTED", today), "outbreak-unknown-disease", "disease");
        expect(offTheGlobe, "outbreak-coordinates-out-of-range", "latitude");
        expect(halfCoordinates, "outbreak-coordinates-out-of-range", "longitude");
        expect(wrongGrade, "outbreak-unknown-severity", "severity");
        ApiSession.Response french = clinician.language("fr").post("/api/outbreaks/cases", onsetAfterOutcome);
        assertThat(french.text("detail")).contains("Rien n'a été enregistré");
        ApiSession.Response arabic = clinician.language("ar").post("/api/outbreaks/cases", onsetAfterOutcome);
        assertThat(arabic.text("detail")).contains("لم يُسجَّل شيء");
        assertThat(count()).isZero();
    }

    @Test
    void onlyCliniciansAtTheSiteRecordCases() {
        ApiSession coordinator = organisation.userAt(site, "COORDINATOR");
        ApiSession elsewhere = organisation.userAt(organisation.siteB, "CLINICIAN");
        Map<String, Object> body = anonymousCase("cholera", site, "SUSPECTED", OutbreakFixture.today());

        assertThat(coordinator.post("/api/outbreaks/cases", body).status()).isEqualTo(403);
        ApiSession.Response outside = elsewhere.post("/api/outbreaks/cases", body);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.text("code")).isEqualTo("outbreak-site-outside-scope");
        assertThat(elsewhere
                        .get("/api/outbreaks/diseases/cholera/cases?siteId=" + site)
                        .status())
                .isEqualTo(403);
        assertThat(count()).isZero();
    }

    @Test
    void aLinkedCaseTakesThePersonsSexAndAgeAndStaysAnonymousOnceTheyAreErased() {
        String person = TestOrganisation.registerBorn(clinician, "Amina Test", "2014-03-01");
        Map<String, Object> body = anonymousCase("cholera", site, "SUSPECTED", OutbreakFixture.today());
        body.remove("sex");
        body.remove("ageYears");
        body.put("personId", person);

        ApiSession.Response linked = clinician.post("/api/outbreaks/cases", body);

        assertThat(linked.status()).as(linked.body().toString()).isEqualTo(201);
        assertThat(linked.text("personId")).isEqualTo(person);
        assertThat(linked.text("ageGroup")).isEqualTo("05-14");
        assertThat(linked.body().toString()).doesNotContain("Amina");

        ApiSession dataOfficer = organisation.userAt(site, "DATA_OFFICER");
        dataOfficer.confirmIdentity(dataOfficer.enrolSecondFactor().getFirst());
        assertThat(dataOfficer
                        .post("/api/people/" + person + "/erasure", Map.of("reason", "PERSON_REQUEST"))
                        .status())
                .isEqualTo(204);

        ApiSession.Response after = clinician.get("/api/outbreaks/cases/" + linked.text("id"));
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body().has("personId")).isFalse();
        assertThat(after.text("ageGroup")).isEqualTo("05-14");
        assertThat(after.text("sex")).isEqualTo("MALE");
    }

    private void expect(Map<String, Object> body, String code, String field) {
        ApiSession.Response refused = clinician.language("en").post("/api/outbreaks/cases", body);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo(code);
        assertThat(refused.body().toString()).contains(field);
        assertThat(refused.text("detail")).contains("Nothing was recorded");
    }

    private long count() {
        return jdbc.sql("select count(*) from outbreaks.outbreak_case where site_id = ?::uuid")
                .param(site)
                .query(Long.class)
                .single();
    }
}
