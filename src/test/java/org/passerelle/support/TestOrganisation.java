package org.passerelle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Sets up, through the administration API, a programme with two sites and users with given roles,
 * each with a unique name so that tests sharing one database do not meet.
 */
public final class TestOrganisation {

    public static final String PASSWORD = "correct-horse-battery";

    /**
     * The administrator's session of each running application (by port). An administrator must use
     * a second factor and a TOTP code is accepted once, so the session is opened (enrolling the
     * second factor the first time) once per application and shared.
     */
    private static final Map<Integer, ApiSession> ADMINS = new ConcurrentHashMap<>();

    private final int port;
    private final ApiSession admin;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    public final String siteA;
    public final String siteB;

    public TestOrganisation(int port) {
        this.port = port;
        this.admin = administrator(port);
        String programme = admin.post(
                        "/api/programmes", Map.of("code", "P-" + suffix.toUpperCase(), "name", "Programme " + suffix))
                .text("id");
        this.siteA = createSite(programme, "Site A " + suffix, "MOBILE_TEAM");
        this.siteB = createSite(programme, "Site B " + suffix, "FIXED");
    }

    public ApiSession admin() {
        return admin;
    }

    /** The test administrator's session on the application at this port, opened once and shared. */
    public static ApiSession administrator(int port) {
        return ADMINS.compute(
                port, (key, open) -> open != null && open.get("/api/session").status() == 200 ? open : loginAdmin(key));
    }

    /** A new user with these roles working at {@code site}, logged in, with that site chosen. */
    public ApiSession userAt(String site, String... roles) {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        ApiSession.Response created = admin.post(
                "/api/users",
                Map.of(
                        "username",
                        username,
                        "displayName",
                        "User " + username,
                        "password",
                        PASSWORD,
                        "roles",
                        List.of(roles),
                        "allSites",
                        false,
                        "siteIds",
                        List.of(site)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        ApiSession session = new ApiSession(port);
        assertThat(session.login(username, PASSWORD).status()).isEqualTo(200);
        return session;
    }

    public String username(ApiSession session) {
        return session.get("/api/session").body().path("user").path("username").asString();
    }

    /** Registers a person with just a chosen name and sex, returning the whole record. */
    public static JsonNode register(ApiSession session, String chosenName) {
        ApiSession.Response response =
                session.post("/api/people", Map.of("details", Map.of("chosenName", chosenName, "sex", "MALE")));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body();
    }

    /** Registers a man with a chosen name and an exact birth date (yyyy-mm-dd), returning his id. */
    public static String registerBorn(ApiSession session, String chosenName, String birthDate) {
        ApiSession.Response response = session.post(
                "/api/people",
                Map.of(
                        "details",
                        Map.of(
                                "chosenName",
                                chosenName,
                                "sex",
                                "MALE",
                                "birthDate",
                                Map.of("precision", "EXACT", "date", birthDate))));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }

    /** A new data officer, logged in with a second factor enrolled, for all sites or for {@code siteIds}. */
    public ApiSession dataOfficer(boolean allSites, List<String> siteIds) {
        ApiSession.Response created = admin.post(
                "/api/users",
                Map.of(
                        "username",
                        "do" + UUID.randomUUID().toString().substring(0, 8),
                        "displayName",
                        "Data officer",
                        "password",
                        PASSWORD,
                        "roles",
                        List.of("DATA_OFFICER"),
                        "allSites",
                        allSites,
                        "siteIds",
                        siteIds));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        ApiSession session = new ApiSession(port);
        session.login(created.text("username"), PASSWORD);
        session.enrolSecondFactor();
        return session;
    }

    private static ApiSession loginAdmin(int port) {
        ApiSession admin = new ApiSession(port);
        ApiSession.Response login = admin.loginWithSecondFactor("admin", PasserelleTest.ADMIN_PASSWORD);
        assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
        return admin;
    }

    private String createSite(String programme, String name, String kind) {
        ApiSession.Response site =
                admin.post("/api/sites", Map.of("programmeId", programme, "name", name, "kind", kind));
        assertThat(site.status()).as(site.body().toString()).isEqualTo(201);
        return site.text("id");
    }
}
