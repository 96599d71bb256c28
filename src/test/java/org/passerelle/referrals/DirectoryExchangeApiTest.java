package org.passerelle.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The directory from open data: a coordinator imports a data·inclusion file (the sample kept beside
 * the tests, {@code referrals/data-inclusion-sample.json}), carers find its services by need, by
 * place (town or postal code) and by the language a coordinator added, a second import refreshes
 * the entries and keeps what the team said, the export gives the schema's fields back, and a file
 * naming an unknown structure is refused whole.
 */
@PasserelleTest
class DirectoryExchangeApiTest {

    private static final String PASS = "PASS de l'Estran";
    private static final String LISTENING = "Écoute psychologique du Littoral";
    private static final String MEALS = "Repas du soir du Littoral";
    private static final String RIGHTS = "Accès aux droits santé des Flandres";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    TestOrganisation organisation;
    ApiSession coordinator;
    ApiSession nurse;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
    }

    @Test
    void theSampleIsFoundByNeedPlaceAndLanguageAndImportedAgainWithoutLosingWhatTheTeamSaid() throws IOException {
        ApiSession.Response first = coordinator.post("/api/directory/data-inclusion", sample());
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().path("added").asInt()
                        + first.body().path("updated").asInt())
                .isEqualTo(4);

        assertThat(names(search("need=HEALTH_COVERAGE"))).contains(RIGHTS).doesNotContain(PASS, LISTENING, MEALS);
        JsonNode rights = only(search("need=HEALTH_COVERAGE"), RIGHTS);
        assertThat(rights.path("details").path("kind").asString()).isEqualTo("CPAM");
        assertThat(rights.path("details").path("city").asString()).isEqualTo("Dunkerque");
        assertThat(rights.path("source").asString()).isEqualTo("echantillon-passerelle");

        assertThat(names(search("need=GENERAL_CARE&place=dunkerque")))
                .contains(PASS)
                .doesNotContain(LISTENING, RIGHTS);
        JsonNode pass = only(search("need=GENERAL_CARE&place=dunkerque"), PASS);
        assertThat(pass.path("details").path("postalCode").asString()).isEqualTo("59240");
        assertThat(pass.path("details").path("organisation").asString()).isEqualTo("Centre hospitalier de l'Estran");
        assertThat(pass.path("details").path("acceptsUncovered").asBoolean()).isTrue();
        assertThat(pass.path("details").path("acceptsMinors").asBoolean()).isFalse();

        assertThat(names(search("place=59760"))).contains(LISTENING, MEALS).doesNotContain(PASS, RIGHTS);
        assertThat(names(search("place=Grande-Synthe&need=FOOD")))
                .contains(MEALS)
                .doesNotContain(LISTENING);
        JsonNode listening = only(search("place=59760&need=MENTAL_HEALTH"), LISTENING);
        assertThat(listening.path("details").path("kind").asString()).isEqualTo("ASSOCIATION");
        assertThat(listening.path("details").path("acceptsUncovered").asBoolean())
                .isTrue();
        assertThat(listening.path("details").path("acceptsMinors").asBoolean()).isTrue();
        assertThat(listening.path("details").path("openingHours").asString()).isEqualTo("Mo-Fr 09:00-12:00");
        assertThat(listening.path("details").path("checkedOn").asString())
                .isEqualTo(earliest(LocalDate.parse("2026-10-20"), MovableClock.today())
                        .toString());
        assertThat(only(search("place=59760&need=FOOD"), MEALS)
                        .path("details")
                        .path("acceptsUncovered")
                        .asBoolean())
                .isFalse();
        assertThat(names(search("place=59760&language=ps"))).doesNotContain(LISTENING);

        ObjectNode said = (ObjectNode) listening.path("details").deepCopy();
        said.set("languages", json.valueToTree(List.of("ar", "ps")));
        said.put("interpreter", true);
        ApiSession.Response changed = coordinator.put(
                "/api/directory/services/" + listening.path("id").asString(),
                Map.of("version", listening.path("version").asLong(), "details", said));
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);

        assertThat(names(search("place=59760&language=ps"))).contains(LISTENING).doesNotContain(MEALS);
        assertThat(names(search("language=ar&need=MENTAL_HEALTH&place=grande"))).contains(LISTENING);

        ApiSession.Response again = coordinator.post("/api/directory/data-inclusion", sample());
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.body().path("added").asInt()).isZero();
        assertThat(again.body().path("updated").asInt()).isEqualTo(4);
        JsonNode kept = only(search("place=59760&language=ps"), LISTENING);
        assertThat(kept.path("details").path("languages").toString()).isEqualTo("[\"ar\",\"ps\"]");
        assertThat(kept.path("details").path("interpreter").asBoolean()).isTrue();
        assertThat(count("Écoute psychologique du Littoral")).isEqualTo(1);
    }

    @Test
    void theExportGivesTheSchemasFieldsBack() throws IOException {
        ApiSession.Response imported = coordinator.post("/api/directory/data-inclusion", sample());
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);

        ApiSession.Response exported = coordinator.get("/api/directory/data-inclusion");

        assertThat(exported.status()).isEqualTo(200);
        JsonNode listening = null;
        for (JsonNode service : exported.body().path("services")) {
            if (service.path("nom").asString().equals(LISTENING)) {
                listening = service;
            }
        }
        assertThat(listening).as("the sample's service in the export").isNotNull();
        assertThat(listening.path("source").asString()).isEqualTo("passerelle");
        assertThat(listening.path("structure_id").asString()).isEqualTo("structure-asso-littoral");
        assertThat(listening.path("thematiques").toString())
                .contains("sante--bien-etre-psychologique")
                .doesNotContain("sante--accompagner-les-traumatismes");
        assertThat(listening.path("frais").asString()).isEqualTo("gratuit");
        assertThat(listening.path("publics").toString()).contains("jeunes");
        assertThat(listening.path("commune").asString()).isEqualTo("Grande-Synthe");
        assertThat(listening.path("code_postal").asString()).isEqualTo("59760");
        assertThat(listening.path("horaires_accueil").asString()).isEqualTo("Mo-Fr 09:00-12:00");
        assertThat(listening.path("description").asString().length()).isBetween(50, 2000);
        List<String> structures = new ArrayList<>();
        exported.body()
                .path("structures")
                .forEach(structure -> structures.add(structure.path("id").asString()));
        assertThat(structures).contains("structure-asso-littoral").doesNotHaveDuplicates();
        assertThat(nurse.get("/api/directory/data-inclusion").status()).isEqualTo(403);
    }

    @Test
    void aFileNamingAnUnknownStructureIsRefusedWholeAndAddsNothing() throws IOException {
        ObjectNode file = sample();
        ((ObjectNode) file.path("services").get(0)).put("id", "service-nouveau");
        ((ObjectNode) file.path("services").get(1)).put("structure_id", "structure-inconnue");
        long before = jdbc.sql("select count(*) from referrals.partner_service")
                .query(Long.class)
                .single();

        ApiSession.Response refused = coordinator.post("/api/directory/data-inclusion", file);

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo(ReferralProblems.BAD_IMPORT);
        assertThat(refused.body().toString()).contains("services[1].structure_id");
        assertThat(jdbc.sql("select count(*) from referrals.partner_service")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(count("service-nouveau")).isZero();
        assertThat(nurse.post("/api/directory/data-inclusion", sample()).status())
                .isEqualTo(403);
    }

    private ObjectNode sample() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/referrals/data-inclusion-sample.json")) {
            assertThat(in).as("the sample file").isNotNull();
            return (ObjectNode) json.readTree(in);
        }
    }

    private JsonNode search(String query) {
        ApiSession.Response found = nurse.get("/api/directory/services?" + query);
        assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
        return found.body();
    }

    private static List<String> names(JsonNode services) {
        List<String> names = new ArrayList<>();
        services.forEach(
                service -> names.add(service.path("details").path("name").asString()));
        return names;
    }

    private static JsonNode only(JsonNode services, String name) {
        List<JsonNode> found = new ArrayList<>();
        services.forEach(service -> {
            if (service.path("details").path("name").asString().equals(name)) {
                found.add(service);
            }
        });
        assertThat(found).as(name).hasSize(1);
        return found.getFirst();
    }

    /** Entries named so, or imported under that data·inclusion id. */
    private long count(String nameOrSourceId) {
        return jdbc.sql("""
                        select count(*) from referrals.partner_service
                         where name = :value or source_service_id = :value
                        """).param("value", nameOrSourceId).query(Long.class).single();
    }

    private static LocalDate earliest(LocalDate one, LocalDate other) {
        return one.isBefore(other) ? one : other;
    }
}
