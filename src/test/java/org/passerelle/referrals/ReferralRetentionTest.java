package org.passerelle.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.retention.RetainedRecords;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Referrals (with their steps and accompaniments) and rights steps are retained records: those
 * untouched since before the cutoff are counted and purged, the others stay.
 */
@PasserelleTest
class ReferralRetentionTest {

    private static final Instant CUTOFF = Instant.parse("2001-01-01T00:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<RetainedRecords> retained;

    @Test
    void referralsAndRightsStepsUntouchedSinceTheCutoffArePurgedAndTheOthersStay() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession social = organisation.userAt(organisation.siteA, "SOCIAL_LEGAL_WORKER");
        String person = TestOrganisation.register(social, "Old File").path("id").asString();
        String service = service(organisation);
        String old = refer(social, person, service);
        String recent = refer(social, person, service);
        String accompaniment = UUID.randomUUID().toString();
        ApiSession.Response accompanied = social.post(
                "/api/referrals/" + old + "/accompaniments",
                Map.of(
                        "id",
                        accompaniment,
                        "occurredOn",
                        today().toString(),
                        "companions",
                        "Social worker",
                        "transport",
                        "WALK",
                        "minutes",
                        60,
                        "outcome",
                        "SEEN"));
        assertThat(accompanied.status()).as(accompanied.body().toString()).isLessThan(300);
        String oldStep = step(social, person);
        String recentStep = step(social, person);
        jdbc.sql("update referrals.referral set updated_at = '2000-06-01' where id = ?::uuid")
                .param(old)
                .update();
        jdbc.sql("update rights.rights_step set created_at = '2000-06-01' where id = ?::uuid")
                .param(oldStep)
                .update();

        RetainedRecords referrals = type("referral");
        RetainedRecords steps = type("rights-step");
        assertThat(referrals.defaultMonths()).isEqualTo(120);
        assertThat(referrals.countExpired(CUTOFF).count()).isEqualTo(1);
        assertThat(steps.countExpired(CUTOFF).count()).isEqualTo(1);
        assertThat(referrals.purgeExpired(CUTOFF)).isEqualTo(1);
        assertThat(steps.purgeExpired(CUTOFF)).isEqualTo(1);

        assertThat(count("referrals.referral", old)).isZero();
        assertThat(count("referrals.accompaniment", accompaniment)).isZero();
        assertThat(jdbc.sql("select count(*) from referrals.referral_step where referral_id = ?::uuid")
                        .param(old)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(count("referrals.referral", recent)).isEqualTo(1);
        assertThat(count("rights.rights_step", oldStep)).isZero();
        assertThat(count("rights.rights_step", recentStep)).isEqualTo(1);
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(MovableClock.now(), ZoneId.of("Europe/Paris"));
    }

    private RetainedRecords type(String recordType) {
        return retained.stream()
                .filter(one -> one.recordType().equals(recordType))
                .findFirst()
                .orElseThrow();
    }

    private long count(String table, String id) {
        return jdbc.sql("select count(*) from " + table + " where id = ?::uuid")
                .param(id)
                .query(Long.class)
                .single();
    }

    private static String refer(ApiSession session, String person, String service) {
        ApiSession.Response referred = session.post(
                "/api/referrals",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "personId",
                        person,
                        "serviceId",
                        service,
                        "reason",
                        "Rights and care",
                        "urgency",
                        "ROUTINE",
                        "consent",
                        "PERSON"));
        assertThat(referred.status()).as(referred.body().toString()).isEqualTo(201);
        return referred.text("id");
    }

    private static String step(ApiSession session, String person) {
        String id = UUID.randomUUID().toString();
        ApiSession.Response recorded = session.post(
                "/api/rights/people/" + person + "/steps",
                Map.of(
                        "id",
                        id,
                        "kind",
                        "AME_REQUESTED",
                        "occurredOn",
                        today().minusDays(2).toString(),
                        "documents",
                        List.of()));
        assertThat(recorded.status()).as(recorded.body().toString()).isLessThan(300);
        return id;
    }

    private static String service(TestOrganisation organisation) {
        Map<String, Object> details = new HashMap<>();
        details.put("kind", "CPAM");
        details.put("name", "CPAM Calais");
        details.put("languages", List.of("fr"));
        details.put("needs", List.of());
        details.put("acceptsUncovered", true);
        details.put("acceptsMinors", true);
        details.put("interpreter", false);
        details.put("closed", false);
        ApiSession.Response added = organisation
                .userAt(organisation.siteA, "COORDINATOR")
                .post("/api/directory/services", Map.of("id", UUID.randomUUID().toString(), "details", details));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        return added.text("id");
    }
}
