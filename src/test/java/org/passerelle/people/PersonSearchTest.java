package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
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

/** The search box: each person found comes with how probable and why, most probable first. */
@PasserelleTest
class PersonSearchTest {

    @LocalServerPort
    int port;

    @Autowired
    NameIndexUpgrade upgrade;

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
    void saysWhichNameASpellingVariantMatchedAndWhy() {
        String amina = register("Amina Tesfay", List.of("Aminata Yusuf"), "FEMALE", "1994-08-17");

        JsonNode found = result(search(Map.of("query", "Aminata Youssouf")), amina);

        JsonNode match = found.path("match");
        assertThat(match.path("matchedName").asString()).isEqualTo("Aminata Yusuf");
        assertThat(match.path("probability").asDouble()).isBetween(0.2, 1.0);
        JsonNode names = reason(match, "names");
        assertThat(names.path("level").asString()).isEqualTo("all names similar");
        assertThat(names.path("weight").asDouble()).isPositive();
        assertThat(reason(match, "birth date").path("level").asString()).isEqualTo("missing");
    }

    @Test
    void ranksTheNameTypedAboveASpellingVariantThatAgreesAsMuch() {
        String mohamed = register("Mohamed Idriss", List.of(), "MALE", "1931-04-12");
        String mahamat = register("Mahamat Idriss", List.of(), "MALE", "1931-09-03");

        List<JsonNode> oneName = search(Map.of("query", "mohamed", "sex", "MALE", "birthYear", 1931, "limit", 100));
        List<String> oneNameIds = ids(oneName);
        assertThat(oneNameIds).contains(mohamed, mahamat);
        assertThat(result(oneName, mohamed).path("match").path("probability").asDouble())
                .isGreaterThan(result(oneName, mahamat)
                        .path("match")
                        .path("probability")
                        .asDouble());
        assertThat(oneNameIds.indexOf(mohamed)).isLessThan(oneNameIds.indexOf(mahamat));
        assertThat(reason(result(oneName, mahamat).path("match"), "birth date")
                        .path("level")
                        .asString())
                .isEqualTo("consistent with imprecise date");

        List<JsonNode> bothNames = search(Map.of("query", "mohamed idriss", "birthYear", 1931, "limit", 100));
        List<String> bothNamesIds = ids(bothNames);
        assertThat(bothNamesIds.indexOf(mohamed)).isNotNegative().isLessThan(bothNamesIds.indexOf(mahamat));
        assertThat(result(bothNames, mohamed).path("match").path("probability").asDouble())
                .isGreaterThan(result(bothNames, mahamat)
                        .path("match")
                        .path("probability")
                        .asDouble());
        assertThat(probabilities(bothNames)).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void findsByAgeThePersonOfThatAgeAndNotANamesakeThirtyYearsOlder() {
        LocalDate today = LocalDate.now();
        String young = register(
                "Selam Berhane",
                List.of(),
                "FEMALE",
                today.minusYears(30).minusMonths(3).toString());
        String old = register(
                "Selam Berhane",
                List.of(),
                "FEMALE",
                today.minusYears(60).minusMonths(3).toString());

        List<JsonNode> found = search(Map.of("query", "Selam Berhane", "age", 30));

        assertThat(ids(found)).contains(young).doesNotContain(old);
        assertThat(reason(result(found, young).path("match"), "birth date")
                        .path("level")
                        .asString())
                .isEqualTo("consistent with estimated age");
        assertThat(ids(search(Map.of("query", "Selam Berhane", "age", 60))))
                .contains(old)
                .doesNotContain(young);
    }

    @Test
    void refusesAnAgeWithABirthYearAndABirthYearInTheFutureOrTooLongAgo() {
        ApiSession.Response both = clinician
                .language("fr")
                .post("/api/people/search", Map.of("query", "Selam", "age", 30, "birthYear", 1995));
        ApiSession.Response future = clinician
                .language("en")
                .post(
                        "/api/people/search",
                        Map.of("query", "Selam", "birthYear", LocalDate.now().getYear() + 1));
        ApiSession.Response ancient = clinician.post("/api/people/search", Map.of("query", "Selam", "birthYear", 1850));
        ApiSession.Response tooOld = clinician.post("/api/people/search", Map.of("query", "Selam", "age", 121));

        assertThat(both.status()).isEqualTo(400);
        assertThat(both.text("code")).isEqualTo("search-age-and-birth-year");
        assertThat(both.text("detail")).isEqualTo("Indiquez l'année de naissance ou l'âge, pas les deux.");
        assertThat(fieldOfError(both)).isEqualTo("age");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("code")).isEqualTo("birth-date-in-future");
        assertThat(future.text("detail")).isEqualTo("The birth date cannot be in the future.");
        assertThat(fieldOfError(future)).isEqualTo("birthYear");
        assertThat(ancient.status()).isEqualTo(400);
        assertThat(ancient.text("code")).isEqualTo("birth-date-too-old");
        assertThat(tooOld.status()).isEqualTo(400);
        assertThat(fieldOfError(tooOld)).isEqualTo("age");
    }

    @Test
    void givesNoMatchForAPatientCodeFound() {
        String id = register("Tigist Woldemichael", List.of(), "FEMALE", "2001-02-03");
        String code = clinician.get("/api/people/" + id).text("patientCode");

        List<JsonNode> found = search(Map.of("query", PatientCode.display(code)));

        assertThat(ids(found)).containsExactly(id);
        assertThat(found.getFirst().has("match")).as("nulls are left out").isFalse();
        assertThat(found.getFirst().path("chosenName").asString()).isEqualTo("Tigist Woldemichael");
    }

    @Test
    void findsByOneWordAnotherSpellingABeginningOrTheArabicScriptWithOrWithoutTheYear() {
        String najati = register("Najati Mahjub Qorvandi", List.of(), "MALE", "1987-05-04");

        for (String word : List.of("Nagati", "Mahgoub", "Mahgo", "Qorvan", "محجوب", "نجاتي")) {
            assertThat(ids(search(Map.of("query", word, "limit", 100))))
                    .as(word)
                    .contains(najati);
        }
        assertThat(ids(search(Map.of("query", "Nagati", "birthYear", 1987)))).contains(najati);
        assertThat(ids(search(Map.of("query", "Nagati", "birthYear", 1960)))).doesNotContain(najati);
    }

    @Test
    void findsAPersonRegisteredWithoutASexWhenASexIsSearchedButNotOneOfTheOtherSex() {
        String unknown = register("Zephyrine Oyelaran", List.of(), "UNKNOWN", "1991-02-11");
        String male = register("Zephyrine Adebanjo", List.of(), "MALE", "1991-06-23");

        List<String> found = ids(search(Map.of("query", "Zephyrine", "sex", "FEMALE", "birthYear", 1991)));

        assertThat(found).contains(unknown).doesNotContain(male);
    }

    @Test
    void ranksFirstAmongNamesakesOfTwoNamesTheOneWhoseThirdNameIsMistyped() {
        for (String third : List.of(
                "Oskarsson",
                "Pellegrino",
                "Ruggiero",
                "Szymanski",
                "Fitzgerald",
                "Lindqvist",
                "Castellanos",
                "Wojciechowski",
                "Nakamura",
                "Okonkwo")) {
            register("Quirinus Vandelbrook " + third, List.of(), "MALE", "1980-01-15");
        }
        String sought = register("Quirinus Vandelbrook Mebrahtom", List.of(), "MALE", "1980-01-15");

        // no name sounds like "Nebrahtom": the sought person agrees on two names and is alike on the
        // third, the others agree on two only; all are fetched and ranked, not the first the index gives
        List<JsonNode> found = search(Map.of("query", "Kirinus Vandelbruk Nebrahtom", "limit", 1));

        assertThat(ids(found)).containsExactly(sought);
    }

    @Test
    void givesEachPersonAProbabilityThatSaysHowManyCarryTheWordsTyped() {
        String first = register("Wenzeslaus Ikechukwu", List.of(), "MALE", "1990-03-02");
        String second = register("Wenzeslaus Obiora", List.of(), "MALE", "1972-11-20");
        String third = register("Wenzeslaus Chidiebere", List.of(), "MALE", "2001-07-14");

        List<JsonNode> oneWord = search(Map.of("query", "Wenzeslaus"));
        List<JsonNode> exact = search(Map.of("query", "Wenzeslaus Ikechukwu", "sex", "MALE", "birthYear", 1990));

        assertThat(ids(oneWord)).contains(first, second, third);
        for (String id : List.of(first, second, third)) {
            assertThat(result(oneWord, id).path("match").path("probability").asDouble())
                    .isBetween(0.15, 0.4);
        }
        assertThat(result(exact, first).path("match").path("probability").asDouble())
                .isGreaterThan(0.9);
    }

    @Test
    void indexesAgainOnUpgradeThePersonsIndexedBeforeTheNamesHadKeys() {
        String thabit = register("Thabit Nadhirov", List.of(), "MALE", "1979-01-30");
        jdbc.sql("delete from people.person_token where person_id = ?::uuid")
                .param(thabit)
                .update();
        jdbc.sql("update people.name_index_version set version = 1").update();
        assertThat(ids(search(Map.of("query", "Sabit", "limit", 100)))).doesNotContain(thabit);

        upgrade.upgrade();

        assertThat(upgrade.recordedVersion()).isEqualTo(NameIndexUpgrade.VERSION);
        assertThat(ids(search(Map.of("query", "Sabit", "limit", 100)))).contains(thabit);
        assertThat(ids(search(Map.of("query", "Nadhirov", "limit", 100)))).contains(thabit);
    }

    private String register(String name, List<String> otherNames, String sex, String birthDate) {
        Map<String, Object> details = new HashMap<>();
        details.put("chosenName", name);
        details.put(
                "otherNames",
                otherNames.stream()
                        .map(other -> Map.of("name", other, "kind", "ALIAS"))
                        .toList());
        details.put("sex", sex);
        details.put("birthDate", Map.of("precision", "EXACT", "date", birthDate));
        ApiSession.Response response = clinician.post("/api/people", Map.of("details", details));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }

    private List<JsonNode> search(Map<String, Object> search) {
        ApiSession.Response response = clinician.post("/api/people/search", search);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().valueStream().toList();
    }

    private static JsonNode result(List<JsonNode> results, String id) {
        return results.stream()
                .filter(result -> result.path("id").asString().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not found in " + results));
    }

    private static List<String> ids(List<JsonNode> results) {
        return results.stream().map(result -> result.path("id").asString()).toList();
    }

    private static List<Double> probabilities(List<JsonNode> results) {
        return results.stream()
                .map(result -> result.path("match").path("probability").asDouble())
                .toList();
    }

    private static JsonNode reason(JsonNode match, String field) {
        return match.path("reasons")
                .valueStream()
                .filter(reason -> reason.path("field").asString().equals(field))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no reason for " + field + " in " + match));
    }

    private static String fieldOfError(ApiSession.Response response) {
        return response.body().path("fieldErrors").path(0).path("field").asString();
    }
}
