package org.passerelle.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * When two records of one person are merged, the consultations linked to a session follow the kept
 * record, so the session counts the person once; undoing the merge gives them back.
 */
@PasserelleTest
class MergeMovesSessionLinksTest {

    @LocalServerPort
    int port;

    @Test
    void aPersonSeenUnderTwoRecordsCountsOnceAfterTheMergeAndTwiceAgainWhenItIsUndone() {
        OutreachFixture outreach = new OutreachFixture(port);
        ApiSession dataOfficer = outreach.organisation.dataOfficer(true, List.of());
        Map<String, Object> form = outreach.plan();
        form.put("actualStart", outreach.at("10:00"));
        String session = outreach.planned(form).text("id");
        String kept = outreach.person("Youssef Haroun", "MALE", "1990-03-01");
        String merged = outreach.person("Yusuf Harun", "MALE", "1990-03-01");
        for (String person : List.of(kept, merged)) {
            ApiSession.Response linked = outreach.clinician.post(
                    "/api/outreach/sessions/" + session + "/consultations",
                    Map.of("encounterId", outreach.consultation(person)));
            assertThat(linked.status()).as(linked.body().toString()).isEqualTo(200);
        }
        assertThat(registered(outreach, session)).isEqualTo(2);

        ApiSession.Response merge = dataOfficer.post("/api/people/" + kept + "/merges", Map.of("mergedId", merged));
        assertThat(merge.status()).as(merge.body().toString()).isEqualTo(201);
        assertThat(registered(outreach, session))
                .as("one person, seen under two records")
                .isEqualTo(1);

        ApiSession.Response undone = dataOfficer.post("/api/merges/" + merge.text("id") + "/undo", Map.of());
        assertThat(undone.status()).as(undone.body().toString()).isEqualTo(200);
        assertThat(registered(outreach, session)).isEqualTo(2);

        ApiSession.Response again = dataOfficer.post("/api/people/" + merged + "/merges", Map.of("mergedId", kept));
        assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
        assertThat(registered(outreach, session))
                .as("the links given back belong to their record again, so a merge the other way moves them too")
                .isEqualTo(1);
    }

    private static int registered(OutreachFixture outreach, String session) {
        ApiSession.Response summary = outreach.coordinator.get("/api/outreach/sessions/" + session + "/summary");
        assertThat(summary.status()).as(summary.body().toString()).isEqualTo(200);
        return summary.body().path("registeredPersons").asInt();
    }
}
