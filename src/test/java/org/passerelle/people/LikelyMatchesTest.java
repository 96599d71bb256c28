package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Before a registration, the persons likely to be the same one are found whatever the spelling. */
@PasserelleTest
class LikelyMatchesTest {

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
    void findsASpellingVariantWithASwappedBirthDateAndSaysWhy() {
        String year = "1987";
        String existing = register("Abdelkader Boukhari", year + "-03-11");
        register("Fatima Zahra Benali", year + "-03-11");

        JsonNode matches = likely("Abdulqadir Bukhari", year + "-11-03");

        assertThat(matches.valueStream()
                        .map(match -> match.path("person").path("id").asString()))
                .contains(existing);
        JsonNode best = matches.path(0);
        assertThat(best.path("person").path("id").asString()).isEqualTo(existing);
        assertThat(best.path("probability").asDouble()).isBetween(0.2, 1.0);
        assertThat(best.path("reasons")
                        .valueStream()
                        .map(reason -> reason.path("field").asString()))
                .contains("names", "birth date");
        assertThat(matches.valueStream()
                        .map(match -> match.path("person").path("chosenName").asString()))
                .doesNotContain("Fatima Zahra Benali");
    }

    @Autowired
    MatchIndexBackfill backfill;

    @Test
    void givesMatchKeysAtStartUpToPersonsWhoHaveNone() {
        String person = register("Tesfalem Gebremedhin", "1990-04-12");
        jdbc.sql("delete from people.person_match_key where person_id = ?::uuid")
                .param(person)
                .update();

        // a registry whose name index is at the current version was indexed whole: not looked through
        backfill.backfill();
        assertThat(jdbc.sql("select count(*) from people.person_match_key where person_id = ?::uuid")
                        .param(person)
                        .query(Long.class)
                        .single())
                .isZero();

        // one from before the match index is
        jdbc.sql("update people.name_index_version set version = 1").update();
        try {
            backfill.backfill();
        } finally {
            jdbc.sql("update people.name_index_version set version = ?")
                    .param(NameIndexUpgrade.VERSION)
                    .update();
        }

        assertThat(jdbc.sql("select count(*) from people.person_match_key where person_id = ?::uuid")
                        .param(person)
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(likely("Tesfalem Gebremedhin", "1990-04-12")
                        .valueStream()
                        .map(match -> match.path("person").path("id").asString()))
                .contains(person);
    }

    @Test
    void theSearchBoxAlsoFindsOtherSpellingsAndScripts() {
        String youssef = register("Youssef Haroun", "1979-06-02");
        String mohamed = register("Mohamed Abdelkader", "1983-01-01");

        assertThat(ids(clinician.post("/api/people/search", Map.of("query", "Yusuf Harun"))))
                .contains(youssef);
        assertThat(ids(clinician.post("/api/people/search", Map.of("query", "Harun Yusuf", "sex", "MALE"))))
                .contains(youssef);
        assertThat(ids(clinician.post("/api/people/search", Map.of("query", "محمد عبد القادر"))))
                .contains(mohamed);
        assertThat(ids(clinician.post("/api/people/search", Map.of("query", "Yusuf Harun", "sex", "FEMALE"))))
                .doesNotContain(youssef);
    }

    private static List<String> ids(ApiSession.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().valueStream().map(p -> p.path("id").asString()).toList();
    }

    @Test
    void keepsTheMatchKeysBlindAndRefusesBadInput() {
        String id = register("Tesfaye Gebremariam", "1991-05-20");

        List<byte[]> keys = jdbc.sql("select key from people.person_match_key where person_id = ?::uuid")
                .param(id)
                .query(byte[].class)
                .list();
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key).hasSize(16));
        assertThat(clinician
                        .post("/api/people/likely-matches", Map.of("details", Map.of("sex", "MALE")))
                        .status())
                .isEqualTo(400);
        assertThat(organisation
                        .userAt(organisation.siteA, "LOGISTICIAN")
                        .post(
                                "/api/people/likely-matches",
                                Map.of("details", Map.of("chosenName", "Tesfaye", "sex", "MALE")))
                        .status())
                .isEqualTo(403);
    }

    private String register(String name, String birthDate) {
        return TestOrganisation.registerBorn(clinician, name, birthDate);
    }

    private JsonNode likely(String name, String birthDate) {
        ApiSession.Response response = clinician.post(
                "/api/people/likely-matches",
                Map.of(
                        "details",
                        Map.of(
                                "chosenName",
                                name,
                                "sex",
                                "MALE",
                                "birthDate",
                                Map.of("precision", "EXACT", "date", birthDate))));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }
}
