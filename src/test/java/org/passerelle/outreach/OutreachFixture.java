package org.passerelle.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.TestOrganisation;

/** A mobile team (the test organisation's site A) with a clinician, a nurse, a coordinator and a location. */
final class OutreachFixture {

    static final ZoneId TEAMS = ZoneId.of("Europe/Paris");

    final TestOrganisation organisation;
    final String team;
    final ApiSession clinician;
    final ApiSession colleague;
    final ApiSession coordinator;
    final String location;
    final LocalDate today;

    OutreachFixture(int port) {
        organisation = new TestOrganisation(port);
        team = organisation.siteA;
        clinician = organisation.userAt(team, "CLINICIAN");
        colleague = organisation.userAt(team, "CLINICIAN");
        coordinator = organisation.userAt(team, "COORDINATOR");
        location = location("Camp " + UUID.randomUUID().toString().substring(0, 6), 50.9513, 1.8587);
        today = LocalDate.ofInstant(MovableClock.now(), TEAMS);
    }

    String location(String name, double latitude, double longitude) {
        ApiSession.Response made = coordinator.post(
                "/api/sites/" + team + "/outreach-locations",
                Map.of("name", name, "latitude", latitude, "longitude", longitude));
        assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
        return made.text("id");
    }

    /** The instant at this local time today, in the teams' zone. */
    String at(String time) {
        return today.atTime(LocalTime.parse(time)).atZone(TEAMS).toInstant().toString();
    }

    /** A form planning a mobile-clinic session at the location today from 10:00 to 12:00. */
    Map<String, Object> plan() {
        Map<String, Object> form = new HashMap<>();
        form.put("id", UUID.randomUUID().toString());
        form.put("locationId", location);
        form.put("kind", "MOBILE_CLINIC");
        form.put("plannedStart", at("10:00"));
        form.put("plannedEnd", at("12:00"));
        return form;
    }

    ApiSession.Response planned(Map<String, Object> form) {
        ApiSession.Response made = clinician.post("/api/outreach/sessions", form);
        assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
        return made;
    }

    /** A person registered by the clinician, with a consultation today at the team's site. */
    String consultation(String personId) {
        ApiSession.Response made =
                clinician.post("/api/consultations", Map.of("personId", personId, "discipline", "MEDICAL"));
        assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
        return made.text("id");
    }

    String person(String name, String sex, String birthDate) {
        ApiSession.Response made = clinician.post(
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
        assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
        return made.text("id");
    }

    static List<Map<String, Object>> tallies(Object... sexAgePeople) {
        List<Map<String, Object>> tallies = new java.util.ArrayList<>();
        for (int i = 0; i < sexAgePeople.length; i += 3) {
            tallies.add(Map.of("sex", sexAgePeople[i], "ageGroup", sexAgePeople[i + 1], "people", sexAgePeople[i + 2]));
        }
        return tallies;
    }
}
