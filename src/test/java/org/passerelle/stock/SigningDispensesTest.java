package org.passerelle.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.stock.StockFixture.location;
import static org.passerelle.stock.StockFixture.lots;
import static org.passerelle.stock.StockFixture.receive;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * Signing a consultation with a prescription and a place named dispenses its lines from that place
 * in the same request: a line the place cannot serve is reported and the consultation is signed all
 * the same; the same signature sent again dispenses nothing twice; a place of another site refuses
 * the signature and writes nothing.
 */
@PasserelleTest
class SigningDispensesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession logistician;
    ApiSession clinician;
    String pharmacy;
    String personId;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        pharmacy = location(logistician, organisation.siteA, "PHARMACY");
        personId = TestOrganisation.register(
                        clinician, "Signing " + UUID.randomUUID().toString().substring(0, 6))
                .path("id")
                .asString();
    }

    @Test
    void signingDispensesEachLineOnceAndReportsALineWithoutStock() {
        receive(logistician, pharmacy, "amoxicillin-500-caps", "SOON", "2029-05-31", 10);
        receive(logistician, pharmacy, "amoxicillin-500-caps", "LATE", "2031-01-31", 100);
        receive(logistician, pharmacy, "paracetamol-500-tab", "P", "2031-01-31", 3);
        Map<String, Object> signature = signature(UUID.randomUUID().toString(), pharmacy);

        ApiSession.Response signed = clinician.post("/api/encounters", signature);
        ApiSession.Response again = clinician.post("/api/encounters", signature);

        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(201);
        assertThat(signed.text("status")).isEqualTo("SIGNED");
        assertThat(again.status()).as(again.body().toString()).isEqualTo(400);
        assertThat(again.text("code")).isEqualTo("consultation-exists");
        String encounter = signed.text("id");
        ApiSession.Response outcomes = clinician.get("/api/stock/consultations/" + encounter + "/dispensings");
        assertThat(outcomes.status()).as(outcomes.body().toString()).isEqualTo(200);
        JsonNode amoxicillin = outcomes.body().get(0);
        assertThat(amoxicillin.path("outcome").asString()).isEqualTo("DISPENSED");
        assertThat(amoxicillin.path("quantity").asInt()).isEqualTo(14);
        assertThat(amoxicillin.path("lots").get(0).path("lot").asString()).isEqualTo("SOON");
        assertThat(amoxicillin.path("lots").get(0).path("quantity").asInt()).isEqualTo(10);
        assertThat(amoxicillin.path("lots").get(1).path("quantity").asInt()).isEqualTo(4);
        JsonNode paracetamol = outcomes.body().get(1);
        assertThat(paracetamol.path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(paracetamol.path("problem").asString()).isEqualTo("stock-insufficient");
        assertThat(paracetamol.path("quantity").asInt()).isEqualTo(21);
        assertThat(paracetamol.path("held").asInt()).isEqualTo(3);
        assertThat(lots(logistician, pharmacy, "amoxicillin-500-caps")).isEqualTo(Map.of("LATE", 96));
        assertThat(lots(logistician, pharmacy, "paracetamol-500-tab")).isEqualTo(Map.of("P", 3));
        assertThat(dispensingOperations(encounter)).isEqualTo(1);
    }

    @Test
    void aDraftSignedTwiceWithTheSameVersionDispensesOnce() {
        receive(logistician, pharmacy, "amoxicillin-500-caps", "L", "2031-01-31", 100);
        receive(logistician, pharmacy, "paracetamol-500-tab", "P", "2031-01-31", 100);
        Map<String, Object> draft = signature(UUID.randomUUID().toString(), null);
        draft.put("sign", false);
        ApiSession.Response saved = clinician.post("/api/encounters", draft);
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(201);
        String encounter = saved.text("id");
        Map<String, Object> change = new HashMap<>();
        change.put("version", saved.body().path("version").asLong());
        change.put("answers", draft.get("answers"));
        change.put("sign", true);
        change.put("dispenseFrom", pharmacy);

        ApiSession.Response signed = clinician.put("/api/encounters/" + encounter, change);
        ApiSession.Response again = clinician.put("/api/encounters/" + encounter, change);

        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(200);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(409);
        assertThat(lots(logistician, pharmacy, "amoxicillin-500-caps")).isEqualTo(Map.of("L", 86));
        assertThat(lots(logistician, pharmacy, "paracetamol-500-tab")).isEqualTo(Map.of("P", 79));
        assertThat(dispensingOperations(encounter)).isEqualTo(2);
        ApiSession.Response outcomes = clinician.get("/api/stock/consultations/" + encounter + "/dispensings");
        assertThat(outcomes.status()).isEqualTo(200);
        assertThat(outcomes.body().size()).isEqualTo(2);
    }

    @Test
    void aPlaceOfAnotherSiteRefusesTheSignatureAndWritesNothing() {
        ApiSession elsewhereLogistician = organisation.userAt(organisation.siteB, "LOGISTICIAN");
        String elsewhere = location(elsewhereLogistician, organisation.siteB, "PHARMACY");
        receive(elsewhereLogistician, elsewhere, "amoxicillin-500-caps", "L", "2031-01-31", 100);
        String id = UUID.randomUUID().toString();

        ApiSession.Response signed = clinician.post("/api/encounters", signature(id, elsewhere));

        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(403);
        assertThat(signed.text("code")).isEqualTo("stock-location-outside-scope");
        assertThat(clinician.get("/api/encounters/" + id).status()).isEqualTo(404);
        assertThat(lots(elsewhereLogistician, elsewhere, "amoxicillin-500-caps"))
                .isEqualTo(Map.of("L", 100));
    }

    @Test
    void withoutAPlaceSigningDispensesNothing() {
        receive(logistician, pharmacy, "amoxicillin-500-caps", "L", "2031-01-31", 100);

        ApiSession.Response signed =
                clinician.post("/api/encounters", signature(UUID.randomUUID().toString(), null));

        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(201);
        assertThat(lots(logistician, pharmacy, "amoxicillin-500-caps")).isEqualTo(Map.of("L", 100));
        ApiSession.Response outcomes = clinician.get("/api/stock/consultations/" + signed.text("id") + "/dispensings");
        assertThat(outcomes.status()).isEqualTo(200);
        assertThat(outcomes.body().size()).isZero();
        assertThat(organisation
                        .userAt(organisation.siteB, "CLINICIAN")
                        .get("/api/stock/consultations/" + signed.text("id") + "/dispensings")
                        .status())
                .isEqualTo(404);
    }

    private Map<String, Object> signature(String id, String dispenseFrom) {
        Map<String, Object> signature = new HashMap<>();
        signature.put("id", id);
        signature.put("personId", personId);
        signature.put("formCode", "medical-consultation");
        signature.put(
                "occurredOn",
                LocalDate.ofInstant(MovableClock.now(), ZoneId.of("Europe/Paris"))
                        .toString());
        signature.put("sign", true);
        signature.put("dispenseFrom", dispenseFrom);
        signature.put(
                "answers",
                Map.of(
                        "complaints",
                        List.of("fever"),
                        "diagnoses",
                        List.of("J06.9"),
                        "prescription",
                        List.of(
                                Map.of("medicine", "amoxicillin-500-caps", "morning", 1, "evening", 1, "days", 7),
                                Map.of(
                                        "medicine",
                                        "paracetamol-500-tab",
                                        "morning",
                                        1,
                                        "noon",
                                        1,
                                        "evening",
                                        1,
                                        "days",
                                        7))));
        return signature;
    }

    private long dispensingOperations(String encounter) {
        return jdbc.sql("select count(distinct operation_id) from stock.movement where encounter_id = ?"
                        + " and kind = 'DISPENSING'")
                .param(UUID.fromString(encounter))
                .query(Long.class)
                .single();
    }
}
