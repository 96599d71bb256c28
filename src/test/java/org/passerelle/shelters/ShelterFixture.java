package org.passerelle.shelters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.support.ApiSession;
import org.passerelle.support.TestOrganisation;

/** A shelter site with its staff and coordinator, rooms and beds made through the API. */
final class ShelterFixture {

    final TestOrganisation organisation;
    final String shelter;
    final ApiSession staff;
    final ApiSession coordinator;

    ShelterFixture(int port) {
        organisation = new TestOrganisation(port);
        String programme = organisation
                .admin()
                .post("/api/programmes", Map.of("code", "S-" + suffix().toUpperCase(), "name", "Shelters " + suffix()))
                .text("id");
        ApiSession.Response site = organisation
                .admin()
                .post("/api/sites", Map.of("programmeId", programme, "name", "Shelter " + suffix(), "kind", "SHELTER"));
        assertThat(site.status()).as(site.body().toString()).isEqualTo(201);
        shelter = site.text("id");
        staff = organisation.userAt(shelter, "SOCIAL_LEGAL_WORKER");
        coordinator = organisation.userAt(shelter, "COORDINATOR");
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    String room(String name, String... rules) {
        ApiSession.Response room = coordinator.post(
                "/api/shelters/rooms",
                Map.of("id", UUID.randomUUID().toString(), "siteId", shelter, "name", name, "rules", List.of(rules)));
        assertThat(room.status()).as(room.body().toString()).isEqualTo(201);
        return room.text("id");
    }

    String bed(String room, String label, boolean emergency, String inServiceFrom) {
        ApiSession.Response bed = coordinator.post(
                "/api/shelters/beds",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "roomId",
                        room,
                        "label",
                        label,
                        "emergency",
                        emergency,
                        "inServiceFrom",
                        inServiceFrom));
        assertThat(bed.status()).as(bed.body().toString()).isEqualTo(201);
        return bed.text("id");
    }

    /** A person registered at the shelter by its staff, born on {@code birthDate}. */
    String person(String name, String sex, String birthDate) {
        ApiSession.Response person = staff.post(
                "/api/people",
                Map.of(
                        "details",
                        Map.of(
                                "chosenName",
                                name,
                                "sex",
                                sex,
                                "birthDate",
                                Map.of("precision", "EXACT", "date", birthDate))));
        assertThat(person.status()).as(person.body().toString()).isEqualTo(201);
        return person.text("id");
    }

    static Map<String, Object> admission(String person, String bed, String mode, @Nullable String on) {
        Map<String, Object> admission = new HashMap<>();
        admission.put("id", UUID.randomUUID().toString());
        admission.put("personId", person);
        admission.put("bedId", bed);
        admission.put("mode", mode);
        admission.put("reason", "SLEEPING_OUTSIDE");
        admission.put("plannedNights", 30);
        if (on != null) {
            admission.put("admittedOn", on);
        }
        return admission;
    }

    ApiSession.Response admit(String person, String bed, String mode, @Nullable String on) {
        return staff.post("/api/shelters/admissions", admission(person, bed, mode, on));
    }

    /** Admits and checks it was admitted; the stay. */
    ApiSession.Response admitted(String person, String bed, String mode, @Nullable String on) {
        ApiSession.Response stay = admit(person, bed, mode, on);
        assertThat(stay.status()).as(stay.body().toString()).isEqualTo(201);
        return stay;
    }

    ApiSession.Response stay(ApiSession.Response stay, String action, Map<String, Object> body) {
        Map<String, Object> withVersion = new HashMap<>(body);
        withVersion.putIfAbsent("version", stay.body().path("version").asLong());
        return staff.post("/api/shelters/stays/" + stay.text("id") + "/" + action, withVersion);
    }

    ApiSession.Response board(@Nullable String night) {
        ApiSession.Response board =
                staff.get("/api/shelters/sites/" + shelter + "/board" + (night == null ? "" : "?night=" + night));
        assertThat(board.status()).as(board.body().toString()).isEqualTo(200);
        return board;
    }
}
