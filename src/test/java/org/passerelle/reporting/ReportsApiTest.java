package org.passerelle.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.reporting.ReportFixture.figure;
import static org.passerelle.reporting.ReportFixture.person;

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
 * Indicators over a small known data set: March 2025 in a programme of two sites, with a repeat
 * visit whose first was in February, a draft and a deleted consultation that do not count, a
 * group session, and a referral.
 */
@PasserelleTest
class ReportsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ReportFixture fixture;
    ApiSession coordinator;
    String programmeId;
    String woman;
    String boy;
    String child;
    String unknownAge;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        fixture = new ReportFixture(jdbc);
        ApiSession clinicianA = organisation.userAt(organisation.siteA, "CLINICIAN");
        ApiSession clinicianB = organisation.userAt(organisation.siteB, "CLINICIAN");
        coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        programmeId = siteProgramme(organisation.siteA);
        woman = person(clinicianA, "Amina", "FEMALE", "2000-01-01");
        boy = person(clinicianB, "Yonas", "MALE", "2009-06-01");
        child = person(clinicianA, "Samir", "MALE", "2022-01-01");
        unknownAge = person(clinicianA, "Hawa", "FEMALE", null);
        String a = organisation.siteA;
        String b = organisation.siteB;
        fixture.consultation(woman, a, "MEDICAL", "2025-02-10");
        fixture.consultation(woman, a, "MEDICAL", "2025-03-05");
        fixture.encounter(
                woman, a, "MEDICAL", "2025-03-20", "medical-consultation", "{\"referred-to\": \"PASS\"}", null, true);
        fixture.consultation(woman, a, "MENTAL_HEALTH", "2025-03-21");
        fixture.consultation(boy, b, "NURSING", "2025-03-10");
        fixture.consultation(child, a, "MEDICAL", "2025-03-11");
        fixture.consultation(unknownAge, a, "SOCIAL", "2025-03-12");
        fixture.encounter(boy, b, "MEDICAL", "2025-03-15", "medical-consultation", "{}", null, false);
        UUID deleted = fixture.consultation(child, a, "MEDICAL", "2025-03-16");
        fixture.update(deleted, "deleted_at = now()");
        fixture.encounter(null, a, "MENTAL_HEALTH", "2025-03-18", "mental-health-group-session", "{}", 12, true);
    }

    private String siteProgramme(String siteId) {
        return jdbc.sql("select programme_id::text from sites.site where id = ?::uuid")
                .param(siteId)
                .query(String.class)
                .single();
    }

    /**
     * The calendar year 2025, its first quarter and the month of March 2025, read from the roll-ups (and for a whole
     * programme or organisation from the tallies of distinct persons), equal the same days counted
     * from the facts.
     */
    private void assertYearAgreesWithFacts(ApiSession session, String scope) {
        assertAgree(session, scope, "period=2025", "from=2025-01-02&to=2025-12-30");
        assertAgree(session, scope, "period=2025-03", "from=2025-02-28&to=2025-03-31");
        assertAgree(session, scope, "period=2025-Q1", "from=2024-12-31&to=2025-03-31");
    }

    private void assertAgree(ApiSession session, String scope, String rolledUp, String counted) {
        String prefix = scope.isEmpty() ? "" : scope + "&";
        ApiSession.Response fromRollups = session.get("/api/reports?latest=true&" + prefix + rolledUp);
        ApiSession.Response fromFacts = session.get("/api/reports?latest=true&" + prefix + counted);
        assertThat(fromRollups.status()).as(fromRollups.body().toString()).isEqualTo(200);
        assertThat(fromFacts.body().path("figures"))
                .as("figures counted from the facts equal those read from the roll-ups (%s %s)", scope, rolledUp)
                .isEqualTo(fromRollups.body().path("figures"));
    }

    private JsonNode march(ApiSession session) {
        ApiSession.Response response =
                session.get("/api/reports?latest=true&programme=" + programmeId + "&period=2025-03");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    @Test
    void countsEachIndicatorWithEachDisaggregation() {
        ApiSession all = organisation.dataOfficer(true, List.of());
        JsonNode report = march(all);

        assertThat(figure(report, "OUTPATIENT_CONSULTATIONS")).isEqualTo(4);
        assertThat(figure(report, "OUTPATIENT_CONSULTATIONS", "SEX", "FEMALE")).isEqualTo(2);
        assertThat(figure(report, "OUTPATIENT_CONSULTATIONS", "SEX", "MALE")).isEqualTo(2);
        assertThat(figure(report, "OUTPATIENT_CONSULTATIONS", "AGE_GROUP", "18+"))
                .isEqualTo(2);
        assertThat(figure(report, "OUTPATIENT_CONSULTATIONS", "AGE_GROUP", "15-17"))
                .isEqualTo(1);
        assertThat(figure(report, "OUTPATIENT_CONSULTATIONS", "AGE_GROUP", "00-04"))
                .isEqualTo(1);
        assertThat(figure(report, "OUTPATIENT_CONSULTATIONS", "DISCIPLINE", "MEDICAL"))
                .isEqualTo(3);
        assertThat(figure(report, "OUTPATIENT_CONSULTATIONS", "DISCIPLINE", "NURSING"))
                .isEqualTo(1);
        assertThat(figure(report, "OUTPATIENT_CONSULTATIONS", "VISIT", "NEW"))
                .as("the woman's first medical consultation was in February")
                .isEqualTo(2);
        assertThat(figure(report, "OUTPATIENT_CONSULTATIONS", "VISIT", "REPEAT"))
                .isEqualTo(2);
        assertThat(figure(report, "OUTPATIENT_CONSULTATIONS", "SITE", organisation.siteA))
                .isEqualTo(3);
        assertThat(figure(report, "OUTPATIENT_CONSULTATIONS", "SITE", organisation.siteB))
                .isEqualTo(1);
        assertThat(figure(report, "OUTPATIENT_CONSULTATIONS", "PROGRAMME", programmeId))
                .isEqualTo(4);

        assertThat(figure(report, "MENTAL_HEALTH_INDIVIDUAL")).isEqualTo(1);
        assertThat(figure(report, "MENTAL_HEALTH_INDIVIDUAL", "VISIT", "NEW")).isEqualTo(1);
        assertThat(figure(report, "MENTAL_HEALTH_GROUP_SESSIONS")).isEqualTo(1);
        assertThat(figure(report, "MENTAL_HEALTH_GROUP_PARTICIPANTS")).isEqualTo(12);
        assertThat(figure(report, "CONSULTATIONS")).isEqualTo(6);
        assertThat(figure(report, "CONSULTATIONS", "DISCIPLINE", "SOCIAL")).isEqualTo(1);
        assertThat(figure(report, "REFERRALS_MADE")).isEqualTo(1);

        assertThat(figure(report, "PEOPLE_REACHED")).isEqualTo(4);
        assertThat(figure(report, "PEOPLE_REACHED", "SEX", "FEMALE")).isEqualTo(2);
        assertThat(figure(report, "PEOPLE_REACHED", "AGE_GROUP", "unknown")).isEqualTo(1);
        assertThat(figure(report, "PEOPLE_REACHED", "AGE_GROUP", "00-04")).isEqualTo(1);
        assertThat(figure(report, "PEOPLE_REACHED", "SITE", organisation.siteA)).isEqualTo(3);
        assertThat(figure(report, "PEOPLE_REACHED", "SITE", organisation.siteB)).isEqualTo(1);
        assertThat(figure(report, "PEOPLE_REACHED", "DISCIPLINE", "MEDICAL"))
                .as("each person once per discipline")
                .isEqualTo(2);
        assertThat(figure(report, "MINORS_SEEN")).isEqualTo(2);
        assertThat(figure(report, "WOMEN_SEEN")).isEqualTo(1);

        JsonNode months = march(all).path("figures").get(0).path("months");
        assertThat(months.path("2025-03").asLong()).isEqualTo(4);
        JsonNode year = all.get("/api/reports?latest=true&programme=" + programmeId + "&period=2025")
                .body();
        assertThat(figure(year, "OUTPATIENT_CONSULTATIONS")).isEqualTo(5);
        assertThat(figure(year, "PEOPLE_REACHED")).isEqualTo(4);
        assertYearAgreesWithFacts(all, "programme=" + programmeId);
        assertYearAgreesWithFacts(all, "");
        assertYearAgreesWithFacts(coordinator, "programme=" + programmeId);
        assertThat(figure(
                        coordinator
                                .get("/api/reports?latest=true&programme=" + programmeId + "&period=2025")
                                .body(),
                        "PEOPLE_REACHED"))
                .as("a coordinator of site A only: the year is counted over that site")
                .isEqualTo(3);
        JsonNode custom = all.get(
                        "/api/reports?latest=true&site=" + organisation.siteB + "&from=2025-03-01&to=2025-03-10")
                .body();
        assertThat(figure(custom, "OUTPATIENT_CONSULTATIONS")).isEqualTo(1);
    }

    @Test
    void countsRegistrationsAtTheSiteThatRegistered() {
        ApiSession all = organisation.dataOfficer(true, List.of());
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        JsonNode report = all.get("/api/reports?latest=true&programme=" + programmeId + "&period=" + month)
                .body();

        assertThat(figure(report, "NEW_REGISTRATIONS")).isEqualTo(4);
        assertThat(figure(report, "NEW_REGISTRATIONS", "SITE", organisation.siteB))
                .isEqualTo(1);
        assertThat(figure(report, "NEW_REGISTRATIONS", "SEX", "FEMALE")).isEqualTo(2);
    }

    @Test
    void staysRightWhenConsultationsArriveLateAreAmendedOrSigned() {
        ApiSession all = organisation.dataOfficer(true, List.of());
        assertThat(figure(march(all), "OUTPATIENT_CONSULTATIONS", "VISIT", "NEW"))
                .isEqualTo(2);

        // synchronised late: an earlier nursing visit of the boy makes his 10 March visit a repeat
        fixture.consultation(boy, organisation.siteB, "NURSING", "2025-03-01");
        JsonNode late = march(all);
        assertThat(figure(late, "OUTPATIENT_CONSULTATIONS")).isEqualTo(5);
        assertThat(figure(late, "OUTPATIENT_CONSULTATIONS", "VISIT", "NEW")).isEqualTo(2);
        assertThat(figure(late, "OUTPATIENT_CONSULTATIONS", "VISIT", "REPEAT")).isEqualTo(3);

        // amended: the child's consultation was in fact in April
        UUID childVisit = jdbc.sql("select id from care.encounter where person_id = ?::uuid and deleted_at is null")
                .param(child)
                .query(UUID.class)
                .single();
        fixture.update(childVisit, "occurred_on = date '2025-04-02', revision = 2");
        JsonNode amended = march(all);
        assertThat(figure(amended, "OUTPATIENT_CONSULTATIONS")).isEqualTo(4);
        assertThat(figure(amended, "MINORS_SEEN")).isEqualTo(1);

        // a draft signed later counts from then on
        fixture.update(
                jdbc.sql("select id from care.encounter where person_id = ?::uuid and status = 'DRAFT'")
                        .param(boy)
                        .query(UUID.class)
                        .single(),
                "status = 'SIGNED', signed_at = now()");
        assertThat(figure(march(all), "OUTPATIENT_CONSULTATIONS", "DISCIPLINE", "MEDICAL"))
                .isEqualTo(3);
        assertYearAgreesWithFacts(all, "programme=" + programmeId);
        assertYearAgreesWithFacts(all, "");
    }

    @Test
    void countsASiteMovedToAnotherProgrammeThere() {
        ApiSession all = organisation.dataOfficer(true, List.of());
        JsonNode before = all.get("/api/reports?latest=true&programme=" + programmeId + "&period=2025")
                .body();
        assertThat(figure(before, "PEOPLE_REACHED")).isEqualTo(4);

        String other = jdbc.sql("insert into sites.programme (id, code, name) values (gen_random_uuid(), ?, ?)"
                        + " returning id::text")
                .params(
                        "P-MOVED-" + programmeId.substring(0, 8).toUpperCase(java.util.Locale.ROOT),
                        "Moved " + programmeId)
                .query(String.class)
                .single();
        jdbc.sql("update sites.site set programme_id = ?::uuid where id = ?::uuid")
                .params(other, organisation.siteB)
                .update();
        JsonNode after = all.get("/api/reports?latest=true&programme=" + programmeId + "&period=2025")
                .body();
        assertThat(figure(after, "PEOPLE_REACHED"))
                .as("the boy was seen at site B only")
                .isEqualTo(3);
        assertThat(figure(
                        all.get("/api/reports?latest=true&programme=" + other + "&period=2025")
                                .body(),
                        "PEOPLE_REACHED"))
                .isEqualTo(1);
        assertYearAgreesWithFacts(all, "programme=" + programmeId);
        assertYearAgreesWithFacts(all, "programme=" + other);
        assertYearAgreesWithFacts(all, "");
    }

    @Test
    void countsMergedDuplicatesOnceAndKeepsErasedPersonsAnonymously() {
        ApiSession dataOfficer = organisation.dataOfficer(true, List.of());
        assertThat(figure(march(dataOfficer), "PEOPLE_REACHED")).isEqualTo(4);

        // the child turns out to be a duplicate of the woman's record (a wrong registration)
        ApiSession.Response merge = dataOfficer.post("/api/people/" + woman + "/merges", Map.of("mergedId", child));
        assertThat(merge.status()).as(merge.body().toString()).isEqualTo(201);
        JsonNode merged = march(dataOfficer);
        assertThat(figure(merged, "PEOPLE_REACHED")).isEqualTo(3);
        assertThat(figure(merged, "OUTPATIENT_CONSULTATIONS", "VISIT", "NEW"))
                .as("the merged record's first medical visit follows the kept record's February one")
                .isEqualTo(1);
        assertThat(figure(merged, "NEW_REGISTRATIONS")).isZero();
        assertYearAgreesWithFacts(dataOfficer, "programme=" + programmeId);

        dataOfficer.confirmIdentity();
        ApiSession.Response erased =
                dataOfficer.post("/api/people/" + unknownAge + "/erasure", Map.of("reason", "PERSON_REQUEST"));
        assertThat(erased.status()).as(erased.body().toString()).isEqualTo(204);
        JsonNode after = march(dataOfficer);
        assertThat(figure(after, "PEOPLE_REACHED"))
                .as("the figures survive the erasure")
                .isEqualTo(3);
        assertThat(figure(after, "CONSULTATIONS", "DISCIPLINE", "SOCIAL")).isEqualTo(1);
        assertYearAgreesWithFacts(dataOfficer, "programme=" + programmeId);
        assertYearAgreesWithFacts(dataOfficer, "");
        assertThat(jdbc.sql("select count(*) from reporting.encounter_fact where person_key = ?::uuid")
                        .param(unknownAge)
                        .query(Long.class)
                        .single())
                .as("nothing in reporting points to the erased person")
                .isZero();
    }

    @Test
    void showsCoordinatorsTheirSitesOnlyAndCliniciansNothing() {
        JsonNode scope = coordinator.get("/api/reports/scope").body();
        assertThat(scope.path("programmes").get(0).path("sites").size()).isEqualTo(1);
        assertThat(figure(march(coordinator), "OUTPATIENT_CONSULTATIONS"))
                .as("only site A in the coordinator's scope")
                .isEqualTo(3);
        assertThat(coordinator
                        .get("/api/reports?latest=true&site=" + organisation.siteB + "&period=2025-03")
                        .status())
                .isEqualTo(403);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        ApiSession.Response refused =
                clinician.get("/api/reports?latest=true&programme=" + programmeId + "&period=2025-03");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("role-not-allowed");
        assertThat(clinician
                        .get("/api/reports/export?latest=true&table=headline&period=2025-03")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void refusesBadPeriodsAndTablesWithClearProblems() {
        for (String query :
                List.of("period=2025-13", "period=2025-Q5", "period=last-year", "from=2025-03-10&to=2025-03-01", "")) {
            ApiSession.Response response = coordinator.get("/api/reports?latest=true&" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.text("code")).as(query).isEqualTo("bad-period");
        }
        assertThat(coordinator
                        .get("/api/reports/export?latest=true&table=secret&period=2025-03")
                        .text("code"))
                .isEqualTo("bad-report-table");
        assertThat(coordinator
                        .get("/api/reports/export?latest=true&table=headline&format=pdf&period=2025-03")
                        .text("code"))
                .isEqualTo("bad-export-format");
        assertThat(coordinator
                        .get("/api/reports?latest=true&site=" + UUID.randomUUID() + "&period=2025")
                        .status())
                .isEqualTo(404);
    }
}
