package org.passerelle.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A file of persons imported over the API: uploaded, its columns guessed from French headers,
 * checked (rows as read, refusals with their reasons in the user's language), imported by one job
 * audited as one line plus one line per person, with a report of the refused rows.
 */
@PasserelleTest
class ImportApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession coordinator;
    String tag;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        coordinator = organisation.userAt(organisation.siteA, "COORDINATOR").language("fr");
        tag = "Imp" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void importsACsvMappedByItsHeadersAndAuditsTheJobAndEachPerson() {
        String csv = """
                Prénom;Nom;Sexe;Date de naissance;Âge;Téléphone;Langues;Pays d'origine
                Amina;%1$s;F;14/03/2001;;+33 6 12 34 56 78;arabe, fr;Soudan
                Yonas;%1$s;H;1998;;;tigrinya;ER
                Samir;%1$s;M;;25 ans;;;
                Lina;%1$s;femme;31/02/2001;;;;
                Omar;%1$s;Z;;;;;Atlantide
                """.formatted(tag);
        JsonNode uploaded = upload(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.path("rows").asInt()).isEqualTo(5);
        JsonNode guessed = uploaded.path("guessed");
        assertThat(guessed.path("Prénom").asString()).isEqualTo("GIVEN_NAME");
        assertThat(guessed.path("Nom").asString()).isEqualTo("FAMILY_NAME");
        assertThat(guessed.path("Date de naissance").asString()).isEqualTo("BIRTH_DATE");
        assertThat(guessed.path("Âge").asString()).isEqualTo("AGE");
        assertThat(guessed.path("Pays d'origine").asString()).isEqualTo("COUNTRY_OF_ORIGIN");
        String id = uploaded.path("importId").asString();
        Map<String, Object> mapping = mappingOf(guessed);

        ApiSession.Response checked = coordinator.post("/api/imports/" + id + "/check", mapping);
        assertThat(checked.status()).as(checked.body().toString()).isEqualTo(200);
        JsonNode check = checked.body();
        assertThat(check.path("accepted").asInt()).isEqualTo(3);
        JsonNode amina = check.path("preview").get(0);
        assertThat(amina.path("chosenName").asString()).isEqualTo("Amina " + tag);
        assertThat(amina.path("birthDate").path("precision").asString()).isEqualTo("EXACT");
        assertThat(amina.path("languages")
                        .valueStream()
                        .map(JsonNode::asString)
                        .sorted()
                        .toList())
                .containsExactly("ar", "fr");
        assertThat(amina.path("countryOfOrigin").asString()).isEqualTo("SD");
        assertThat(check.path("preview")
                        .get(1)
                        .path("birthDate")
                        .path("precision")
                        .asString())
                .isEqualTo("YEAR");
        JsonNode samir = check.path("preview").get(2);
        assertThat(samir.path("birthDate").path("precision").asString()).isEqualTo("ESTIMATED");
        assertThat(samir.path("birthDate").path("estimatedAge").asInt()).isEqualTo(25);
        assertThat(check.path("preview").get(3).path("refused").asBoolean()).isTrue();
        List<String> refusals = check.path("refusals")
                .valueStream()
                .map(refusal -> refusal.path("line").asInt() + " "
                        + refusal.path("column").asString() + " "
                        + refusal.path("code").asString())
                .toList();
        assertThat(refusals)
                .containsExactlyInAnyOrder(
                        "5 Date de naissance import-row-birth-date-invalid",
                        "6 Sexe import-row-sex-unknown",
                        "6 Pays d'origine import-row-country-unknown");
        assertThat(check.path("refusals").get(0).path("message").asString()).contains("date");

        JsonNode job = runAndWait(id, mapping, List.of());
        assertThat(job.path("status").asString()).isEqualTo("DONE");
        assertThat(job.path("imported").asInt()).isEqualTo(3);
        assertThat(job.path("refused").asInt()).isEqualTo(2);

        List<UUID> created =
                jdbc.sql("""
                        select record_id from audit.audit_event
                         where action = 'CREATE' and record_type = 'person' and outcome = ?
                        """).param("SUCCESS import=" + id).query(UUID.class).list();
        assertThat(created).hasSize(3);
        String jobLine = jdbc.sql("select outcome from audit.audit_event where record_type = 'person-import' "
                        + "and record_id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
        assertThat(jobLine).isEqualTo("SUCCESS persons=3 linked=0 skipped=0 refused=2");
        List<String> names = created.stream()
                .map(person -> coordinator.get("/api/people/" + person))
                .peek(read -> assertThat(read.status()).isEqualTo(200))
                .map(read -> read.text("chosenName"))
                .toList();
        assertThat(names).containsExactlyInAnyOrder("Amina " + tag, "Yonas " + tag, "Samir " + tag);

        var bytes = coordinator.getBytes("/api/imports/" + id + "/report?language=fr");
        assertThat(bytes.statusCode()).isEqualTo(200);
        String text = new String(bytes.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("5,Date de naissance,import-row-birth-date-invalid,\"La date de naissance n'est ni");
        assertThat(text).doesNotContain(tag);

        ApiSession.Response again = coordinator.post("/api/imports/" + id + "/run", Map.of("mapping", mapping));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("import-already-run");
    }

    @Test
    void showsLikelyDuplicatesInTheFileAndTheRegistryAndFollowsTheChoiceForEachRow() {
        String family = "Abdelrahman" + tag;
        String existing = TestOrganisation.registerBorn(coordinator, "Mohammed " + family, "1990-05-04");
        String csv = """
                Nom complet,Sexe,Date de naissance
                Mohamed %1$s,M,04/05/1990
                Fatima Zahra %2$s,F,1985
                Fatima Zahra %2$s,F,1985
                Karim %3$s,M,2001
                """.formatted(family, "Benali" + tag, "Other" + tag);
        JsonNode uploaded = upload(csv.getBytes(StandardCharsets.UTF_8));
        String id = uploaded.path("importId").asString();
        Map<String, Object> mapping = mappingOf(uploaded.path("guessed"));
        ApiSession.Response checked = coordinator.post("/api/imports/" + id + "/check", mapping);
        assertThat(checked.status()).as(checked.body().toString()).isEqualTo(200);
        JsonNode duplicates = checked.body().path("duplicates");
        JsonNode mohamed = line(duplicates, 2);
        assertThat(mohamed.path("inRegistry").get(0).path("personId").asString())
                .isEqualTo(existing);
        assertThat(mohamed.path("inRegistry").get(0).path("chosenName").asString())
                .isEqualTo("Mohammed " + family);
        assertThat(line(duplicates, 3).path("inFile").get(0).path("line").asInt())
                .isEqualTo(4);
        assertThat(duplicates.valueStream().map(d -> d.path("line").asInt()).toList())
                .doesNotContain(5);

        ApiSession.Response notProposed = coordinator.post(
                "/api/imports/" + id + "/run",
                Map.of(
                        "mapping",
                        mapping,
                        "decisions",
                        List.of(Map.of("line", 5, "action", "LINK", "personId", existing))));
        assertThat(notProposed.status()).isEqualTo(400);
        assertThat(notProposed.text("code")).isEqualTo("import-link-not-proposed");

        JsonNode job = runAndWait(
                id,
                mapping,
                List.of(
                        Map.of("line", 2, "action", "LINK", "personId", existing),
                        Map.of("line", 4, "action", "SKIP")));
        assertThat(job.path("status").asString()).isEqualTo("DONE");
        assertThat(List.of(
                        job.path("imported").asInt(),
                        job.path("linked").asInt(),
                        job.path("skipped").asInt()))
                .containsExactly(2, 1, 1);
        int namedLikeExisting = jdbc.sql(
                        "select count(*) from audit.audit_event where record_id = ?::uuid " + "and action = 'CREATE'")
                .param(existing)
                .query(Integer.class)
                .single();
        assertThat(namedLikeExisting).isEqualTo(1);
    }

    @Test
    void refusesBadFilesAndMappingsInTheUsersLanguageAndChangesNothing() {
        ApiSession arabic = coordinator.language("ar");
        ApiSession.Response empty = arabic.postFile("/api/imports", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("code")).isEqualTo("import-file-empty");
        assertThat(empty.text("detail")).contains("لم يُستورد");
        ApiSession.Response headerOnly = arabic.postFile("/api/imports", "Nom;Sexe\n".getBytes(StandardCharsets.UTF_8));
        assertThat(headerOnly.text("code")).isEqualTo("import-file-empty");
        ApiSession.Response binary = arabic.postFile("/api/imports", new byte[] {0x25, 0x50, 0x44, 0x46, 0, 1, 2});
        assertThat(binary.status()).isEqualTo(400);
        assertThat(binary.text("code")).isEqualTo("import-file-type");

        String id = upload(("Nom,Sexe\nAlpha " + tag + ",F\n").getBytes(StandardCharsets.UTF_8))
                .path("importId")
                .asString();
        ApiSession.Response unknown =
                coordinator.post("/api/imports/" + id + "/check", Map.of("columns", Map.of("FAMILY_NAME", "Surname")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("code")).isEqualTo("import-unknown-column");
        ApiSession.Response nameless =
                coordinator.post("/api/imports/" + id + "/check", Map.of("columns", Map.of("SEX", "Sexe")));
        assertThat(nameless.text("code")).isEqualTo("import-name-not-mapped");
        ApiSession.Response run = coordinator.post(
                "/api/imports/" + id + "/run", Map.of("mapping", Map.of("columns", Map.of("SEX", "Sexe"))));
        assertThat(run.text("code")).isEqualTo("import-name-not-mapped");
        assertThat(coordinator.get("/api/imports/" + id).status()).isEqualTo(404);

        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        assertThat(clinician
                        .postFile("/api/imports", "Nom\nX\n".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(403);
        ApiSession otherCoordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        assertThat(otherCoordinator
                        .post("/api/imports/" + id + "/check", Map.of("columns", Map.of("FAMILY_NAME", "Nom")))
                        .status())
                .isEqualTo(404);
    }

    private JsonNode upload(byte[] content) {
        ApiSession.Response uploaded = coordinator.postFile("/api/imports", content);
        assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(201);
        return uploaded.body();
    }

    /** The mapping the server guessed, as the client sends it back. */
    static Map<String, Object> mappingOf(JsonNode guessed) {
        Map<String, String> columns = new java.util.HashMap<>();
        guessed.properties().forEach(entry -> columns.put(entry.getValue().asString(), entry.getKey()));
        return Map.of("columns", columns);
    }

    private static JsonNode line(JsonNode duplicates, int line) {
        return duplicates
                .valueStream()
                .filter(duplicate -> duplicate.path("line").asInt() == line)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no duplicate at line " + line + " in " + duplicates));
    }

    private JsonNode runAndWait(String id, Map<String, Object> mapping, List<Map<String, Object>> decisions) {
        ApiSession.Response started =
                coordinator.post("/api/imports/" + id + "/run", Map.of("mapping", mapping, "decisions", decisions));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        return ImportJobs.awaitEnd(coordinator, id);
    }
}
