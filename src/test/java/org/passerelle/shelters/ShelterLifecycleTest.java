package org.passerelle.shelters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A stay from admission to discharge: transfer, absence, attendance, and a nightly guest's no-show. */
@PasserelleTest
class ShelterLifecycleTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ShelterFixture shelter;
    String dormitory;
    String bed1;
    String bed2;

    @BeforeEach
    void setUp() {
        shelter = new ShelterFixture(port);
        dormitory = shelter.room("Dortoir");
        bed1 = shelter.bed(dormitory, "1", false, "2026-01-01");
        bed2 = shelter.bed(dormitory, "2", false, "2026-01-01");
    }

    @Test
    void admitsTransfersMarksAbsenceAndDischarges() {
        String amina = shelter.person("Amina", "FEMALE", "1990-04-02");

        ApiSession.Response stay = shelter.admitted(amina, bed1, "STAY", "2026-11-02");
        assertThat(stay.text("bedId")).isEqualTo(bed1);

        ApiSession.Response moved = shelter.stay(stay, "transfer", Map.of("bedId", bed2, "from", "2026-11-05"));
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        assertThat(moved.text("bedId")).isEqualTo(bed2);
        assertThat(bedOf(shelter.board("2026-11-04"), bed1)
                        .path("resident")
                        .path("chosenName")
                        .asString())
                .isEqualTo("Amina");
        assertThat(bedOf(shelter.board("2026-11-05"), bed1).path("state").asString())
                .isEqualTo("FREE");
        assertThat(bedOf(shelter.board("2026-11-05"), bed2).path("state").asString())
                .isEqualTo("OCCUPIED");

        ApiSession.Response absent =
                shelter.stay(moved, "absence", Map.of("from", "2026-11-07", "until", "2026-11-09"));
        assertThat(absent.status()).as(absent.body().toString()).isEqualTo(200);
        JsonNode away = bedOf(shelter.board("2026-11-08"), bed2);
        assertThat(away.path("state").asString()).as("the bed is kept").isEqualTo("OCCUPIED");
        assertThat(away.path("resident").path("tonight").asString()).isEqualTo("ABSENT");

        ApiSession.Response left = shelter.stay(
                absent, "discharge", Map.of("destination", "ACCOMMODATION_115", "dischargedOn", "2026-11-12"));
        assertThat(left.status()).as(left.body().toString()).isEqualTo(200);
        assertThat(left.text("destination")).isEqualTo("ACCOMMODATION_115");
        assertThat(bedOf(shelter.board("2026-11-12"), bed2).path("state").asString())
                .isEqualTo("FREE");
        assertThat(nightsSlept(amina)).as("10 nights held, 2 away").isEqualTo(8);

        ApiSession.Response history = shelter.staff.get("/api/shelters/people/" + amina + "/stays");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().get(0).path("dischargedOn").asString()).isEqualTo("2026-11-12");
    }

    @Test
    void aNightlyGuestNotMarkedByTheReleaseHourLosesTheBed() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate today = MovableClock.now().atZone(paris).toLocalDate();
        String night = today.toString();
        String karim = shelter.person("Karim", "MALE", "1985-01-01");
        String sara = shelter.person("Sara", "FEMALE", "1995-01-01");

        String username = shelter.organisation.username(shelter.staff);
        MovableClock.runAt(today.atTime(20, 0).atZone(paris).toInstant(), () -> {
            // the evening worker signs in (hours from now, or hours ago: past any absolute timeout)
            assertThat(shelter.staff.login(username, TestOrganisation.PASSWORD).status())
                    .isEqualTo(200);
            shelter.admitted(karim, bed1, "NIGHTLY", night);
            ApiSession.Response saraStay = shelter.admitted(sara, bed2, "NIGHTLY", night);
            ApiSession.Response here = shelter.staff.post(
                    "/api/shelters/stays/" + saraStay.text("id") + "/attendance",
                    Map.of("id", UUID.randomUUID().toString(), "status", "PRESENT"));
            assertThat(here.status()).as(here.body().toString()).isEqualTo(200);
            JsonNode board = shelter.board(null).body();
            assertThat(board.path("occupied").asInt()).isEqualTo(2);
            assertThat(board.path("present").asInt()).isEqualTo(1);
        });

        MovableClock.runAt(today.atTime(22, 30).atZone(paris).toInstant(), () -> {
            // the night worker signs in for the night shift
            assertThat(shelter.staff.login(username, TestOrganisation.PASSWORD).status())
                    .isEqualTo(200);
            JsonNode board = shelter.board(null).body();
            assertThat(bedOf(shelter.board(null), bed1).path("state").asString())
                    .as("Karim did not come by 22:00")
                    .isEqualTo("FREE");
            assertThat(bedOf(shelter.board(null), bed2)
                            .path("resident")
                            .path("chosenName")
                            .asString())
                    .isEqualTo("Sara");
            assertThat(board.path("free").asInt()).isEqualTo(1);
        });
        assertThat(shelter.staff.login(username, TestOrganisation.PASSWORD).status())
                .isEqualTo(200);
        ApiSession.Response stays = shelter.staff.get("/api/shelters/people/" + karim + "/stays");
        assertThat(stays.body().get(0).path("destination").asString()).isEqualTo("NO_SHOW");
        assertThat(shelter.admit(karim, bed1, "NIGHTLY", night).status())
                .as("released: the bed and the person are free again")
                .isEqualTo(201);
    }

    @Test
    void aFamilyIsAdmittedTogetherToItsBedsOrNotAtAll() {
        String bed3 = shelter.bed(dormitory, "3", false, "2026-01-01");
        String mother = shelter.person("Fatou", "FEMALE", "1991-05-06");
        String son = shelter.person("Moussa", "MALE", "2016-07-08");
        String other = shelter.person("Hawa", "FEMALE", "1989-01-01");
        shelter.admitted(other, bed3, "STAY", "2026-11-02");

        ApiSession.Response refused = shelter.staff.post(
                "/api/shelters/households",
                Map.of(
                        "members",
                        java.util.List.of(
                                ShelterFixture.admission(mother, bed1, "STAY", "2026-11-03"),
                                ShelterFixture.admission(son, bed3, "STAY", "2026-11-03"))));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("shelter-bed-taken");
        assertThat(jdbc.sql("select count(*) from shelters.stay where person_id in (?::uuid, ?::uuid)")
                        .params(mother, son)
                        .query(Integer.class)
                        .single())
                .as("all or none: the mother was not admitted alone")
                .isZero();

        ApiSession.Response family = shelter.staff.post(
                "/api/shelters/households",
                Map.of(
                        "members",
                        java.util.List.of(
                                ShelterFixture.admission(mother, bed1, "STAY", "2026-11-03"),
                                ShelterFixture.admission(son, bed2, "STAY", "2026-11-03"))));
        assertThat(family.status()).as(family.body().toString()).isEqualTo(201);
        assertThat(family.body().size()).isEqualTo(2);
        assertThat(family.body().get(0).path("householdId").asString())
                .isNotBlank()
                .isEqualTo(family.body().get(1).path("householdId").asString());
        assertThat(shelter.board("2026-11-03").body().path("occupied").asInt()).isEqualTo(3);
    }

    private int nightsSlept(String personId) {
        return jdbc.sql("select count(*) from shelters.night_fact f join shelters.stay s on s.person_key = f.person_key"
                        + " where s.person_id = ?::uuid")
                .param(personId)
                .query(Integer.class)
                .single();
    }

    static JsonNode bedOf(ApiSession.Response board, String bedId) {
        for (JsonNode room : board.body().path("rooms")) {
            for (JsonNode bed : room.path("beds")) {
                if (bed.path("id").asString().equals(bedId)) {
                    return bed;
                }
            }
        }
        throw new AssertionError("bed " + bedId + " not on the board " + board.body());
    }
}
