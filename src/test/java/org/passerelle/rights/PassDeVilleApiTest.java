package org.passerelle.rights;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Pass de ville over HTTP: a social worker decides a person is eligible and issues a voucher for a
 * city provider within the programme's budget; staff check its code and enter the provider's claims
 * in cents; AME granted closes the open vouchers; and every bad input (above the ceiling, on a
 * closed or expired voucher, beyond the budget, negative, a mistyped code, after hand-over) is
 * refused with a stable code and changes nothing.
 */
@PasserelleTest
class PassDeVilleApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession social;
    ApiSession coordinator;
    String person;
    String programme;
    String doctor;
    LocalDate today;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        social = organisation.userAt(organisation.siteA, "SOCIAL_LEGAL_WORKER");
        coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        person = TestOrganisation.register(social, "Amina").path("id").asString();
        today = LocalDate.ofInstant(MovableClock.now(), ZoneId.of("Europe/Paris"));
        programme = programmeOf(organisation);
        doctor = provider(coordinator, "CITY_DOCTOR", false);
        expect(coordinator.put(budget(), Map.of("amountCents", 100_000, "version", 0)), 200);
    }

    @Test
    void aVoucherIssuedToAnEligiblePersonIsCheckedClaimedAndCountedInTheBudget() {
        expect(social.post(pass() + "/eligibility", eligibility("ELIGIBLE")), 201);
        ApiSession.Response issued = social.post(pass() + "/vouchers", voucher(doctor, 6_000));
        expect(issued, 201);
        String code = issued.text("code");
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{8}");
        assertThat(issued.text("status")).isEqualTo("OPEN");

        ApiSession.Response checked = coordinator.post(
                "/api/pass-de-ville/voucher-checks",
                Map.of("code", code.substring(0, 4).toLowerCase() + "-" + code.substring(4)));
        expect(checked, 200);
        assertThat(checked.body().path("valid").asBoolean()).isTrue();
        assertThat(checked.text("personName")).isEqualTo("Amina");
        assertThat(checked.body().path("remainingCents").asLong()).isEqualTo(6_000);
        assertThat(checked.body().path("voucher").path("providerName").asString())
                .isEqualTo("Dr Martin");

        expect(coordinator.post("/api/pass-de-ville/claims", claim(code, 2_550, today)), 201);
        ApiSession.Response view = coordinator.get(budget());
        expect(view, 200);
        assertThat(view.body().path("spentCents").asLong()).isEqualTo(2_550);
        assertThat(view.body().path("committedCents").asLong()).isEqualTo(3_450);
        assertThat(view.body().path("availableCents").asLong()).isEqualTo(100_000 - 6_000);
        assertThat(view.body().path("vouchersIssued").asInt()).isEqualTo(1);
        assertThat(view.body().path("vouchersUsed").asInt()).isEqualTo(1);
        assertThat(view.body().path("spentPerPersonCents").asLong()).isEqualTo(2_550);
        assertThat(view.body().path("months").get(0).path("spentCents").asLong())
                .isEqualTo(2_550);

        expect(coordinator.post("/api/pass-de-ville/claims", claim(code, 3_450, today)), 201);
        ApiSession.Response file = social.get(pass());
        expect(file, 200);
        assertThat(file.body().path("vouchers").get(0).path("status").asString())
                .isEqualTo("USED");
        assertThat(file.body().path("eligibility").path("decision").asString()).isEqualTo("ELIGIBLE");
    }

    @Test
    void aClaimAboveWhatTheVoucherHasLeftIsRefusedAndWritesNothing() {
        String code = issuedVoucher(5_000);
        expect(coordinator.post("/api/pass-de-ville/claims", claim(code, 4_000, today)), 201);

        ApiSession.Response above = coordinator.post("/api/pass-de-ville/claims", claim(code, 1_001, today));

        expectProblem(above, 400, "pass-claim-above-ceiling");
        ApiSession.Response negative = coordinator.post("/api/pass-de-ville/claims", claim(code, -100, today));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(claims()).isEqualTo(1);
    }

    @Test
    void aClaimOnAnExpiredOrCancelledVoucherOrForCareBeforeItIsRefused() {
        String code = issuedVoucher(5_000);

        expectProblem(
                coordinator.post("/api/pass-de-ville/claims", claim(code, 100, today.minusDays(1))),
                400,
                "pass-claim-before-issue");
        expectProblem(
                coordinator.post("/api/pass-de-ville/claims", claim(code, 100, today.plusDays(1))),
                400,
                "pass-in-future");
        jdbc.sql("update rights.pass_voucher set issued_on = issued_on - 60, valid_until = ? where code = ?")
                .params(today.minusDays(10), code)
                .update();
        expectProblem(
                coordinator.post("/api/pass-de-ville/claims", claim(code, 100, today.minusDays(5))),
                409,
                "pass-voucher-expired");
        JsonNode voucher = social.get(pass()).body().path("vouchers").get(0);
        assertThat(voucher.path("status").asString()).isEqualTo("EXPIRED");
        expect(
                social.post(
                        "/api/pass-de-ville/vouchers/" + voucher.path("id").asString() + "/cancellation",
                        Map.of("version", voucher.path("version").asLong())),
                200);
        expectProblem(
                coordinator.post("/api/pass-de-ville/claims", claim(code, 100, today.minusDays(20))),
                409,
                "pass-voucher-closed");
        assertThat(claims()).isZero();
    }

    @Test
    void aVoucherBeyondTheBudgetIsRefusedAndTheBudgetIsNotSetBelowWhatIsCommitted() {
        issuedVoucher(90_000);

        ApiSession.Response beyond = social.post(pass() + "/vouchers", voucher(doctor, 10_001));

        expectProblem(beyond, 409, "pass-budget-overrun");
        expectProblem(
                coordinator.put(budget(), Map.of("amountCents", 89_999, "version", 1)), 409, "pass-budget-overrun");
        assertThat(vouchers()).isEqualTo(1);
        expect(social.post(pass() + "/vouchers", voucher(doctor, 10_000)), 201);
    }

    @Test
    void aVoucherNeedsAnEligibleDecisionAndACityProviderThatIsOpen() {
        expectProblem(social.post(pass() + "/vouchers", voucher(doctor, 1_000)), 409, "pass-not-eligible");
        expect(social.post(pass() + "/eligibility", eligibility("NOT_ELIGIBLE")), 201);
        expectProblem(social.post(pass() + "/vouchers", voucher(doctor, 1_000)), 409, "pass-not-eligible");
        expect(social.post(pass() + "/eligibility", eligibility("ELIGIBLE")), 201);

        expectProblem(
                social.post(pass() + "/vouchers", voucher(provider(coordinator, "PASS", false), 1_000)),
                400,
                "pass-not-a-city-provider");
        expectProblem(
                social.post(pass() + "/vouchers", voucher(provider(coordinator, "PHARMACY", true), 1_000)),
                400,
                "pass-provider-closed");
        expectProblem(
                social.post(
                        pass() + "/eligibility",
                        Map.of(
                                "id",
                                UUID.randomUUID().toString(),
                                "decision",
                                "ELIGIBLE",
                                "decidedOn",
                                today.plusDays(1).toString())),
                400,
                "pass-in-future");
        assertThat(vouchers()).isZero();
    }

    @Test
    void ameGrantedClosesTheOpenVouchersAndNoVoucherIsIssuedAfterTheHandOver() {
        String code = issuedVoucher(5_000);

        ApiSession.Response granted = social.post(
                "/api/rights/people/" + person + "/steps",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "kind",
                        "AME_GRANTED",
                        "occurredOn",
                        today.toString(),
                        "documents",
                        List.of()));

        expect(granted, 201);
        JsonNode file = social.get(pass()).body();
        assertThat(file.path("eligibility").path("decision").asString()).isEqualTo("HANDED_OVER");
        assertThat(file.path("vouchers").get(0).path("status").asString()).isEqualTo("HANDED_OVER");
        expectProblem(social.post(pass() + "/vouchers", voucher(doctor, 1_000)), 409, "pass-handed-over");
        expectProblem(
                coordinator.post("/api/pass-de-ville/claims", claim(code, 100, today)), 409, "pass-voucher-closed");
        assertThat(coordinator.get(budget()).body().path("committedCents").asLong())
                .isZero();
    }

    @Test
    void aMistypedCodeIsCaughtByItsCheckCharacterAndAnUnknownOneIsNotFound() {
        String code = issuedVoucher(1_000);
        char last = code.charAt(7);
        String mistyped = code.substring(0, 7) + (last == 'Z' ? 'Y' : (char) (last == '9' ? 'A' : last + 1));

        expectProblem(
                coordinator.post("/api/pass-de-ville/voucher-checks", Map.of("code", mistyped)),
                400,
                "pass-code-invalid");
        ApiSession.Response unknown =
                coordinator.post("/api/pass-de-ville/voucher-checks", Map.of("code", VoucherCode.generate()));
        assertThat(unknown.status()).isEqualTo(404);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        assertThat(clinician
                        .post("/api/pass-de-ville/voucher-checks", Map.of("code", code))
                        .status())
                .isEqualTo(403);
        ApiSession elsewhere = organisation.userAt(organisation.siteB, "COORDINATOR");
        assertThat(elsewhere
                        .post("/api/pass-de-ville/voucher-checks", Map.of("code", code))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theIndicatorsCountVouchersIssuedAndUsedTheSpendAndThePeoplePaidForUpToDhis2() throws Exception {
        String used = issuedVoucher(5_000);
        issuedVoucher(3_000);
        expect(coordinator.post("/api/pass-de-ville/claims", claim(used, 1_250, today)), 201);
        expect(coordinator.post("/api/pass-de-ville/claims", claim(used, 750, today)), 201);

        ApiSession.Response report = organisation
                .dataOfficer(true, List.of())
                .get("/api/reports?latest=true&site=" + organisation.siteA + "&from=" + today.withDayOfMonth(1) + "&to="
                        + today);

        expect(report, 200);
        assertThat(figure(report.body(), "PASS_VOUCHERS_ISSUED")).isEqualTo(2);
        assertThat(figure(report.body(), "PASS_VOUCHERS_USED")).isEqualTo(1);
        assertThat(figure(report.body(), "PASS_SPENT_CENTS")).isEqualTo(2_000);
        assertThat(figure(report.body(), "PASS_PEOPLE_PAID_FOR")).isEqualTo(1);
        String month = today.toString().substring(0, 7);
        ApiSession dataOfficer = organisation.dataOfficer(true, List.of());
        java.net.http.HttpResponse<byte[]> csv =
                dataOfficer.getBytes("/api/reports/export?table=headline&format=csv&language=en&period=" + month
                        + "&site=" + organisation.siteA);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Pass de ville spend (cents),2000");
        ApiSession.Response mapping = organisation
                .admin()
                .put(
                        "/api/reports/dhis2/mapping",
                        Map.of(
                                "dataElements",
                                List.of(Map.of(
                                        "indicator", "PASS_SPENT_CENTS",
                                        "disaggregation", "TOTAL",
                                        "category", "",
                                        "dataElement", "PDV_SPENT")),
                                "orgUnits",
                                List.of(Map.of("siteId", organisation.siteA, "orgUnit", "OU_PDV_A"))));
        expect(mapping, 200);
        java.net.http.HttpResponse<byte[]> set = dataOfficer.getBytes(
                "/api/reports/dhis2/data-value-set?period=" + month + "&site=" + organisation.siteA);
        assertThat(set.statusCode()).isEqualTo(200);
        JsonNode values = ApiSession.json().readTree(set.body()).path("dataValues");
        assertThat(values.size()).isEqualTo(1);
        assertThat(values.get(0).path("dataElement").asString()).isEqualTo("PDV_SPENT");
        assertThat(values.get(0).path("orgUnit").asString()).isEqualTo("OU_PDV_A");
        assertThat(values.get(0).path("value").asString()).isEqualTo("2000");
    }

    private static long figure(JsonNode report, String code) {
        for (JsonNode figures : report.path("figures")) {
            if (figures.path("code").asString().equals(code)) {
                return figures.path("total").asLong();
            }
        }
        throw new AssertionError("no indicator " + code + " in " + report);
    }

    private String issuedVoucher(long cents) {
        expect(social.post(pass() + "/eligibility", eligibility("ELIGIBLE")), 201);
        ApiSession.Response issued = social.post(pass() + "/vouchers", voucher(doctor, cents));
        expect(issued, 201);
        return issued.text("code");
    }

    private String pass() {
        return "/api/pass-de-ville/people/" + person;
    }

    private String budget() {
        return "/api/pass-de-ville/programmes/" + programme + "/budget";
    }

    private Map<String, Object> eligibility(String decision) {
        return Map.of("id", UUID.randomUUID().toString(), "decision", decision, "decidedOn", today.toString());
    }

    private Map<String, Object> voucher(String provider, long cents) {
        return Map.of(
                "id",
                UUID.randomUUID().toString(),
                "providerId",
                provider,
                "careType",
                "GP_CONSULTATION",
                "ceilingCents",
                cents,
                "validUntil",
                today.plusDays(30).toString());
    }

    private static Map<String, Object> claim(String code, long cents, LocalDate on) {
        return Map.of("id", UUID.randomUUID().toString(), "code", code, "amountCents", cents, "careOn", on.toString());
    }

    static String programmeOf(TestOrganisation organisation) {
        for (JsonNode site : organisation.admin().get("/api/sites").body()) {
            if (site.path("id").asString().equals(organisation.siteA)) {
                return site.path("programmeId").asString();
            }
        }
        throw new AssertionError("no site A");
    }

    static String provider(ApiSession coordinator, String kind, boolean closed) {
        Map<String, Object> details = new HashMap<>();
        details.put("kind", kind);
        details.put("name", kind.equals("CITY_DOCTOR") ? "Dr Martin" : "Provider " + kind);
        details.put("languages", List.of("fr"));
        details.put("needs", List.of("GENERAL_CARE"));
        details.put("acceptsUncovered", true);
        details.put("acceptsMinors", true);
        details.put("interpreter", false);
        details.put("closed", closed);
        ApiSession.Response added = coordinator.post(
                "/api/directory/services", Map.of("id", UUID.randomUUID().toString(), "details", details));
        expect(added, 201);
        return added.text("id");
    }

    private long claims() {
        return jdbc.sql("select count(*) from rights.pass_claim c join rights.pass_voucher v on v.id = c.voucher_id"
                        + " where v.person_id = ?::uuid")
                .param(person)
                .query(Long.class)
                .single();
    }

    private long vouchers() {
        return jdbc.sql("select count(*) from rights.pass_voucher where person_id = ?::uuid")
                .param(person)
                .query(Long.class)
                .single();
    }

    private static void expect(ApiSession.Response response, int status) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
    }

    private static void expectProblem(ApiSession.Response response, int status, String code) {
        expect(response, status);
        assertThat(response.text("code")).isEqualTo(code);
    }
}
