package org.passerelle.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DynamicTest;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.TestOrganisation;

/**
 * The authorization matrix's rows for vaccination and water, kept beside it: each role at its own
 * site against doses, campaigns, tallies, water points and readings. The expected answers come from
 * the policy below, an independent statement of who may do what.
 */
final class PublicHealthMatrixCases {

    /** The policy: who records a dose (a clinical act), who sets campaigns, who counts doses without names. */
    static final Set<String> VACCINATORS = Set.of("CLINICIAN");

    static final Set<String> CAMPAIGN_SETTERS = Set.of("COORDINATOR", "ADMINISTRATOR");

    static final Set<String> TALLY_COUNTERS = Set.of("CLINICIAN", "COORDINATOR");

    /** The policy: who reads a person's doses (the carers who reach the file). */
    static final Set<String> DOSE_READERS = Set.of("CLINICIAN", "PSYCHOLOGIST", "SOCIAL_LEGAL_WORKER", "COORDINATOR");

    /** The policy: who adds water points and who takes readings; every role sees its sites' points. */
    static final Set<String> POINT_KEEPERS = Set.of("LOGISTICIAN", "COORDINATOR", "ADMINISTRATOR");

    static final Set<String> WATER_READERS = Set.of("LOGISTICIAN", "COORDINATOR", "CLINICIAN");

    private PublicHealthMatrixCases() {}

    static List<DynamicTest> vaccination(
            String role, ApiSession user, TestOrganisation organisation, String personOfTheSite) {
        LocalDate today = MovableClock.now().atZone(ZoneId.of("Europe/Paris")).toLocalDate();
        return List.of(
                DynamicTest.dynamicTest(role + " records a dose for a person of the site", () -> {
                    ApiSession.Response recorded = user.post(
                            "/api/vaccination/doses",
                            Map.of(
                                    "id",
                                    UUID.randomUUID().toString(),
                                    "personId",
                                    personOfTheSite,
                                    "vaccineCode",
                                    "bcg",
                                    "doseNumber",
                                    1,
                                    "givenOn",
                                    today.toString()));
                    expect(recorded, VACCINATORS.contains(role) ? 201 : 403);
                }),
                DynamicTest.dynamicTest(role + " reads a person's doses", () -> {
                    expect(
                            user.get("/api/vaccination/people/" + personOfTheSite + "/doses"),
                            DOSE_READERS.contains(role) ? 200 : 403);
                }),
                DynamicTest.dynamicTest(role + " sets a campaign at its site", () -> {
                    expect(
                            user.post("/api/vaccination/campaigns", campaign(organisation, today)),
                            CAMPAIGN_SETTERS.contains(role) ? 201 : 403);
                }),
                DynamicTest.dynamicTest(role + " sees the campaigns and counts doses without names", () -> {
                    ApiSession.Response set =
                            organisation.admin().post("/api/vaccination/campaigns", campaign(organisation, today));
                    assertThat(set.status()).as(set.body().toString()).isEqualTo(201);
                    expect(user.get("/api/vaccination/campaigns"), 200);
                    expect(
                            user.post(
                                    "/api/vaccination/campaigns/" + set.text("id") + "/tallies",
                                    Map.of(
                                            "id",
                                            UUID.randomUUID().toString(),
                                            "siteId",
                                            organisation.siteA,
                                            "sex",
                                            "FEMALE",
                                            "ageGroup",
                                            "00-04",
                                            "people",
                                            2)),
                            TALLY_COUNTERS.contains(role) ? 201 : 403);
                }));
    }

    static List<DynamicTest> water(String role, ApiSession user, TestOrganisation organisation) {
        return List.of(
                DynamicTest.dynamicTest(role + " adds a water point at its site", () -> {
                    expect(
                            user.post("/api/water/points", point(organisation)),
                            POINT_KEEPERS.contains(role) ? 201 : 403);
                }),
                DynamicTest.dynamicTest(role + " sees the water points and takes a reading", () -> {
                    ApiSession.Response added = organisation.admin().post("/api/water/points", point(organisation));
                    assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
                    expect(user.get("/api/water/points"), 200);
                    expect(user.get("/api/water/map-points"), 200);
                    expect(
                            user.post(
                                    "/api/water/readings",
                                    Map.of(
                                            "id",
                                            UUID.randomUUID().toString(),
                                            "pointId",
                                            added.text("id"),
                                            "chlorine",
                                            0.5)),
                            WATER_READERS.contains(role) ? 201 : 403);
                }));
    }

    private static Map<String, Object> campaign(TestOrganisation organisation, LocalDate today) {
        return Map.of(
                "id",
                UUID.randomUUID().toString(),
                "name",
                "Matrix campaign",
                "vaccineCode",
                "measles-mmr",
                "startsOn",
                today.minusDays(1).toString(),
                "endsOn",
                today.plusDays(1).toString(),
                "targets",
                List.of(Map.of("siteId", organisation.siteA, "ageGroup", "00-04", "people", 10)));
    }

    private static Map<String, Object> point(TestOrganisation organisation) {
        return Map.of(
                "id",
                UUID.randomUUID().toString(),
                "siteId",
                organisation.siteA,
                "kind",
                "TAP_STAND",
                "name",
                "Matrix tap",
                "lat",
                50.95,
                "lon",
                1.85);
    }

    private static void expect(ApiSession.Response response, int status) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.text("code")).isNotBlank();
        }
    }
}
