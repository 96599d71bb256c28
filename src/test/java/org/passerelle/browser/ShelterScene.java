package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.JavascriptExecutor;
import org.passerelle.support.ApiSession;
import org.passerelle.support.TestOrganisation;

/**
 * A shelter made through the API for the browser tests on a phone: its coordinator and night worker,
 * rooms and beds, residents admitted; and a user signed in on the bed board in a language.
 */
final class ShelterScene {

    final int port;
    final TestOrganisation organisation;
    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    final String shelter;
    final ApiSession coordinator;
    final ApiSession nightWorker;

    ShelterScene(int port, String name) {
        this.port = port;
        organisation = new TestOrganisation(port);
        String programme = organisation
                .admin()
                .post("/api/programmes", Map.of("code", "B-" + suffix.toUpperCase(), "name", name + " " + suffix))
                .text("id");
        ApiSession.Response site = organisation
                .admin()
                .post("/api/sites", Map.of("programmeId", programme, "name", name + " " + suffix, "kind", "SHELTER"));
        assertThat(site.status()).as(site.body().toString()).isEqualTo(201);
        shelter = site.text("id");
        coordinator = organisation.userAt(shelter, "COORDINATOR");
        nightWorker = organisation.userAt(shelter, "SOCIAL_LEGAL_WORKER");
    }

    String room(String name, String... rules) {
        return created(coordinator.post(
                "/api/shelters/rooms",
                Map.of("id", UUID.randomUUID().toString(), "siteId", shelter, "name", name, "rules", List.of(rules))));
    }

    String bed(String room, String label, boolean emergency) {
        return created(coordinator.post(
                "/api/shelters/beds",
                Map.of("id", UUID.randomUUID().toString(), "roomId", room, "label", label, "emergency", emergency)));
    }

    /** Registers an adult or a child by {@code user}, named with the scene's suffix; their id. */
    String person(ApiSession user, String name, String birthDate) {
        return TestOrganisation.registerBorn(user, name + " " + suffix, birthDate);
    }

    /** Admits the person to the bed from tonight, for a stay. */
    void admit(ApiSession user, String person, String bed) {
        created(user.post(
                "/api/shelters/admissions",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "personId",
                        person,
                        "bedId",
                        bed,
                        "mode",
                        "STAY",
                        "reason",
                        "SLEEPING_OUTSIDE")));
    }

    /** Signs {@code user} in, in {@code language}, and opens the bed board from the menu. */
    void openBoard(Browser browser, String language, ApiSession user) {
        browser.driver.get("http://localhost:" + port + "/login");
        browser.click("lang-" + language);
        browser.type("login-username", organisation.username(user));
        browser.type("login-password", TestOrganisation.PASSWORD);
        browser.click("login-submit");
        browser.find("menu-button");
        browser.click("nav-shelter");
        browser.find("bed-board");
    }

    /** Checks that nothing is wider than the phone's screen. */
    static void fitsTheScreen(Browser browser, String what) {
        List<?> widths = (List<?>) ((JavascriptExecutor) browser.driver)
                .executeScript("return [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(((Number) widths.get(0)).longValue())
                .as(what + "'s width against the screen's")
                .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
    }

    private static String created(ApiSession.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }
}
