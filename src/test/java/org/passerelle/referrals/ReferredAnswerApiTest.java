package org.passerelle.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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

/**
 * A consultation's "referred-to" answer turned into a referral followed step by step: sent on the
 * consultation's day and linked to it, once only (turned again, the same referral comes back),
 * audited; a draft or a consultation without the answer is refused and writes nothing; the answer
 * stays on the consultation.
 */
@PasserelleTest
class ReferredAnswerApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession nurse;
    String person;
    String service;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        person =
                TestOrganisation.register(nurse, "Answered Referral").path("id").asString();
        service = service(organisation.userAt(organisation.siteA, "COORDINATOR"));
    }

    @Test
    void aReferredToAnswerBecomesOneReferralSentOnTheConsultationsDay() {
        ApiSession.Response consultation = consultation(true, "pass");

        ApiSession.Response first = turn(consultation.text("id"), UUID.randomUUID());
        ApiSession.Response again = turn(consultation.text("id"), UUID.randomUUID());

        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(first.text("encounterId")).isEqualTo(consultation.text("id"));
        assertThat(first.text("sentOn")).isEqualTo(consultation.text("occurredOn"));
        assertThat(first.text("status")).isEqualTo("SENT");
        assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(count("referrals.referral", "encounter_id = ?::uuid", consultation.text("id")))
                .isEqualTo(1);
        assertThat(count(
                        "audit.audit_event",
                        "record_type = 'referral' and record_id = ?::uuid and action = 'CREATE'",
                        first.text("id")))
                .isEqualTo(1);
        ApiSession.Response reread = nurse.get("/api/encounters/" + consultation.text("id"));
        assertThat(reread.body().path("answers").path("referred-to").asString()).isEqualTo("pass");
    }

    @Test
    void aDraftOrAConsultationWithoutTheAnswerIsRefusedAndWritesNothing() {
        ApiSession.Response draft = consultation(false, "pass");
        ApiSession.Response without = consultation(true, null);

        ApiSession.Response fromDraft = turn(draft.text("id"), UUID.randomUUID());
        ApiSession.Response fromNone = turn(without.text("id"), UUID.randomUUID());

        assertThat(fromDraft.status()).as(fromDraft.body().toString()).isEqualTo(400);
        assertThat(fromDraft.text("code")).isEqualTo("referral-no-referred-answer");
        assertThat(fromNone.status()).isEqualTo(400);
        assertThat(fromNone.text("code")).isEqualTo("referral-no-referred-answer");
        assertThat(count(
                        "referrals.referral",
                        "encounter_id in (?::uuid, ?::uuid)",
                        draft.text("id"),
                        without.text("id")))
                .isZero();
        ApiSession.Response byLogistician = organisation
                .userAt(organisation.siteA, "LOGISTICIAN")
                .post(
                        "/api/referrals/from-answer",
                        body(consultation(true, "pass").text("id"), UUID.randomUUID()));
        assertThat(byLogistician.status()).isIn(403, 404);
    }

    private ApiSession.Response consultation(boolean sign, String referredTo) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("care-given", List.of("wound-dressing"));
        if (referredTo != null) {
            answers.put("referred-to", referredTo);
        }
        ApiSession.Response created = nurse.post(
                "/api/encounters",
                Map.of("personId", person, "formCode", "nursing-care", "answers", answers, "sign", sign));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created;
    }

    private ApiSession.Response turn(String encounterId, UUID id) {
        return nurse.post("/api/referrals/from-answer", body(encounterId, id));
    }

    private Map<String, Object> body(String encounterId, UUID id) {
        return Map.of(
                "id",
                id.toString(),
                "encounterId",
                encounterId,
                "serviceId",
                service,
                "reason",
                "Referred to the PASS at the consultation",
                "urgency",
                "SOON",
                "consent",
                "PERSON");
    }

    private long count(String table, String where, Object... params) {
        return jdbc.sql("select count(*) from " + table + " where " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String service(ApiSession coordinator) {
        Map<String, Object> details = new HashMap<>();
        details.put("kind", "PASS");
        details.put("name", "PASS Boulogne");
        details.put("languages", List.of("fr"));
        details.put("needs", List.of("GENERAL_CARE"));
        details.put("acceptsUncovered", true);
        details.put("acceptsMinors", true);
        details.put("interpreter", false);
        details.put("closed", false);
        ApiSession.Response added = coordinator.post(
                "/api/directory/services", Map.of("id", UUID.randomUUID().toString(), "details", details));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        return added.text("id");
    }
}
