package org.passerelle.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.crypto.SubjectKeys;
import org.passerelle.retention.RetentionViews.Outcome;
import org.passerelle.retention.RetentionViews.PurgeResult;
import org.passerelle.retention.RetentionViews.Purged;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.passerelle.support.TotpCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Retention over the API and through the purge the daily job runs: the dry run counts without
 * changing anything, the purge erases persons nobody has seen for the period and keeps the others,
 * and only administrators change rules or purge.
 */
@PasserelleTest
class RetentionApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubjectKeys keys;

    @Autowired
    Retention retention;

    TestOrganisation organisation;
    ApiSession clinician;
    ApiSession dataOfficer;
    ApiSession administrator;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        dataOfficer.enrolSecondFactor();
        administrator = organisation.userAt(organisation.siteA, "ADMINISTRATOR");
        administrator.enrolSecondFactor();
    }

    @Test
    void dryRunCountsExactlyTheRecordsPastTheCutoffAndChangesNothing() {
        JsonNode before = dataOfficer.get("/api/retention/report").body();
        LocalDate longAgo = LocalDate.now(ZoneOffset.UTC).minusYears(40);
        lastSeen(register("Old One"), longAgo, longAgo);
        lastSeen(register("Old Two"), longAgo.plusYears(1), longAgo.plusYears(1));
        lastSeen(register("Seen Lately"), longAgo, LocalDate.now(ZoneOffset.UTC).minusMonths(2));
        register("Registered Today");
        jdbc.sql("insert into people.erasure (person_id, erased_at, erased_by, reason) values (?, ?, ?, 'OTHER')")
                .params(
                        UUID.randomUUID(),
                        Instant.now().minusSeconds(3600L * 24 * 365 * 6).atOffset(ZoneOffset.UTC),
                        UUID.randomUUID())
                .update();
        Map<String, Long> rowsBefore = rowCounts();

        ApiSession.Response report = dataOfficer.get("/api/retention/report");

        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        assertThat(rowCounts()).as("the dry run changes nothing").isEqualTo(rowsBefore);
        JsonNode person = line(report.body(), "person");
        assertThat(person.path("rule").path("months").asInt()).isEqualTo(120);
        assertThat(person.path("rule").path("enabled").asBoolean()).isTrue();
        assertThat(Instant.parse(person.path("cutoff").asString()))
                .isBetween(
                        Instant.now().minusSeconds(3600L * 24 * 3654),
                        Instant.now().minusSeconds(3600L * 24 * 3650));
        assertThat(person.path("expired").asLong())
                .isEqualTo(line(before, "person").path("expired").asLong() + 2);
        assertThat(person.path("oldest").asString()).isEqualTo(longAgo + "T00:00:00Z");
        assertThat(line(report.body(), "erasure").path("expired").asLong())
                .isEqualTo(line(before, "erasure").path("expired").asLong() + 1);
        assertThat(line(report.body(), "audit").path("rule").path("months").asInt())
                .isEqualTo(72);
        assertThat(line(report.body(), "audit").path("expired").asLong()).isZero();
        retention.purge();
    }

    @Test
    void purgeErasesPersonsLastSeenLongAgoWithTheirConsultationsAndKeys() {
        String old = register("Long Gone");
        clinician.post("/api/consultations", Map.of("personId", old, "discipline", "MEDICAL", "note", "Toux"));
        String seenLately = register("Seen Lately");
        String registeredToday = register("Registered Today");
        LocalDate elevenYearsAgo = LocalDate.now(ZoneOffset.UTC).minusYears(11);
        lastSeen(old, elevenYearsAgo, elevenYearsAgo);
        lastSeen(seenLately, elevenYearsAgo, LocalDate.now(ZoneOffset.UTC).minusYears(9));
        assertThat(count("select count(*) from care.encounter where person_id = ?::uuid", old))
                .isOne();

        PurgeResult result = retention.purge();

        assertThat(purged(result, "person").outcome()).isEqualTo(Outcome.PURGED);
        assertThat(purged(result, "person").removed()).isPositive();
        assertThat(count("select count(*) from people.person where id = ?::uuid", old))
                .isZero();
        assertThat(count("select count(*) from care.encounter where person_id = ?::uuid", old))
                .isZero();
        assertThat(keys.existingKey(UUID.fromString(old)))
                .as("the key is destroyed")
                .isEmpty();
        assertThat(jdbc.sql("select reason || ' by ' || coalesce(erased_by::text, 'nobody') from people.erasure"
                                + " where person_id = ?::uuid")
                        .param(old)
                        .query(String.class)
                        .single())
                .isEqualTo("RETENTION_ENDED by nobody");
        assertThat(jdbc.sql("select actor_name || ' ' || action || ' ' || outcome from audit.audit_event"
                                + " where record_id = ?::uuid order by id desc limit 1")
                        .param(old)
                        .query(String.class)
                        .single())
                .isEqualTo("system DELETE RETENTION_ENDED");
        for (String kept : List.of(seenLately, registeredToday)) {
            assertThat(clinician.get("/api/people/" + kept).status()).isEqualTo(200);
            assertThat(keys.existingKey(UUID.fromString(kept))).isPresent();
        }
        assertThat(jdbc.sql("select outcome from audit.audit_event where record_type = 'person' and record_id is null"
                                + " and actor_name = 'system' order by id desc limit 1")
                        .query(String.class)
                        .single())
                .as("one audit line per record type, with how many were removed")
                .isEqualTo("RETENTION_PURGED:" + purged(result, "person").removed());
    }

    @Test
    void disabledRulePurgesNothing() {
        String old = register("Kept By Choice");
        lastSeen(
                old,
                LocalDate.now(ZoneOffset.UTC).minusYears(20),
                LocalDate.now(ZoneOffset.UTC).minusYears(20));
        JsonNode rule = line(administrator.get("/api/retention/report").body(), "person")
                .path("rule");
        ApiSession.Response disabled = administrator.put(
                "/api/retention/rules/person",
                Map.of(
                        "months",
                        120,
                        "enabled",
                        false,
                        "version",
                        rule.path("version").asLong()));
        assertThat(disabled.status()).as(disabled.body().toString()).isEqualTo(200);
        try {
            PurgeResult result = retention.purge();

            assertThat(purged(result, "person").outcome()).isEqualTo(Outcome.DISABLED);
            assertThat(purged(result, "person").removed()).isZero();
            assertThat(count("select count(*) from people.person where id = ?::uuid", old))
                    .isOne();
        } finally {
            ApiSession.Response enabled = administrator.put(
                    "/api/retention/rules/person",
                    Map.of(
                            "months",
                            120,
                            "enabled",
                            true,
                            "version",
                            disabled.body().path("version").asLong()));
            assertThat(enabled.status()).as(enabled.body().toString()).isEqualTo(200);
        }
        retention.purge();
        assertThat(count("select count(*) from people.person where id = ?::uuid", old))
                .isZero();
    }

    @Test
    void onlyAdministratorsChangeRulesOrPurgeAndDataOfficersReadTheReport() {
        Map<String, Object> change = Map.of("months", 120, "enabled", true, "version", 0);

        assertThat(clinician.get("/api/retention/report").status()).isEqualTo(403);
        assertThat(clinician.post("/api/retention/purge", Map.of()).status()).isEqualTo(403);
        assertThat(dataOfficer.get("/api/retention/report").status()).isEqualTo(200);
        assertThat(dataOfficer.put("/api/retention/rules/person", change).text("code"))
                .isEqualTo("role-not-allowed");
        assertThat(dataOfficer.post("/api/retention/purge", Map.of()).status()).isEqualTo(403);
        assertThat(administrator.get("/api/retention/report").status()).isEqualTo(200);
    }

    @Test
    void purgeOnDemandNeedsTheAdministratorToConfirmWhoTheyAre() {
        String old = register("Purged On Demand");
        lastSeen(
                old,
                LocalDate.now(ZoneOffset.UTC).minusYears(12),
                LocalDate.now(ZoneOffset.UTC).minusYears(12));

        ApiSession.Response refused = administrator.post("/api/retention/purge", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("reauthentication-required");
        assertThat(count("select count(*) from people.person where id = ?::uuid", old))
                .isOne();

        String userId =
                administrator.get("/api/session").body().path("user").path("id").asString();
        String code = TotpCodes.fresh(TotpCodes.secretOf(userId).orElseThrow());
        ApiSession.Response confirmed = administrator.post(
                "/api/session/reauthentication", Map.of("password", TestOrganisation.PASSWORD, "code", code));
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(204);
        ApiSession.Response purged = administrator.post("/api/retention/purge", Map.of());

        assertThat(purged.status()).as(purged.body().toString()).isEqualTo(200);
        JsonNode person = purged.body()
                .path("purged")
                .valueStream()
                .filter(line -> line.path("recordType").asString().equals("person"))
                .findFirst()
                .orElseThrow();
        assertThat(person.path("outcome").asString()).isEqualTo("PURGED");
        assertThat(person.path("removed").asLong()).isPositive();
        assertThat(count("select count(*) from people.person where id = ?::uuid", old))
                .isZero();
    }

    @Test
    void refusesMonthsOutOfRangeAndChangesNothing() {
        JsonNode rule = line(administrator.get("/api/retention/report").body(), "erasure")
                .path("rule");
        long version = rule.path("version").asLong();

        for (int months : new int[] {0, 601, -5}) {
            ApiSession.Response refused = administrator.put(
                    "/api/retention/rules/erasure", Map.of("months", months, "enabled", true, "version", version));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().path("fieldErrors").get(0).path("field").asString())
                    .isEqualTo("months");
        }
        ApiSession.Response unknown = administrator.put(
                "/api/retention/rules/nothing-like-this", Map.of("months", 12, "enabled", true, "version", 0));

        assertThat(unknown.status()).isEqualTo(404);
        JsonNode after = line(administrator.get("/api/retention/report").body(), "erasure")
                .path("rule");
        assertThat(after.path("months").asInt()).isEqualTo(rule.path("months").asInt());
        assertThat(after.path("version").asLong()).isEqualTo(version);
    }

    @Test
    void refusesAChangeToARuleChangedSinceAndAuditsChanges() {
        long version = line(administrator.get("/api/retention/report").body(), "erasure")
                .path("rule")
                .path("version")
                .asLong();
        ApiSession.Response changed = administrator.put(
                "/api/retention/rules/erasure", Map.of("months", 48, "enabled", true, "version", version));
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.body().path("version").asLong()).isEqualTo(version + 1);
        try {
            ApiSession.Response stale = administrator.put(
                    "/api/retention/rules/erasure", Map.of("months", 24, "enabled", false, "version", version));

            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.text("code")).isEqualTo("stale-version");
            JsonNode rule = line(administrator.get("/api/retention/report").body(), "erasure")
                    .path("rule");
            assertThat(rule.path("months").asInt()).isEqualTo(48);
            assertThat(rule.path("enabled").asBoolean()).isTrue();
            assertThat(jdbc.sql("""
                            select count(*) from audit.audit_event
                             where record_type = 'retention-rule' and action = 'UPDATE' and actor_name = ?
                            """)
                            .param(organisation.username(administrator))
                            .query(Long.class)
                            .single())
                    .isOne();
        } finally {
            administrator.put(
                    "/api/retention/rules/erasure", Map.of("months", 60, "enabled", true, "version", version + 1));
        }
    }

    private String register(String name) {
        return TestOrganisation.register(
                        clinician, name + " " + UUID.randomUUID().toString().substring(0, 6))
                .path("id")
                .asString();
    }

    /** Sets when a person's record last changed and when a site last saw them. */
    private void lastSeen(String personId, LocalDate changed, LocalDate seen) {
        jdbc.sql("update people.person set created_at = ?, updated_at = ? where id = ?::uuid")
                .params(
                        changed.atStartOfDay().atOffset(ZoneOffset.UTC),
                        changed.atStartOfDay().atOffset(ZoneOffset.UTC),
                        personId)
                .update();
        jdbc.sql("""
                insert into people.person_site (person_id, site_id, first_contact_on, last_contact_on)
                values (?::uuid, ?::uuid, ?, ?)
                on conflict (person_id, site_id) do update
                    set first_contact_on = excluded.first_contact_on, last_contact_on = excluded.last_contact_on
                """).params(personId, organisation.siteA, seen, seen).update();
    }

    private Map<String, Long> rowCounts() {
        return Map.of(
                "person", count("select count(*) from people.person"),
                "erasure", count("select count(*) from people.erasure"),
                "encounter", count("select count(*) from care.encounter"),
                "audit", count("select count(*) from audit.audit_event"),
                "personSite", count("select count(*) from people.person_site"));
    }

    private static JsonNode line(JsonNode report, String recordType) {
        return report.path("lines")
                .valueStream()
                .filter(line -> line.path("rule").path("recordType").asString().equals(recordType))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + recordType + " in " + report));
    }

    private static Purged purged(PurgeResult result, String recordType) {
        return result.purged().stream()
                .filter(line -> line.recordType().equals(recordType))
                .findFirst()
                .orElseThrow();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
