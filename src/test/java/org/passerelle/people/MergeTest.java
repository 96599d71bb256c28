package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Merging two records of the same person keeps every name and all history; unmerging restores both. */
@PasserelleTest
class MergeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession clinicianAtA;
    ApiSession clinicianAtB;
    ApiSession dataOfficer;
    String suffix;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinicianAtA = organisation.userAt(organisation.siteA, "CLINICIAN");
        clinicianAtB = organisation.userAt(organisation.siteB, "CLINICIAN");
        dataOfficer = organisation.dataOfficer(true, List.of());
        suffix = UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
    }

    @Test
    void mergesKeepingEveryNameAndAllHistoryThenUnmergesBoth() {
        String kept = register(clinicianAtA, "Mohamed Abdelkader " + suffix);
        String merged = register(clinicianAtB, "Muhammad Abdulqadir " + suffix);
        consult(clinicianAtA, kept, "Toux depuis deux semaines");
        consult(clinicianAtB, merged, "Plaie au pied droit");
        String mergedCode = code(merged);

        ApiSession.Response merge = dataOfficer.post("/api/people/" + kept + "/merges", Map.of("mergedId", merged));

        assertThat(merge.status()).as(merge.body().toString()).isEqualTo(201);
        JsonNode person = clinicianAtA.get("/api/people/" + kept).body();
        assertThat(person.path("otherNames")
                        .valueStream()
                        .map(name -> name.path("name").asString()))
                .contains("Muhammad Abdulqadir " + suffix);
        assertThat(notes(clinicianAtA, kept))
                .containsExactlyInAnyOrder("Toux depuis deux semaines", "Plaie au pied droit");
        assertThat(clinicianAtB.get("/api/people/" + kept).status())
                .as("the merged record's site reaches the kept record")
                .isEqualTo(200);
        assertThat(clinicianAtA.get("/api/people/" + merged).status()).isEqualTo(404);
        List<String> found = ids(clinicianAtA.post("/api/people/search", Map.of("query", "abdulqadir " + suffix)));
        assertThat(found)
                .as("the merged name finds the kept record first")
                .first()
                .isEqualTo(kept);
        assertThat(found).doesNotContain(merged);
        assertThat(ids(clinicianAtA.post("/api/people/search", Map.of("query", mergedCode))))
                .as("the merged person's card leads to the kept record")
                .containsExactly(kept);

        ApiSession.Response undone = dataOfficer.post("/api/merges/" + merge.text("id") + "/undo", Map.of());

        assertThat(undone.status()).as(undone.body().toString()).isEqualTo(200);
        assertThat(undone.text("unmergedAt")).isNotBlank();
        assertThat(notes(clinicianAtA, kept)).containsExactly("Toux depuis deux semaines");
        assertThat(notes(clinicianAtB, merged)).containsExactly("Plaie au pied droit");
        assertThat(clinicianAtA.get("/api/people/" + kept).body().path("otherNames"))
                .isEmpty();
        assertThat(clinicianAtB.get("/api/people/" + kept).status()).isEqualTo(403);
        // the unmerged record comes first; the kept one may follow as a likely spelling variant
        assertThat(ids(clinicianAtA.post("/api/people/search", Map.of("query", "abdulqadir " + suffix))))
                .first()
                .isEqualTo(merged);
        assertThat(ids(clinicianAtA.post("/api/people/search", Map.of("query", mergedCode))))
                .containsExactly(merged);
        assertThat(dataOfficer
                        .post("/api/merges/" + merge.text("id") + "/undo", Map.of())
                        .text("code"))
                .isEqualTo("merge-already-undone");
        JsonNode audit = organisation
                .admin()
                .get("/api/audit?recordId=" + merge.text("id"))
                .body();
        assertThat(audit.valueStream().map(entry -> entry.path("action").asString()))
                .containsExactlyInAnyOrder("CREATE", "UPDATE");
    }

    @Test
    void onlyDataOfficersMergeAndBadMergesChangeNothing() {
        String kept = register(clinicianAtA, "Youssef Haroun " + suffix);
        String merged = register(clinicianAtA, "Yusuf Harun " + suffix);
        String third = register(clinicianAtA, "Youcef Haroune " + suffix);

        assertThat(clinicianAtA
                        .post("/api/people/" + kept + "/merges", Map.of("mergedId", merged))
                        .status())
                .isEqualTo(403);
        assertThat(dataOfficer
                        .post("/api/people/" + kept + "/merges", Map.of("mergedId", kept))
                        .text("code"))
                .isEqualTo("merge-with-itself");
        assertThat(dataOfficer
                        .post("/api/people/" + kept + "/merges", Map.of("mergedId", UUID.randomUUID()))
                        .status())
                .isEqualTo(404);
        assertThat(dataOfficer.post("/api/people/" + kept + "/merges", Map.of()).status())
                .isEqualTo(400);
        assertThat(merges()).isZero();

        assertThat(dataOfficer
                        .post("/api/people/" + kept + "/merges", Map.of("mergedId", merged))
                        .status())
                .isEqualTo(201);
        assertThat(dataOfficer
                        .post("/api/people/" + third + "/merges", Map.of("mergedId", kept))
                        .text("code"))
                .isEqualTo("merge-chain");
        assertThat(dataOfficer
                        .post("/api/people/" + kept + "/merges", Map.of("mergedId", third))
                        .status())
                .isEqualTo(201);
        assertThat(merges()).isEqualTo(2);
    }

    @Test
    void erasingAKeptRecordErasesTheRecordsMergedIntoIt() {
        String kept = register(clinicianAtA, "Tesfaye Gebre " + suffix);
        String merged = register(clinicianAtA, "Tesfay Gebremedhin " + suffix);
        consult(clinicianAtA, merged, "Gale");
        dataOfficer.post("/api/people/" + kept + "/merges", Map.of("mergedId", merged));
        dataOfficer.confirmIdentity();

        assertThat(dataOfficer
                        .post("/api/people/" + kept + "/erasure", Map.of("reason", "PERSON_REQUEST"))
                        .status())
                .isEqualTo(204);

        for (String id : List.of(kept, merged)) {
            assertThat(jdbc.sql("select count(*) from people.person where id = ?::uuid")
                            .param(id)
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("select count(*) from care.encounter where person_id = ?::uuid")
                            .param(id)
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void remembersPairsThatAreDifferentPeople() {
        String first = register(clinicianAtA, "Mamadou Diallo " + suffix);
        String second = register(clinicianAtA, "Mamadou Diallo " + suffix);

        assertThat(dataOfficer
                        .post("/api/people/not-duplicates", Map.of("personA", second, "personB", first))
                        .status())
                .isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from people.not_duplicate where person_a = least(?::uuid, ?::uuid)")
                        .params(first, second)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(clinicianAtA
                        .post("/api/people/not-duplicates", Map.of("personA", first, "personB", second))
                        .status())
                .isEqualTo(403);
    }

    private long merges() {
        return jdbc.sql("select count(*) from people.person_merge m join people.person p on p.id = m.kept_id"
                        + " where p.id in (select person_id from people.person_site where site_id = ?::uuid)")
                .param(organisation.siteA)
                .query(Long.class)
                .single();
    }

    private static String register(ApiSession session, String name) {
        return TestOrganisation.register(session, name).path("id").asString();
    }

    private static void consult(ApiSession session, String personId, String note) {
        assertThat(session.post(
                                "/api/consultations",
                                Map.of("personId", personId, "discipline", "MEDICAL", "note", note))
                        .status())
                .isEqualTo(201);
    }

    private static List<String> notes(ApiSession session, String personId) {
        return session.get("/api/people/" + personId + "/consultations")
                .body()
                .valueStream()
                .map(c -> c.path("note").asString())
                .toList();
    }

    private static List<String> ids(ApiSession.Response response) {
        return response.body().valueStream().map(p -> p.path("id").asString()).toList();
    }

    private String code(String personId) {
        return jdbc.sql("select patient_code from people.person where id = ?::uuid")
                .param(personId)
                .query(String.class)
                .single();
    }
}
