package org.passerelle.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.stock.StockFixture.location;
import static org.passerelle.stock.StockFixture.receive;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The stock indicators reach everything reporting offers, with no stock code in reporting: the
 * catalogue in the user's language, the CSV and XLSX exports, and a DHIS2 mapping with the data
 * values it gives.
 */
@PasserelleTest
class StockReportingTest {

    @LocalServerPort
    int port;

    @Test
    void stockIndicatorsAreInTheCatalogueTheExportsAndTheDhis2DataValues() throws Exception {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        String store = location(logistician, organisation.siteA, "WAREHOUSE");
        receive(logistician, store, "blanket", "B", "2031-01-31", 40);
        distributeToWomen(logistician, store, 12);
        String month =
                DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC).format(MovableClock.now());
        String query = "&period=" + month + "&site=" + organisation.siteA;
        ApiSession dataOfficer = organisation.dataOfficer(true, List.of());

        ApiSession.Response catalogue = dataOfficer.get("/api/reports/indicators?language=ar");
        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(named(catalogue.body(), "BLANKETS_DISTRIBUTED")).isEqualTo("البطانيات الموزعة");
        assertThat(named(catalogue.body(), "STOCK_OUT_DAYS")).isEqualTo("أيام نفاد المخزون");

        HttpResponse<byte[]> csv = dataOfficer.getBytes("/api/reports/export?table=SEX&format=csv&language=en" + query);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .contains("People receiving distributions,12,0,0,0,12\r\n");

        HttpResponse<byte[]> xlsx =
                dataOfficer.getBytes("/api/reports/export?table=headline&format=xlsx&language=en" + query);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Row blankets = workbook.getFirstSheet().read().stream()
                    .filter(row -> "Blankets distributed".equals(row.getCellText(0)))
                    .findFirst()
                    .orElseThrow();
            assertThat(blankets.getCellAsNumber(1).orElseThrow().intValue()).isEqualTo(12);
        }

        ApiSession.Response mapping = organisation
                .admin()
                .put(
                        "/api/reports/dhis2/mapping",
                        Map.of(
                                "dataElements",
                                List.of(
                                        Map.of(
                                                "indicator", "BLANKETS_DISTRIBUTED",
                                                "disaggregation", "TOTAL",
                                                "category", "",
                                                "dataElement", "NFI_BLANKETS"),
                                        Map.of(
                                                "indicator", "DISTRIBUTION_RECIPIENTS",
                                                "disaggregation", "SEX",
                                                "category", "FEMALE",
                                                "dataElement", "NFI_RECIPIENTS",
                                                "categoryOptionCombo", "COC_F",
                                                "categoryOption", "F")),
                                "orgUnits",
                                List.of(Map.of("siteId", organisation.siteA, "orgUnit", "OU_STOCK_A"))));
        assertThat(mapping.status()).as(mapping.body().toString()).isEqualTo(200);
        HttpResponse<byte[]> set = dataOfficer.getBytes(
                "/api/reports/dhis2/data-value-set?period=" + month + "&site=" + organisation.siteA);
        assertThat(set.statusCode()).isEqualTo(200);
        JsonNode values = ApiSession.json().readTree(set.body()).path("dataValues");
        assertThat(values.size()).isEqualTo(2);
        assertThat(values.get(0).path("dataElement").asString()).isEqualTo("NFI_BLANKETS");
        assertThat(values.get(0).path("orgUnit").asString()).isEqualTo("OU_STOCK_A");
        assertThat(values.get(0).path("value").asString()).isEqualTo("12");
        assertThat(values.get(1).path("categoryOptionCombo").asString()).isEqualTo("COC_F");
        assertThat(values.get(1).path("value").asString()).isEqualTo("12");
    }

    private static void distributeToWomen(ApiSession user, String place, int women) {
        Map<String, Object> toGroup = new HashMap<>();
        toGroup.put("id", UUID.randomUUID().toString());
        toGroup.put("locationId", place);
        toGroup.put("items", List.of(Map.of("itemCode", "blanket", "quantity", women)));
        toGroup.put("counts", List.of(Map.of("sex", "FEMALE", "ageGroup", "18+", "people", women)));
        ApiSession.Response recorded = user.post("/api/stock/distributions", toGroup);
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
    }

    private static String named(JsonNode catalogue, String code) {
        for (JsonNode indicator : catalogue) {
            if (indicator.path("code").asString().equals(code)) {
                return indicator.path("name").asString();
            }
        }
        throw new AssertionError("no indicator " + code + " in " + catalogue);
    }
}
