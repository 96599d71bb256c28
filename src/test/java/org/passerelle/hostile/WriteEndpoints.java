package org.passerelle.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.passerelle.hostile.HostileClient.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The API's write endpoints, each with a valid body to mutate and a round-trip check. */
final class WriteEndpoints {

    private static final AtomicLong SERIAL = new AtomicLong();

    private final HostileApplication app;
    private final HostileClient chooser;
    private final HostileClient breaker;

    WriteEndpoints(HostileApplication app) {
        this.app = app;
        this.chooser = app.user("chooser", app.siteId);
        this.breaker = app.user("breaker", app.otherSiteId);
    }

    List<WriteEndpoint> all() {
        return List.of(
                registration(),
                correction(),
                search(),
                consultation(),
                login(),
                siteChoice(),
                newUser(),
                newProgramme(),
                newSite(),
                reauthentication(),
                emergencyAccess(),
                retentionRule());
    }

    WriteEndpoint reauthentication() {
        return new WriteEndpoint(
                "confirm one's identity",
                false,
                "POST",
                "/api/session/reauthentication",
                () -> breaker,
                () -> HostileApplication.object().put("password", HostileApplication.PASSWORD),
                WriteEndpoint.nothingToReadBack());
    }

    WriteEndpoint emergencyAccess() {
        return new WriteEndpoint(
                "break the glass",
                true,
                "POST",
                "/api/people/" + app.personId + "/emergency-access",
                () -> {
                    confirm(breaker);
                    return breaker;
                },
                () -> HostileApplication.object().put("reason", "Unconscious, needs the treatment history"),
                (sent, answer) -> {
                    JsonNode stored = find(breaker.get("/api/emergency-access"), answer.text("id"));
                    assertThat(visible(stored.path("reason").asString(null)))
                            .isEqualTo(visible(sent.path("reason").asString().strip()));
                });
    }

    WriteEndpoint retentionRule() {
        return new WriteEndpoint(
                "change a retention rule",
                true,
                "PUT",
                "/api/retention/rules/erasure",
                () -> app.admin,
                () -> HostileApplication.object()
                        .put("months", 60)
                        .put("enabled", true)
                        .put("version", retentionVersion()),
                (sent, answer) -> {
                    JsonNode rule = retentionRuleNow();
                    assertThat(rule.path("months").asInt())
                            .isEqualTo(sent.path("months").asInt());
                    assertThat(rule.path("enabled").asBoolean())
                            .isEqualTo(sent.path("enabled").asBoolean());
                });
    }

    private long retentionVersion() {
        return retentionRuleNow().path("version").asLong();
    }

    private JsonNode retentionRuleNow() {
        return app.admin
                .get("/api/retention/report")
                .json()
                .path("lines")
                .valueStream()
                .map(line -> line.path("rule"))
                .filter(rule -> rule.path("recordType").asString().equals("erasure"))
                .findFirst()
                .orElseThrow();
    }

    /** The breaker must confirm who they are before each try, as the window may have passed. */
    private static void confirm(HostileClient client) {
        HostileClient.Answer confirmed = client.send(
                "POST",
                "/api/session/reauthentication",
                "{\"password\":\"" + HostileApplication.PASSWORD + "\"}",
                HostileClient.JSON_TYPE);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);
    }

    WriteEndpoint registration() {
        return new WriteEndpoint(
                "register a person",
                true,
                "POST",
                "/api/people",
                () -> app.clinician,
                () -> HostileApplication.object().set("details", personDetails()),
                (sent, answer) -> checkPerson(sent.path("details"), answer.text("id")));
    }

    WriteEndpoint correction() {
        return new WriteEndpoint(
                "correct a person",
                true,
                "PUT",
                "/api/people/" + app.personId,
                () -> app.clinician,
                () -> {
                    ObjectNode body = HostileApplication.object().put("version", personVersion());
                    return body.set("details", personDetails());
                },
                (sent, answer) -> checkPerson(sent.path("details"), app.personId));
    }

    WriteEndpoint search() {
        return new WriteEndpoint(
                "search people",
                false,
                "POST",
                "/api/people/search",
                () -> app.clinician,
                () -> HostileApplication.object()
                        .put("query", "hawa")
                        .put("sex", "FEMALE")
                        .put("birthYear", 1990)
                        .put("limit", 5),
                (sent, answer) -> assertThat(
                                answer.json() != null && answer.json().isArray())
                        .as("results %s", answer)
                        .isTrue());
    }

    WriteEndpoint consultation() {
        return new WriteEndpoint(
                "record a consultation",
                true,
                "POST",
                "/api/consultations",
                () -> app.clinician,
                () -> HostileApplication.object()
                        .put("personId", app.personId)
                        .put("discipline", "MEDICAL")
                        .put(
                                "occurredOn",
                                java.time.LocalDate.now().minusDays(1).toString())
                        .put("note", "Cough for two weeks")
                        .put("diagnosis", "Bronchitis")
                        .put("interpreter", true)
                        .put("language", "ar"),
                (sent, answer) -> {
                    JsonNode stored = app.clinician
                            .get("/api/people/" + app.personId + "/consultations")
                            .json()
                            .valueStream()
                            .filter(c -> c.path("id").asString().equals(answer.text("id")))
                            .findFirst()
                            .orElseThrow();
                    for (String field : List.of("note", "diagnosis")) {
                        if (sent.path(field).isString()) {
                            String text = sent.path(field).asString();
                            String expected = text.isBlank() ? null : text.strip();
                            assertThat(visible(stored.path(field).asString(null)))
                                    .as(field)
                                    .isEqualTo(visible(expected));
                        }
                    }
                    sameText(sent, stored, "language", false);
                });
    }

    WriteEndpoint login() {
        return new WriteEndpoint(
                "log in",
                false,
                "POST",
                "/api/session",
                () -> new HostileClient(app.port).anonymous(),
                () -> HostileApplication.object()
                        .put("username", "nobody-" + SERIAL.incrementAndGet())
                        .put("password", "not the password at all"),
                WriteEndpoint.nothingToReadBack());
    }

    WriteEndpoint siteChoice() {
        return new WriteEndpoint(
                "choose a site",
                false,
                "PUT",
                "/api/session/site",
                () -> chooser,
                () -> HostileApplication.object().put("siteId", app.siteId),
                (sent, answer) -> assertThat(
                                answer.json().path("currentSite").path("id").asString())
                        .isEqualTo(sent.path("siteId").asString()));
    }

    WriteEndpoint newUser() {
        return new WriteEndpoint(
                "create a user",
                true,
                "POST",
                "/api/users",
                () -> app.admin,
                () -> {
                    ObjectNode user = HostileApplication.object()
                            .put("username", "h" + SERIAL.incrementAndGet() + "-" + shortId())
                            .put("displayName", "Amina Yusuf")
                            .put("password", HostileApplication.PASSWORD)
                            .put("allSites", false);
                    user.putArray("roles").add("CLINICIAN");
                    user.putArray("siteIds").add(app.siteId);
                    return user;
                },
                (sent, answer) -> {
                    JsonNode stored = find(app.admin.get("/api/users"), answer.text("id"));
                    sameText(sent, stored, "displayName", true);
                    sameText(sent, stored, "username", false);
                });
    }

    WriteEndpoint newProgramme() {
        return new WriteEndpoint(
                "create a programme",
                true,
                "POST",
                "/api/programmes",
                () -> app.admin,
                () -> HostileApplication.object()
                        .put("code", "H-" + SERIAL.incrementAndGet())
                        .put("name", "Programme " + shortId()),
                (sent, answer) -> {
                    JsonNode stored = find(app.admin.get("/api/programmes"), answer.text("id"));
                    sameText(sent, stored, "name", true);
                    sameText(sent, stored, "code", false);
                });
    }

    WriteEndpoint newSite() {
        return new WriteEndpoint(
                "create a site",
                true,
                "POST",
                "/api/sites",
                () -> app.admin,
                () -> HostileApplication.object()
                        .put("programmeId", app.programmeId)
                        .put("name", "Site " + shortId())
                        .put("kind", "SHELTER")
                        .put("city", "Dunkerque")
                        .put("phone", "+33 3 28 00 00 00"),
                (sent, answer) -> {
                    JsonNode stored = find(app.admin.get("/api/sites"), answer.text("id"));
                    sameText(sent, stored, "name", true);
                    sameText(sent, stored, "city", false);
                    sameText(sent, stored, "phone", false);
                });
    }

    private ObjectNode personDetails() {
        ObjectNode details = HostileApplication.object()
                .put("chosenName", "Mohammed Abdelkader")
                .put("sex", "MALE")
                .put("countryOfOrigin", "SD")
                .put("phone", "+33 6 12 34 56 78");
        ObjectNode otherName = details.putArray("otherNames").addObject();
        otherName.put("name", "محمد عبد القادر").put("kind", "ORIGINAL_SCRIPT").put("script", "ARABIC");
        otherName.put("language", "ar");
        details.putObject("birthDate").put("precision", "YEAR").put("date", "1999-06-15");
        details.putArray("languages").add("ar").add("fr");
        details.putArray("flags").add("NEEDS_INTERPRETER");
        return details;
    }

    private long personVersion() {
        return app.jdbc
                .sql("select version from people.person where id = ?::uuid")
                .param(app.personId)
                .query(Long.class)
                .single();
    }

    /** The person as stored reads back with the names, phone, country and languages as sent. */
    private void checkPerson(JsonNode sent, String id) {
        JsonNode stored = app.clinician.get("/api/people/" + id).json();
        assertThat(stored).as("person %s", id).isNotNull();
        sameText(sent, stored, "chosenName", true);
        sameText(sent, stored, "phone", false);
        sameText(sent, stored, "countryOfOrigin", false);
        JsonNode sentNames = sent.path("otherNames");
        if (sentNames.isArray()) {
            assertThat(stored.path("otherNames").size()).isEqualTo(sentNames.size());
            for (int i = 0; i < sentNames.size(); i++) {
                sameText(sentNames.get(i), stored.path("otherNames").get(i), "name", true);
                sameText(sentNames.get(i), stored.path("otherNames").get(i), "language", false);
            }
        }
        if (sent.path("languages").isArray()) {
            assertThat(texts(stored.path("languages")))
                    .containsExactlyInAnyOrderElementsOf(texts(sent.path("languages")));
        }
    }

    /** A text field sent as a string reads back the same, stripped of surrounding blanks if the API strips it. */
    private static void sameText(JsonNode sent, @Nullable JsonNode stored, String field, boolean stripped) {
        if (!sent.path(field).isString()) {
            return;
        }
        String text = sent.path(field).asString();
        assertThat(stored).isNotNull();
        assertThat(visible(stored.path(field).asString(null)))
                .as(field)
                .isEqualTo(visible(stripped ? text.strip() : text));
    }

    /** The text with every character outside printable ASCII escaped, so that a failure shows it. */
    static @Nullable String visible(@Nullable String text) {
        if (text == null) {
            return null;
        }
        StringBuilder shown = new StringBuilder();
        text.chars().limit(200).forEach(c -> {
            if (c >= 0x20 && c < 0x7F) {
                shown.append((char) c);
            } else {
                shown.append(String.format("\\u%04X", c));
            }
        });
        return text.length() > 200 ? shown + "… (" + text.length() + " chars)" : shown.toString();
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).distinct().toList();
    }

    private static JsonNode find(Answer list, String id) {
        assertThat(list.json()).as("list %s", list).isNotNull();
        return list.json()
                .valueStream()
                .filter(item -> item.path("id").asString().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("accepted record " + id + " is not listed"));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
