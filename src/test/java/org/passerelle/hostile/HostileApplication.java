package org.passerelle.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.passerelle.PasserelleApplication;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TotpCodes;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole application, started once for a class of properties, over its own embedded PostgreSQL
 * in a fresh directory; with a programme, a site and a logged-in administrator and clinician.
 */
final class HostileApplication implements AutoCloseable {

    static final String PASSWORD = "correct-horse-battery";

    private final ConfigurableApplicationContext context;
    final JdbcClient jdbc;
    final int port;
    final HostileClient admin;
    final HostileClient clinician;
    final String programmeId;
    final String siteId;
    final String otherSiteId;
    final String personId;

    private HostileApplication(ConfigurableApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.admin = new HostileClient(port).loggedInAs("admin", PasserelleTest.ADMIN_PASSWORD);
        enrolSecondFactor(admin);
        this.programmeId = created(
                        admin,
                        "/api/programmes",
                        object().put("code", "HOSTILE").put("name", "Hostile input"))
                .path("id")
                .asString();
        this.siteId = site("Calais");
        this.otherSiteId = site("Grande-Synthe");
        this.clinician = user("clinician", siteId);
        this.personId = created(
                        clinician,
                        "/api/people",
                        object().set(
                                        "details",
                                        object().put("chosenName", "Hawa Diallo")
                                                .put("sex", "FEMALE")))
                .path("id")
                .asString();
    }

    static HostileApplication start() {
        Path data = dataDirectory();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PasserelleApplication.class)
                .run(
                        "--server.port=0",
                        "--logging.structured.format.console=",
                        "--passerelle.admin.initial-password=" + PasserelleTest.ADMIN_PASSWORD,
                        "--passerelle.database.data-directory=" + data);
        return new HostileApplication(context);
    }

    /** A new user with the CLINICIAN role working at {@code site}, logged in with that site chosen. */
    HostileClient user(String prefix, String site) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode user = object().put("username", username)
                .put("displayName", "User " + username)
                .put("password", PASSWORD)
                .put("allSites", false);
        user.putArray("roles").add("CLINICIAN");
        user.putArray("siteIds").add(site);
        created(admin, "/api/users", user);
        return new HostileClient(port).loggedInAs(username, PASSWORD);
    }

    static ObjectNode object() {
        return HostileClient.JSON.createObjectNode();
    }

    private String site(String name) {
        return created(
                        admin,
                        "/api/sites",
                        object().put("programmeId", programmeId)
                                .put("name", name)
                                .put("kind", "FIXED"))
                .path("id")
                .asString();
    }

    /** Administrators must use a second factor before anything else. */
    private static void enrolSecondFactor(HostileClient client) {
        HostileClient.Answer started =
                client.send("POST", "/api/session/second-factor/enrolment", "{}", HostileClient.JSON_TYPE);
        if (started.status() != 200 || started.json() == null) {
            throw new IllegalStateException("could not start the second-factor enrolment: " + started);
        }
        String code = TotpCodes.fresh(started.json().path("secret").asString());
        HostileClient.Answer confirmed = client.send(
                "PUT",
                "/api/session/second-factor/enrolment",
                object().put("code", code).toString(),
                HostileClient.JSON_TYPE);
        if (confirmed.status() != 200) {
            throw new IllegalStateException("could not confirm the second-factor enrolment: " + confirmed);
        }
    }

    private static JsonNode created(HostileClient client, String path, JsonNode body) {
        HostileClient.Answer answer = client.send("POST", path, body.toString(), HostileClient.JSON_TYPE);
        if (answer.status() != 201 || answer.json() == null) {
            throw new IllegalStateException("could not set up " + path + ": " + answer);
        }
        return answer.json();
    }

    private static Path dataDirectory() {
        try {
            Path target = Files.createDirectories(Path.of("target", "test-data"));
            return Files.createTempDirectory(target, "hostile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a refused write must leave alone: row counts of the tables a write may touch, the audit
     * log's create and update lines, and a digest of every person's record and names.
     */
    List<Object> footprint() {
        return jdbc.sql("""
                select (select count(*) from people.person),
                       (select count(*) from people.person_name),
                       (select count(*) from care.encounter),
                       (select count(*) from access.app_user),
                       (select count(*) from access.user_site),
                       (select count(*) from sites.programme),
                       (select count(*) from sites.site),
                       (select count(*) from audit.audit_event where action in ('CREATE', 'UPDATE')),
                       (select md5(coalesce(string_agg(p::text, ',' order by p.id), '')) from people.person p),
                       (select md5(coalesce(string_agg(n::text, ',' order by n.id), '')) from people.person_name n)
                """)
                .query((rs, row) -> {
                    List<Object> values = new ArrayList<>();
                    for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                        values.add(rs.getObject(column));
                    }
                    return values;
                })
                .single();
    }

    @Override
    public void close() {
        context.close();
    }
}
