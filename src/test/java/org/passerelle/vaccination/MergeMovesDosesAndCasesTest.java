package org.passerelle.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.vaccination.DoseRulesTest.dose;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * When two records of one person are merged, their line-list cases and doses follow the kept record;
 * a dose the kept record already holds is set aside so that the person is counted once; undoing the
 * merge gives everything back.
 */
@PasserelleTest
class MergeMovesDosesAndCasesTest {

    @LocalServerPort
    int port;

    @Test
    void casesAndDosesFollowTheKeptRecordAndComeBackWhenTheMergeIsUndone() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        ApiSession dataOfficer = organisation.dataOfficer(true, List.of());
        LocalDate today = MovableClock.now().atZone(DoseRulesTest.PARIS).toLocalDate();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String kept = TestOrganisation.register(nurse, "Amina Kept " + suffix)
                .path("id")
                .asString();
        String merged = TestOrganisation.register(nurse, "Aminah Merged " + suffix)
                .path("id")
                .asString();
        assertThat(dose(nurse, kept, "measles-mmr", 1, today.minusDays(60), null)
                        .status())
                .isEqualTo(201);
        ApiSession.Response twice = dose(nurse, merged, "measles-mmr", 1, today.minusDays(59), null);
        assertThat(twice.status()).isEqualTo(201);
        assertThat(dose(nurse, merged, "dtp", 1, today.minusDays(10), null).status())
                .isEqualTo(201);
        String mergedCase = recordCase(nurse, organisation.siteA, merged, today);

        ApiSession.Response merge = dataOfficer.post("/api/people/" + kept + "/merges", Map.of("mergedId", merged));
        assertThat(merge.status()).as(merge.body().toString()).isEqualTo(201);

        assertThat(doses(nurse, kept))
                .as("the kept record's measles dose once, and the merged record's other dose")
                .containsExactlyInAnyOrder("measles-mmr 1", "dtp 1");
        assertThat(personOfCase(nurse, mergedCase)).isEqualTo(kept);

        ApiSession.Response undone = dataOfficer.post("/api/merges/" + merge.text("id") + "/undo", Map.of());
        assertThat(undone.status()).as(undone.body().toString()).isEqualTo(200);

        assertThat(doses(nurse, kept)).containsExactly("measles-mmr 1");
        assertThat(doses(nurse, merged))
                .as("the dose set aside by the merge is back")
                .containsExactlyInAnyOrder("measles-mmr 1", "dtp 1");
        assertThat(personOfCase(nurse, mergedCase)).isEqualTo(merged);
    }

    private static List<String> doses(ApiSession nurse, String person) {
        ApiSession.Response doses = nurse.get("/api/vaccination/people/" + person + "/doses");
        assertThat(doses.status()).as(doses.body().toString()).isEqualTo(200);
        return doses.body()
                .valueStream()
                .map(dose -> dose.path("vaccineCode").asString() + " "
                        + dose.path("doseNumber").asInt())
                .toList();
    }

    private static String recordCase(ApiSession nurse, String site, String person, LocalDate onset) {
        ApiSession.Response recorded = nurse.post(
                "/api/outbreaks/cases",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "disease",
                        "measles",
                        "siteId",
                        site,
                        "personId",
                        person,
                        "classification",
                        "SUSPECTED",
                        "onsetOn",
                        onset.toString()));
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        return recorded.text("id");
    }

    private static String personOfCase(ApiSession nurse, String caseId) {
        ApiSession.Response found = nurse.get("/api/outbreaks/cases/" + caseId);
        assertThat(found.status()).isEqualTo(200);
        JsonNode person = found.body().path("personId");
        return person.asString("");
    }
}
