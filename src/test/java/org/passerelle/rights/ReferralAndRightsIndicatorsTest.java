package org.passerelle.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
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
import tools.jackson.databind.JsonNode;

/**
 * The referral and rights indicators of the catalogue, counted over a month of referrals, steps of
 * rights files and consultations: by destination and outcome, coverage requested and obtained,
 * within 90 days of the first visit, and rights open at the last visit of the month.
 */
@PasserelleTest
class ReferralAndRightsIndicatorsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void countsReferralsByOutcomeAndCoverageObtainedAndOpenAtTheLastVisit() {
        TestOrganisation organisation = new TestOrganisation(port);
        String site = organisation.siteA;
        ApiSession clinician = organisation.userAt(site, "CLINICIAN");
        ApiSession social = organisation.userAt(site, "SOCIAL_LEGAL_WORKER");
        ApiSession coordinator = organisation.userAt(site, "COORDINATOR");
        String covered =
                TestOrganisation.register(clinician, "Amina").path("id").asString();
        String uncovered =
                TestOrganisation.register(clinician, "Yonas").path("id").asString();
        consultation(covered, site, "2025-03-02");
        consultation(covered, site, "2025-03-20");
        consultation(uncovered, site, "2025-03-15");
        record(social, covered, "AME_REQUESTED", "2025-03-03");
        record(social, covered, "AME_GRANTED", "2025-03-10");
        String pass = service(coordinator);
        JsonNode attended = refer(clinician, covered, pass);
        JsonNode refused = refer(clinician, uncovered, pass);
        step(clinician, attended, "ATTENDED");
        step(clinician, refused, "REFUSED");

        ApiSession.Response report = organisation
                .dataOfficer(true, List.of())
                .get("/api/reports?latest=true&site=" + site + "&from=2025-02-28&to=2025-03-31");

        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        JsonNode figures = report.body();
        assertThat(figure(figures, "REFERRALS_SENT")).isEqualTo(2);
        assertThat(figure(figures, "REFERRALS_COMPLETED")).isEqualTo(1);
        assertThat(figure(figures, "REFERRALS_REFUSED")).isEqualTo(1);
        assertThat(figure(figures, "REFERRALS_OPEN")).isZero();
        assertThat(figure(figures, "REFERRALS_TO_HOSPITAL")).isEqualTo(2);
        assertThat(figure(figures, "REFERRALS_TO_CITY_CARE")).isZero();
        assertThat(figure(figures, "COVERAGE_REQUESTED")).isEqualTo(1);
        assertThat(figure(figures, "COVERAGE_OBTAINED")).isEqualTo(1);
        assertThat(figure(figures, "COVERAGE_WITHIN_90_DAYS")).isEqualTo(1);
        assertThat(figure(figures, "COVERAGE_AFTER_90_DAYS")).isZero();
        assertThat(figure(figures, "RIGHTS_OPEN_AT_LAST_VISIT")).isEqualTo(1);
        assertThat(figure(figures, "PEOPLE_SEEN_FOR_RIGHTS")).isEqualTo(2);
    }

    private void consultation(String personId, String siteId, String day) {
        jdbc.sql("""
                        insert into care.encounter (id, person_id, site_id, discipline, compartment, occurred_on,
                               provider_id, provider_name, form_code, form_version, status, signed_at, coded)
                        values (:id, :person::uuid, :site::uuid, 'MEDICAL', 'GENERAL', :day, :provider, 'Provider',
                                'medical-consultation', 1, 'SIGNED', now(), '{}'::jsonb)
                        """)
                .param("id", UUID.randomUUID())
                .param("person", personId)
                .param("site", siteId)
                .param("day", LocalDate.parse(day))
                .param("provider", UUID.randomUUID())
                .update();
    }

    private static void record(ApiSession social, String personId, String kind, String day) {
        ApiSession.Response recorded = social.post(
                "/api/rights/people/" + personId + "/steps",
                Map.of("id", UUID.randomUUID().toString(), "kind", kind, "occurredOn", day, "documents", List.of()));
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
    }

    private static String service(ApiSession coordinator) {
        Map<String, Object> details = new HashMap<>();
        details.put("kind", "PASS");
        details.put("name", "PASS Calais");
        details.put("languages", List.of("fr", "ar"));
        details.put("needs", List.of("GENERAL_CARE"));
        details.put("acceptsUncovered", true);
        details.put("acceptsMinors", true);
        details.put("interpreter", false);
        details.put("closed", false);
        ApiSession.Response added = coordinator.post(
                "/api/directory/services", Map.of("id", UUID.randomUUID().toString(), "details", details));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        return added.text("id");
    }

    private static JsonNode refer(ApiSession clinician, String personId, String serviceId) {
        ApiSession.Response referred = clinician.post(
                "/api/referrals",
                Map.of(
                        "id", UUID.randomUUID().toString(),
                        "personId", personId,
                        "serviceId", serviceId,
                        "reason", "Wound to be seen",
                        "urgency", "ROUTINE",
                        "consent", "PERSON",
                        "sentOn", "2025-03-05"));
        assertThat(referred.status()).as(referred.body().toString()).isEqualTo(201);
        return referred.body();
    }

    private static void step(ApiSession clinician, JsonNode referral, String status) {
        ApiSession.Response stepped = clinician.post(
                "/api/referrals/" + referral.path("id").asString() + "/steps",
                Map.of("version", referral.path("version").asLong(), "status", status, "occurredOn", "2025-03-07"));
        assertThat(stepped.status()).as(stepped.body().toString()).isEqualTo(200);
    }

    private static long figure(JsonNode report, String code) {
        for (JsonNode figures : report.path("figures")) {
            if (figures.path("code").asString().equals(code)) {
                return figures.path("total").asLong();
            }
        }
        throw new AssertionError("no indicator " + code + " in " + report);
    }
}
