package org.passerelle.outbreaks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;

/** Cases as a clinician enters them, and the days the tests date them on. */
final class OutbreakFixture {

    private OutbreakFixture() {}

    /** Today in the teams' zone, as the application sees it. */
    static LocalDate today() {
        return LocalDate.ofInstant(MovableClock.now(), ZoneId.of("Europe/Paris"));
    }

    static LocalDate thisMonday() {
        return today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** An anonymous case's fields, ready to be changed before it is sent. */
    static Map<String, Object> anonymousCase(String disease, String siteId, String classification, LocalDate onset) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("disease", disease);
        body.put("siteId", siteId);
        body.put("sex", "FEMALE");
        body.put("ageYears", 34);
        body.put("classification", classification);
        body.put("onsetOn", onset.toString());
        return body;
    }

    /** Records a case and answers its id. */
    static String record(ApiSession clinician, Map<String, Object> body) {
        ApiSession.Response recorded = clinician.post("/api/outbreaks/cases", body);
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        return recorded.text("id");
    }

    static String record(
            ApiSession clinician,
            String disease,
            String siteId,
            @Nullable String place,
            String classification,
            LocalDate onset,
            @Nullable String outcome,
            @Nullable LocalDate outcomeOn) {
        Map<String, Object> body = anonymousCase(disease, siteId, classification, onset);
        if (place != null) {
            body.put("outreachLocationId", place);
        }
        if (outcome != null && outcomeOn != null) {
            body.put("outcome", outcome);
            body.put("outcomeOn", outcomeOn.toString());
        }
        return record(clinician, body);
    }
}
