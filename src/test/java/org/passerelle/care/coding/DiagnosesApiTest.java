package org.passerelle.care.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
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

@PasserelleTest
class DiagnosesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession clinician;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
    }

    @Test
    void findsScabiesByCodeAndByNameInEachLanguage() {
        for (String query : List.of("B86", "gale", "Scabies", "جرب")) {
            JsonNode found = search(clinician, query);
            assertThat(found.path(0).path("code").asString()).as(query).isEqualTo("B86");
        }
        JsonNode scabies = search(clinician, "gale").path(0);
        assertThat(scabies.path("chapter").asString()).isEqualTo("I");
        assertThat(scabies.path("block").asString()).isEqualTo("B85-B89");
        assertThat(scabies.path("labels").path("fr").asString()).isEqualTo("Gale");
        assertThat(scabies.path("labels").path("ar").asString()).isEqualTo("الجرب");
        assertThat(scabies.path("favourite").asBoolean()).isFalse();
        assertThat(clinician
                        .get("/api/diagnoses/F43.1")
                        .body()
                        .path("labels")
                        .path("en")
                        .asString())
                .isEqualTo("Post-traumatic stress disorder");
        assertThat(clinician.get("/api/diagnoses/X00.0").status()).isEqualTo(404);
    }

    @Test
    void listsTheChaptersAndTheDiagnosesOfOne() {
        JsonNode chapters = clinician.get("/api/diagnoses/chapters").body();
        assertThat(chapters).hasSize(22);
        assertThat(chapters.path(4).path("numeral").asString()).isEqualTo("V");
        assertThat(chapters.path(4).path("diagnoses").asLong()).isPositive();
        JsonNode mental = clinician.get("/api/diagnoses?chapter=V&limit=200").body();
        assertThat(mental.valueStream().map(d -> d.path("code").asString())).allMatch(code -> code.startsWith("F"));
        assertThat(clinician.get("/api/diagnoses?chapter=XXX").status()).isEqualTo(400);
    }

    @Test
    void addsListsAndRemovesTheSitesFavouritesAndAuditsEachChange() {
        assertThat(clinician.put("/api/diagnoses/favourites/B86", Map.of()).status())
                .isEqualTo(200);
        ApiSession.Response added = clinician.put("/api/diagnoses/favourites/F43.1", Map.of());
        assertThat(codes(added.body())).containsExactly("B86", "F43.1");
        assertThat(codes(
                        clinician.put("/api/diagnoses/favourites/B86", Map.of()).body()))
                .containsExactly("B86", "F43.1");

        JsonNode blank = clinician.get("/api/diagnoses?limit=3").body();
        assertThat(codes(blank)).startsWith("B86", "F43.1");
        assertThat(blank.path(0).path("favourite").asBoolean()).isTrue();
        assertThat(search(clinician, "stress").path(0).path("code").asString()).isEqualTo("F43.1");

        ApiSession.Response removed = clinician.delete("/api/diagnoses/favourites/B86");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(codes(clinician.get("/api/diagnoses/favourites").body())).containsExactly("F43.1");

        ApiSession.Response reordered =
                clinician.put("/api/diagnoses/favourites", Map.of("codes", List.of("Z59.0", "F43.1")));
        assertThat(codes(reordered.body())).containsExactly("Z59.0", "F43.1");

        assertThat(auditedActions()).containsExactly("CREATE", "CREATE", "DELETE", "UPDATE");
    }

    @Test
    void refusesAnUnknownCodeAndStoresNothing() {
        ApiSession.Response unknown = clinician.put("/api/diagnoses/favourites/B99.9", Map.of());
        ApiSession.Response malformed = clinician.put("/api/diagnoses/favourites/scabies", Map.of());
        ApiSession.Response inList =
                clinician.put("/api/diagnoses/favourites", Map.of("codes", List.of("B86", "Z99.99")));
        ApiSession.Response twice = clinician.put("/api/diagnoses/favourites", Map.of("codes", List.of("B86", "B86")));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("code")).isEqualTo("unknown-diagnosis");
        assertThat(unknown.body().path("fieldErrors").path(0).path("field").asString())
                .isEqualTo("code");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(inList.status()).isEqualTo(400);
        assertThat(inList.body().path("fieldErrors").path(0).path("field").asString())
                .isEqualTo("codes[1]");
        assertThat(twice.text("code")).isEqualTo("duplicate-code");
        assertThat(storedFavourites(organisation.siteA)).isZero();
        assertThat(auditedActions()).isEmpty();
    }

    @Test
    void keepsEachSitesOwnFavouritesForItsCliniciansAndCoordinators() {
        clinician.put("/api/diagnoses/favourites/T14.1", Map.of());
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        ApiSession elsewhere = organisation.userAt(organisation.siteB, "CLINICIAN");

        assertThat(codes(coordinator.get("/api/diagnoses/favourites").body())).containsExactly("T14.1");
        assertThat(coordinator.put("/api/diagnoses/favourites/B86", Map.of()).status())
                .isEqualTo(200);
        assertThat(codes(elsewhere.get("/api/diagnoses/favourites").body())).isEmpty();
        assertThat(search(elsewhere, "").path(0).path("favourite").asBoolean()).isFalse();
        assertThat(codes(clinician.get("/api/diagnoses/favourites").body())).containsExactly("T14.1", "B86");
    }

    @Test
    void refusesUsersWhoDoNotCareForPeople() {
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");

        assertThat(logistician.get("/api/diagnoses?q=gale").status()).isEqualTo(403);
        assertThat(logistician.get("/api/diagnoses/chapters").status()).isEqualTo(403);
        assertThat(logistician.get("/api/diagnoses/favourites").status()).isEqualTo(403);
        ApiSession.Response write = logistician.put("/api/diagnoses/favourites/B86", Map.of());
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.text("code")).isEqualTo("role-not-allowed");
        assertThat(logistician.get("/api/medicines?q=amox").status()).isEqualTo(403);
        assertThat(storedFavourites(organisation.siteA)).isZero();
    }

    @Test
    void refusesALimitOutOfRangeInTheUsersLanguage() {
        ApiSession.Response zero = clinician.language("fr").get("/api/diagnoses?q=gale&limit=0");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.text("code")).isEqualTo("limit-out-of-range");
        assertThat(zero.text("detail")).isEqualTo("Demandez entre 1 et 200 résultats.");
        assertThat(clinician.get("/api/diagnoses?limit=201").status()).isEqualTo(400);
        assertThat(clinician.get("/api/diagnoses?limit=many").status()).isEqualTo(400);
        assertThat(clinician.get("/api/medicines?limit=-1").status()).isEqualTo(400);
        assertThat(clinician.get("/api/diagnoses?q=" + "a".repeat(101)).status())
                .isEqualTo(400);
    }

    @Test
    void searchesTheFormularyByNameBrandAndAtcCode() {
        JsonNode amoxicillin = clinician.get("/api/medicines?q=amoxicilline").body();
        assertThat(amoxicillin.valueStream().map(m -> m.path("code").asString()))
                .contains("amoxicillin-500-caps");
        JsonNode ivermectin = clinician.get("/api/medicines/ivermectin-3-tab").body();
        assertThat(ivermectin.path("atc").asString()).isEqualTo("P02CF01");
        assertThat(ivermectin.path("name").path("fr").asString()).isEqualTo("ivermectine");
        assertThat(ivermectin.path("form").path("labels").path("ar").asString()).isEqualTo("قرص");
        assertThat(ivermectin.path("unit").path("other").path("fr").asString()).isEqualTo("comprimés");
        assertThat(clinician
                        .get("/api/medicines?q=Norlevo")
                        .body()
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("levonorgestrel-15-tab");
        assertThat(clinician.get("/api/medicines?q=J05AR").body()).isNotEmpty();
        assertThat(clinician.get("/api/medicines/unobtainium").status()).isEqualTo(404);
    }

    private static JsonNode search(ApiSession session, String query) {
        ApiSession.Response response =
                session.get("/api/diagnoses?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private static List<String> codes(JsonNode list) {
        return list.valueStream().map(d -> d.path("code").asString()).toList();
    }

    private long storedFavourites(String siteId) {
        return jdbc.sql("select count(*) from care.diagnosis_favourite where site_id = ?")
                .param(UUID.fromString(siteId))
                .query(Long.class)
                .single();
    }

    private List<String> auditedActions() {
        return jdbc.sql("""
                        select action from audit.audit_event
                         where record_type = 'diagnosis-favourites' and record_id = ? order by id
                        """)
                .param(UUID.fromString(organisation.siteA))
                .query(String.class)
                .list();
    }
}
