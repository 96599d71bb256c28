package org.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.sync.Device.mutation;
import static org.passerelle.sync.Device.value;

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
 * A shelter's bed board offline: the staff's devices pull the rooms, beds and stays of their
 * shelter; admissions and taps of attendance made offline are pushed through the module's write
 * path and written once under their ids; when two devices give the same bed for the same night, the
 * one synced first keeps it and the other's admission is refused naming the bed, and once another
 * bed is chosen it is admitted there: never two people in one bed.
 */
@PasserelleTest
class ShelterSyncTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoDevicesGivingOneBedForOneNightLeaveItToTheFirstSyncedAndTheOtherChoosesAnotherBed() {
        TestOrganisation organisation = new TestOrganisation(port);
        String shelter = shelter(organisation);
        ApiSession coordinator = organisation.userAt(shelter, "COORDINATOR");
        String room = created(coordinator.post(
                "/api/shelters/rooms", Map.of("id", UUID.randomUUID().toString(), "siteId", shelter, "name", "Hall")));
        String bed1 = bed(coordinator, room, "1");
        String bed2 = bed(coordinator, room, "2");
        ApiSession dayStaff = organisation.userAt(shelter, "SOCIAL_LEGAL_WORKER");
        ApiSession nightStaff = organisation.userAt(shelter, "SOCIAL_LEGAL_WORKER");
        String amina =
                TestOrganisation.register(dayStaff, "Amina Offline").path("id").asString();
        String binta = TestOrganisation.register(nightStaff, "Binta Offline")
                .path("id")
                .asString();
        Device office = new Device(dayStaff, port);
        Device night = new Device(nightStaff, port);

        Device.Pulled before = night.pullAll(null, 1000);
        assertThat(before.idsOf("shelter-room")).contains(room);
        assertThat(before.idsOf("shelter-bed")).contains(bed1, bed2);

        UUID aminaStay = UUID.randomUUID();
        UUID bintaStay = UUID.randomUUID();
        List<Map<String, Object>> first = List.of(admission(aminaStay, amina, bed1, shelter));
        JsonNode kept = single(office.push(first));
        assertThat(kept.path("outcome").asString()).as(kept.toString()).isEqualTo("APPLIED");
        JsonNode refused = single(night.push(List.of(admission(bintaStay, binta, bed1, shelter))));
        assertThat(refused.path("outcome").asString()).as(refused.toString()).isEqualTo("REJECTED");
        assertThat(refused.path("problem").path("code").asString()).isEqualTo("shelter-bed-taken");
        assertThat(refused.path("problem").path("field").asString()).isEqualTo("bedId");
        assertThat(count("stay_id = ?", bintaStay))
                .as("nothing written for the second")
                .isZero();

        JsonNode again = single(office.push(first));
        assertThat(again.path("replayed").asBoolean()).as(again.toString()).isTrue();
        assertThat(count("bed_id = ?::uuid", bed1))
                .as("written once, one person in the bed")
                .isEqualTo(1);

        UUID elsewhere = UUID.randomUUID();
        JsonNode moved = single(night.push(List.of(admission(elsewhere, binta, bed2, shelter))));
        assertThat(moved.path("outcome").asString()).as(moved.toString()).isEqualTo("APPLIED");

        UUID tap = UUID.randomUUID();
        List<Map<String, Object>> present = List.of(mutation(
                "shelter-night",
                tap,
                "CREATE",
                null,
                shelter,
                Map.of("stayId", value(aminaStay.toString()), "status", value("PRESENT"))));
        for (int attempt = 0; attempt < 2; attempt++) {
            JsonNode marked = single(night.push(present));
            assertThat(marked.path("outcome").asString()).as(marked.toString()).isEqualTo("APPLIED");
        }
        assertThat(jdbc.sql("select count(*) from shelters.night where stay_id = ?")
                        .param(aminaStay)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        Device.Pulled board = office.pullAll(before.cursor(), 1000);
        JsonNode aminaHeld = record(board, aminaStay);
        assertThat(aminaHeld.path("stay").path("bedId").asString()).isEqualTo(bed1);
        assertThat(aminaHeld.path("marks").toString()).contains("PRESENT");
        assertThat(record(board, elsewhere).path("stay").path("bedId").asString())
                .isEqualTo(bed2);
        assertThat(board.idsOf("shelter-stay")).doesNotContain(bintaStay.toString());

        Device other = new Device(organisation.userAt(organisation.siteA, "SOCIAL_LEGAL_WORKER"), port);
        assertThat(other.pullAll(null, 1000).changes())
                .as("nothing of the shelter reaches the staff of another site")
                .noneSatisfy(change -> assertThat(List.of(room, bed1, bed2, aminaStay.toString(), elsewhere.toString()))
                        .contains(change.path("recordId").asString()));
    }

    @Test
    void roomsAndBedsAreSetUpOnlineOnly() {
        TestOrganisation organisation = new TestOrganisation(port);
        String shelter = shelter(organisation);
        Device phone = new Device(organisation.userAt(shelter, "COORDINATOR"), port);
        JsonNode refused = single(phone.push(List.of(
                mutation("shelter-bed", UUID.randomUUID(), "CREATE", null, shelter, Map.of("label", value("9"))))));
        assertThat(refused.path("outcome").asString()).as(refused.toString()).isEqualTo("REJECTED");
    }

    private static String shelter(TestOrganisation organisation) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String programme = organisation
                .admin()
                .post("/api/programmes", Map.of("code", "SY-" + suffix.toUpperCase(), "name", "Shelters " + suffix))
                .text("id");
        return created(organisation
                .admin()
                .post("/api/sites", Map.of("programmeId", programme, "name", "Shelter " + suffix, "kind", "SHELTER")));
    }

    private static String bed(ApiSession coordinator, String room, String label) {
        return created(coordinator.post(
                "/api/shelters/beds",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "roomId",
                        room,
                        "label",
                        label,
                        "inServiceFrom",
                        "2026-01-01")));
    }

    private static String created(ApiSession.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }

    private static Map<String, Object> admission(UUID stay, String person, String bed, String shelter) {
        return mutation(
                "shelter-stay",
                stay,
                "CREATE",
                null,
                shelter,
                Map.of(
                        "personId", value(person),
                        "bedId", value(bed),
                        "mode", value("STAY"),
                        "reason", value("SLEEPING_OUTSIDE")));
    }

    private static JsonNode single(ApiSession.Response pushed) {
        assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(200);
        assertThat(pushed.body().path("results").size()).isEqualTo(1);
        return pushed.body().path("results").get(0);
    }

    private int count(String where, Object value) {
        return jdbc.sql("select count(*) from shelters.placement where " + where)
                .param(value)
                .query(Integer.class)
                .single();
    }

    private static JsonNode record(Device.Pulled pulled, UUID id) {
        return pulled.changes().stream()
                .filter(change -> change.path("recordId").asString().equals(id.toString()))
                .reduce((earlier, later) -> later)
                .orElseThrow()
                .path("record");
    }
}
