package org.passerelle.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.stock.StockFixture.location;
import static org.passerelle.stock.StockFixture.lots;
import static org.passerelle.stock.StockFixture.receive;

import java.time.LocalDate;
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

/**
 * Goods handed to people over the API: a signed consultation's prescription line dispensed from the
 * team's pharmacy with its lot; distributions to a person within their entitlement, read back with
 * an audit line; distributions to a group counted by sex and age group.
 */
@PasserelleTest
class HandoutApiTest {

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
                        clinician, "Handout " + UUID.randomUUID().toString().substring(0, 6))
                .path("id")
                .asString();
    }

    @Test
    void aPrescriptionLineIsDispensedFromTheLotExpiringFirstOnce() {
        receive(logistician, pharmacy, "amoxicillin-500-caps", "LATE", "2031-01-31", 100);
        receive(logistician, pharmacy, "amoxicillin-500-caps", "SOON", "2029-05-31", 10);
        String encounter = signedConsultation(clinician, personId, "amoxicillin-500-caps");
        Map<String, Object> dispensing = dispensing(encounter, 0, 21);

        ApiSession.Response dispensed = clinician.post("/api/stock/dispensings", dispensing);
        ApiSession.Response again = clinician.post("/api/stock/dispensings", dispensing);

        assertThat(dispensed.status()).as(dispensed.body().toString()).isEqualTo(201);
        assertThat(dispensed.body().path("movements").get(0).path("lot").asString())
                .isEqualTo("SOON");
        assertThat(dispensed.body().path("movements").get(0).path("encounterId").asString())
                .isEqualTo(encounter);
        assertThat(again.body()).isEqualTo(dispensed.body());
        assertThat(lots(logistician, pharmacy, "amoxicillin-500-caps")).isEqualTo(Map.of("LATE", 89));
    }

    @Test
    void aDispensingIsRefusedForAnUnsignedLineOrARoleThatDoesNotPrescribe() {
        receive(logistician, pharmacy, "amoxicillin-500-caps", "L1", "2031-01-31", 100);
        String encounter = signedConsultation(clinician, personId, "amoxicillin-500-caps");

        ApiSession.Response noLine = clinician.post("/api/stock/dispensings", dispensing(encounter, 3, 5));
        ApiSession.Response byLogistician = logistician.post("/api/stock/dispensings", dispensing(encounter, 0, 5));

        assertThat(noLine.status()).isEqualTo(409);
        assertThat(noLine.text("code")).isEqualTo("no-prescription");
        assertThat(byLogistician.status()).isEqualTo(403);
        assertThat(lots(logistician, pharmacy, "amoxicillin-500-caps")).isEqualTo(Map.of("L1", 100));
    }

    @Test
    void aPersonReceivesASleepingBagAMonthAndWhatTheyReceivedIsReadWithAnAuditLine() {
        receive(logistician, pharmacy, "sleeping-bag", "2026-11", "2036-01-01", 10);
        receive(logistician, pharmacy, "hygiene-kit", "HK", "2028-01-01", 10);

        ApiSession.Response first = clinician.post(
                "/api/stock/distributions", toPerson(List.of(item("sleeping-bag", 1), item("hygiene-kit", 1))));
        ApiSession.Response second =
                clinician.post("/api/stock/distributions", toPerson(List.of(item("sleeping-bag", 1))));

        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("code")).isEqualTo("stock-entitlement-exceeded");
        assertThat(lots(logistician, pharmacy, "sleeping-bag")).isEqualTo(Map.of("2026-11", 9));
        ApiSession.Response received = clinician.get("/api/stock/people/" + personId + "/distributions");
        assertThat(received.status()).isEqualTo(200);
        assertThat(received.body().size()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit.audit_event where record_id = ? and action = 'READ'"
                                + " and record_type = 'stock-distribution'")
                        .param(UUID.fromString(personId))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(logistician
                        .get("/api/stock/people/" + personId + "/distributions")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aGroupDistributionIsCountedBySexAndAgeGroupWithoutNames() {
        receive(logistician, pharmacy, "blanket", "B", "2040-01-01", 50);
        Map<String, Object> group = new HashMap<>();
        group.put("id", UUID.randomUUID().toString());
        group.put("locationId", pharmacy);
        group.put("items", List.of(item("blanket", 12)));
        group.put(
                "counts",
                List.of(
                        Map.of("sex", "MALE", "ageGroup", "18+", "people", 9),
                        Map.of("sex", "FEMALE", "ageGroup", "05-14", "people", 3)));

        ApiSession.Response distributed = logistician.post("/api/stock/distributions", group);

        assertThat(distributed.status()).as(distributed.body().toString()).isEqualTo(201);
        assertThat(lots(logistician, pharmacy, "blanket")).isEqualTo(Map.of("B", 38));
        assertThat(jdbc.sql("select sum(people) from stock.distribution_count where distribution_id = ?")
                        .param(UUID.fromString(group.get("id").toString()))
                        .query(Long.class)
                        .single())
                .isEqualTo(12);
        Map<String, Object> toPersonByLogistician = toPerson(List.of(item("blanket", 1)));
        assertThat(logistician
                        .post("/api/stock/distributions", toPersonByLogistician)
                        .status())
                .isEqualTo(403);
    }

    /** A medical consultation signed today by this clinician, prescribing the medicine on its first line. */
    static String signedConsultation(ApiSession clinician, String personId, String medicine) {
        Map<String, Object> line = Map.of("medicine", medicine, "morning", 1, "evening", 1, "days", 7);
        ApiSession.Response signed = clinician.post(
                "/api/encounters",
                Map.of(
                        "personId",
                        personId,
                        "formCode",
                        "medical-consultation",
                        "occurredOn",
                        LocalDate.ofInstant(MovableClock.now(), java.time.ZoneId.of("Europe/Paris"))
                                .toString(),
                        "sign",
                        true,
                        "answers",
                        Map.of(
                                "complaints",
                                List.of("fever"),
                                "diagnoses",
                                List.of("J06.9"),
                                "prescription",
                                List.of(line))));
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(201);
        return signed.text("id");
    }

    Map<String, Object> dispensing(String encounter, int line, int quantity) {
        return Map.of(
                "id", UUID.randomUUID().toString(),
                "encounterId", encounter,
                "line", line,
                "locationId", pharmacy,
                "quantity", quantity);
    }

    private Map<String, Object> toPerson(List<Map<String, Object>> items) {
        return Map.of("id", UUID.randomUUID().toString(), "locationId", pharmacy, "personId", personId, "items", items);
    }

    private static Map<String, Object> item(String code, int quantity) {
        return Map.of("itemCode", code, "quantity", quantity);
    }
}
