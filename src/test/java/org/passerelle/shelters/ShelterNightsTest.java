package org.passerelle.shelters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A month of November counted night by night against a hand count, and the refusals of bad input:
 * each a problem with a stable code in the user's language, nothing written.
 */
@PasserelleTest
class ShelterNightsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ShelterFixture shelter;
    String adults;
    String bed1;
    String bed2;
    String bed3;
    String campBed;

    @BeforeEach
    void setUp() {
        shelter = new ShelterFixture(port);
        adults = shelter.room("Adultes", "ADULTS_ONLY");
        bed1 = shelter.bed(adults, "1", false, "2026-11-01");
        bed2 = shelter.bed(adults, "2", false, "2026-11-01");
        bed3 = shelter.bed(adults, "3", false, "2026-11-01");
        campBed = shelter.bed(adults, "Hall", true, "2026-11-01");
    }

    /*
     * Hand count of November 2026 (30 nights):
     *   capacity: 3 beds x 30 = 90, less bed 3 out of service the nights of the 1st to the 4th (4) = 86,
     *             plus the camp bed opened the nights of the 27th and 28th (2) = 88
     *   A: bed 1 from the 1st, discharged on the 11th                        = 10 nights
     *   B: bed 2 from the 5th, to bed 3 on the 15th, away the 20th and 21st,
     *      discharged on the 25th: 20 nights held less 2                     = 18 nights
     *   C: bed 1 from the 11th, still there: the 11th to the 30th            = 20 nights
     *   bed-nights 48; occupancy 48 / 88; emergency nights 2; exits 2 (A 10 nights, B 20 nights)
     */
    @Test
    void aMonthNightByNightMatchesTheHandCount() {
        ApiSession.Response outage = shelter.coordinator.post(
                "/api/shelters/beds/" + bed3 + "/outages",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "from",
                        "2026-11-01",
                        "until",
                        "2026-11-05",
                        "reason",
                        "PESTS"));
        assertThat(outage.status()).as(outage.body().toString()).isEqualTo(201);
        ApiSession.Response opened = shelter.coordinator.post(
                "/api/shelters/emergency-openings",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "siteId",
                        shelter.shelter,
                        "from",
                        "2026-11-27",
                        "reason",
                        "COLD_WEATHER"));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        ApiSession.Response closed = shelter.coordinator.post(
                "/api/shelters/emergency-openings/" + opened.text("id") + "/close",
                Map.of(
                        "until",
                        "2026-11-29",
                        "version",
                        opened.body().path("version").asLong()));
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);

        ApiSession.Response a =
                shelter.admitted(shelter.person("Ali", "MALE", "1980-01-01"), bed1, "STAY", "2026-11-01");
        assertThat(shelter.stay(a, "discharge", Map.of("destination", "FAMILY", "dischargedOn", "2026-11-11"))
                        .status())
                .isEqualTo(200);
        ApiSession.Response b =
                shelter.admitted(shelter.person("Binta", "FEMALE", "1992-01-01"), bed2, "STAY", "2026-11-05");
        ApiSession.Response moved = shelter.stay(b, "transfer", Map.of("bedId", bed3, "from", "2026-11-15"));
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        ApiSession.Response away = shelter.stay(moved, "absence", Map.of("from", "2026-11-20", "until", "2026-11-22"));
        assertThat(away.status()).isEqualTo(200);
        assertThat(shelter.stay(away, "discharge", Map.of("destination", "HOSPITAL", "dischargedOn", "2026-11-25"))
                        .status())
                .isEqualTo(200);
        shelter.admitted(shelter.person("Chen", "MALE", "1975-01-01"), bed1, "STAY", "2026-11-11");

        ApiSession.Response nights = shelter.coordinator.get(
                "/api/shelters/sites/" + shelter.shelter + "/occupancy?from=2026-11-01&until=2026-12-01");
        assertThat(nights.status()).as(nights.body().toString()).isEqualTo(200);
        int capacity = 0;
        int slept = 0;
        int open = 0;
        for (JsonNode night : nights.body()) {
            capacity += night.path("capacity").asInt();
            slept += night.path("slept").asInt();
            open += night.path("emergencyOpen").asBoolean() ? 1 : 0;
        }
        assertThat(nights.body().size()).isEqualTo(30);
        assertThat(capacity).isEqualTo(88);
        assertThat(slept).isEqualTo(48);
        assertThat(open).isEqualTo(2);
        assertThat(nights.body().get(20).path("slept").asInt())
                .as("the 21st: B away, C in")
                .isEqualTo(1);
        assertThat(exits()).isEqualTo(new int[] {2, 30});
        assertThat(dhis2Values("2026-11"))
                .as("the month's bed-nights, women's bed-nights and capacity, as DHIS2 data values")
                .containsEntry("SH_BED_NIGHTS/", "48")
                .containsEntry("SH_BED_NIGHTS/COC_F", "18")
                .containsEntry("SH_CAPACITY/", "88");
    }

    /** Maps shelter indicators to DHIS2 data elements and reads the month's data values, by element and combination. */
    private Map<String, String> dhis2Values(String month) {
        ApiSession.Response mapping = shelter.organisation
                .admin()
                .put(
                        "/api/reports/dhis2/mapping",
                        Map.of(
                                "dataElements",
                                List.of(
                                        dataElement("SHELTER_BED_NIGHTS", "TOTAL", "", "SH_BED_NIGHTS"),
                                        Map.of(
                                                "indicator", "SHELTER_BED_NIGHTS",
                                                "disaggregation", "SEX",
                                                "category", "FEMALE",
                                                "dataElement", "SH_BED_NIGHTS",
                                                "categoryOptionCombo", "COC_F",
                                                "categoryOption", "F"),
                                        dataElement("SHELTER_CAPACITY_BED_NIGHTS", "TOTAL", "", "SH_CAPACITY")),
                                "orgUnits",
                                List.of(Map.of("siteId", shelter.shelter, "orgUnit", "OU_SHELTER"))));
        assertThat(mapping.status()).as(mapping.body().toString()).isEqualTo(200);
        var set = shelter.organisation
                .dataOfficer(true, List.of())
                .getBytes("/api/reports/dhis2/data-value-set?period=" + month + "&site=" + shelter.shelter);
        assertThat(set.statusCode()).isEqualTo(200);
        Map<String, String> values = new java.util.HashMap<>();
        for (JsonNode value : ApiSession.json().readTree(set.body()).path("dataValues")) {
            assertThat(value.path("orgUnit").asString()).isEqualTo("OU_SHELTER");
            values.put(
                    value.path("dataElement").asString() + "/"
                            + value.path("categoryOptionCombo").asString(""),
                    value.path("value").asString());
        }
        return values;
    }

    private static Map<String, String> dataElement(
            String indicator, String disaggregation, String category, String element) {
        return Map.of(
                "indicator", indicator, "disaggregation", disaggregation, "category", category, "dataElement", element);
    }

    @Test
    void twoPeopleInOneBedOnOneNightAreRefusedInEachLanguage() {
        shelter.admitted(shelter.person("Dawit", "MALE", "1990-01-01"), bed1, "STAY", "2026-11-01");
        String eyerusalem = shelter.person("Eyerusalem", "FEMALE", "1991-01-01");
        long before = rows();

        Map<String, Object> second = ShelterFixture.admission(eyerusalem, bed1, "STAY", "2026-11-10");
        ApiSession.Response english = shelter.staff.language("en").post("/api/shelters/admissions", second);
        ApiSession.Response french = shelter.staff.language("fr").post("/api/shelters/admissions", second);
        ApiSession.Response arabic = shelter.staff.language("ar").post("/api/shelters/admissions", second);

        assertThat(english.status()).isEqualTo(409);
        assertThat(english.text("code")).isEqualTo("shelter-bed-taken");
        assertThat(english.text("detail")).contains("Someone else holds this bed");
        assertThat(french.text("detail")).contains("Quelqu'un d'autre occupe ce lit");
        assertThat(arabic.text("detail")).contains("يشغل شخص آخر هذا السرير");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void theDatabaseItselfRefusesTwoPlacementsOfOneBedOnOneNight() {
        ApiSession.Response stay =
                shelter.admitted(shelter.person("Fatou", "FEMALE", "1990-01-01"), bed2, "STAY", "2026-11-01");
        String sql = "insert into shelters.placement (id, stay_id, bed_id, site_id, nights, created_by)"
                + " values (gen_random_uuid(), ?::uuid, ?::uuid, ?::uuid, daterange('2026-11-20', '2026-11-21'), ?::uuid)";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(sql)
                        .param(stay.text("id"))
                        .param(bed2)
                        .param(shelter.shelter)
                        .param(stay.text("id"))
                        .update())
                .hasMessageContaining("one_person_per_bed_per_night");
    }

    @Test
    void aDischargeBeforeTheAdmissionIsRefused() {
        ApiSession.Response stay =
                shelter.admitted(shelter.person("Gul", "FEMALE", "1990-01-01"), bed1, "STAY", "2026-11-10");

        ApiSession.Response early =
                shelter.stay(stay, "discharge", Map.of("destination", "FAMILY", "dischargedOn", "2026-11-09"));

        assertThat(early.status()).isEqualTo(400);
        assertThat(early.text("code")).isEqualTo("shelter-discharge-before-admission");
        assertThat(shelter.staff
                        .language("fr")
                        .post(
                                "/api/shelters/stays/" + stay.text("id") + "/discharge",
                                Map.of("destination", "FAMILY", "dischargedOn", "2026-11-09", "version", 1))
                        .text("detail"))
                .contains("antérieure à la date d'admission");
        assertThat(stillOpen(stay.text("id"))).isTrue();
    }

    @Test
    void anAdmissionToABedOutOfServiceOrAClosedEmergencyBedIsRefused() {
        ApiSession.Response outage = shelter.staff.post(
                "/api/shelters/beds/" + bed2 + "/outages",
                Map.of("id", UUID.randomUUID().toString(), "from", "2026-11-01", "reason", "BROKEN"));
        assertThat(outage.status()).as("a night worker takes a broken bed out").isEqualTo(201);
        String hassan = shelter.person("Hassan", "MALE", "1990-01-01");
        long before = rows();

        ApiSession.Response broken = shelter.admit(hassan, bed2, "STAY", "2026-11-03");
        ApiSession.Response closed = shelter.admit(hassan, campBed, "NIGHTLY", "2026-11-03");

        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.text("code")).isEqualTo("shelter-bed-out-of-service");
        assertThat(closed.text("code")).isEqualTo("shelter-emergency-bed-closed");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aMinorInARoomForAdultsOnlyIsRefused() {
        String idriss = shelter.person("Idriss", "MALE", "2011-05-01");
        long before = rows();

        ApiSession.Response minor = shelter.staff
                .language("ar")
                .post("/api/shelters/admissions", ShelterFixture.admission(idriss, bed1, "STAY", "2026-11-03"));

        assertThat(minor.status()).isEqualTo(400);
        assertThat(minor.text("code")).isEqualTo("shelter-room-age-restricted");
        assertThat(minor.text("detail")).contains("للبالغين فقط");
        assertThat(rows()).isEqualTo(before);
        String girls = shelter.room("Filles", "GIRLS_ONLY", "MINORS_ONLY");
        String girlsBed = shelter.bed(girls, "G1", false, "2026-11-01");
        assertThat(shelter.admit(idriss, girlsBed, "STAY", "2026-11-03").text("code"))
                .isEqualTo("shelter-room-girls-only");
    }

    private long rows() {
        return jdbc.sql("select (select count(*) from shelters.stay where site_id = ?::uuid)"
                        + " + (select count(*) from shelters.placement where site_id = ?::uuid)")
                .param(shelter.shelter)
                .param(shelter.shelter)
                .query(Long.class)
                .single();
    }

    private boolean stillOpen(String stayId) {
        return jdbc.sql("select discharged_on is null from shelters.stay where id = ?::uuid")
                .param(stayId)
                .query(Boolean.class)
                .single();
    }

    private int[] exits() {
        return jdbc.sql("select count(*)::int as n, sum(attendees)::int as nights from shelters.exit_fact"
                        + " where site_id = ?::uuid and occurred_on between '2026-11-01' and '2026-11-30'")
                .param(shelter.shelter)
                .query((row, number) -> new int[] {row.getInt("n"), row.getInt("nights")})
                .single();
    }
}
