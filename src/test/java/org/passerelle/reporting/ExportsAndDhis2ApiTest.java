package org.passerelle.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.reporting.ReportFixture.person;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * CSV and XLSX exports with small counts hidden, DHIS2 documents, and the push to a stub DHIS2
 * server that checks the payload as DHIS2 documents it (POST /api/dataValueSets, basic auth,
 * JSON with dataValues of dataElement, period, orgUnit, categoryOptionCombo and a numeric value).
 */
@PasserelleTest
class ExportsAndDhis2ApiTest {

    private static final Pattern MONTH = Pattern.compile("\\d{6}");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession admin;
    ApiSession dataOfficer;
    String programmeId;
    HttpServer stub;
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> queries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        organisation = new TestOrganisation(port);
        admin = organisation.admin();
        dataOfficer = organisation.dataOfficer(true, List.of());
        programmeId = jdbc.sql("select programme_id::text from sites.site where id = ?::uuid")
                .param(organisation.siteA)
                .query(String.class)
                .single();
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        ReportFixture fixture = new ReportFixture(jdbc);
        // 7 women, 2 men and 5 persons of unknown sex with medical consultations at site A in April 2025
        for (int i = 0; i < 14; i++) {
            String sex = i < 7 ? "FEMALE" : i < 9 ? "MALE" : "UNKNOWN";
            String id = person(clinician, "Person " + i, sex, "1990-01-01");
            fixture.consultation(id, organisation.siteA, "MEDICAL", String.format("2025-04-%02d", i + 1));
        }
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/api/dataValueSets", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            queries.add(exchange.getRequestURI().getQuery());
            List<String> problems = payloadProblems(
                    exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body);
            received.add(body);
            boolean dryRun = exchange.getRequestURI().getQuery().contains("dryRun=true");
            String answer = problems.isEmpty()
                    ? "{\"httpStatus\":\"OK\",\"httpStatusCode\":200,\"status\":\"OK\",\"response\":{\"responseType\":\"ImportSummary\","
                            + "\"status\":\"SUCCESS\",\"importCount\":{\"imported\":" + (dryRun ? 0 : 2)
                            + ",\"updated\":0,\"ignored\":" + (dryRun ? 2 : 0) + ",\"deleted\":0},\"conflicts\":[]}}"
                    : "{\"httpStatus\":\"Conflict\",\"httpStatusCode\":409,\"status\":\"ERROR\",\"response\":{\"status\":\"ERROR\","
                            + "\"importCount\":{\"imported\":0,\"updated\":0,\"ignored\":1,\"deleted\":0},\"conflicts\":[{\"object\":\"payload\",\"value\":\""
                            + String.join("; ", problems) + "\"}]}}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(problems.isEmpty() ? 200 : 409, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    /** What a DHIS2 server would refuse in a dataValueSets import with identifiers as codes. */
    private static List<String> payloadProblems(String method, String authorization, String contentType, String body) {
        List<String> problems = new ArrayList<>();
        if (!method.equals("POST")) problems.add("method");
        String expected = "Basic "
                + Base64.getEncoder().encodeToString("passerelle:s3cret-dhis2".getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(authorization)) problems.add("authorization");
        if (contentType == null || !contentType.startsWith("application/json")) problems.add("content type");
        JsonNode document = ApiSession.json().readTree(body);
        if (!document.path("dataValues").isArray()
                || document.path("dataValues").isEmpty()) problems.add("dataValues");
        for (JsonNode value : document.path("dataValues")) {
            for (String field : List.of("dataElement", "period", "orgUnit", "value")) {
                if (!value.path(field).isString()
                        || value.path(field).asString().isBlank()) problems.add(field);
            }
            if (!MONTH.matcher(value.path("period").asString()).matches()) problems.add("period");
            if (!value.path("value").asString().matches("\\d+")) problems.add("value");
        }
        return problems;
    }

    private void configure() {
        ApiSession.Response server = admin.put(
                "/api/reports/dhis2/server",
                Map.of(
                        "baseUrl", "http://127.0.0.1:" + stub.getAddress().getPort(),
                        "username", "passerelle",
                        "password", "s3cret-dhis2",
                        "dataSet", "DS_MONTHLY",
                        "adxCategories", Map.of("SEX", "SEX")));
        assertThat(server.status()).as(server.body().toString()).isEqualTo(200);
        ApiSession.Response mapping = admin.put(
                "/api/reports/dhis2/mapping",
                Map.of(
                        "dataElements",
                                List.of(
                                        Map.of(
                                                "indicator",
                                                "OUTPATIENT_CONSULTATIONS",
                                                "disaggregation",
                                                "TOTAL",
                                                "category",
                                                "",
                                                "dataElement",
                                                "OPD_TOTAL"),
                                        Map.of(
                                                "indicator",
                                                "OUTPATIENT_CONSULTATIONS",
                                                "disaggregation",
                                                "SEX",
                                                "category",
                                                "FEMALE",
                                                "dataElement",
                                                "OPD",
                                                "categoryOptionCombo",
                                                "COC_F",
                                                "categoryOption",
                                                "F"),
                                        Map.of(
                                                "indicator",
                                                "OUTPATIENT_CONSULTATIONS",
                                                "disaggregation",
                                                "SEX",
                                                "category",
                                                "MALE",
                                                "dataElement",
                                                "OPD",
                                                "categoryOptionCombo",
                                                "COC_M",
                                                "categoryOption",
                                                "M")),
                        "orgUnits", List.of(Map.of("siteId", organisation.siteA, "orgUnit", "OU_SITE_A"))));
        assertThat(mapping.status()).as(mapping.body().toString()).isEqualTo(200);
    }

    @Test
    void exportsCsvAndXlsxWithSmallCountsHiddenAndAudited() throws Exception {
        String query = "&period=2025-04&programme=" + programmeId + "&language=en";
        HttpResponse<byte[]> csv = get(dataOfficer, "/api/reports/export?latest=true&table=SEX&format=csv" + query);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment");
        assertThat(text).startsWith("\uFEFFIndicator,Female,Male,Other,Unknown,Total\r\n");
        assertThat(text)
                .as("the two men are hidden, and so are the five others: 14 - 7 - 5 would give them away")
                .contains("Outpatient consultations,7,<5,0,x,14\r\n");
        assertThat(text).doesNotContain(",2,").doesNotContain(",5,");

        HttpResponse<byte[]> xlsx =
                get(dataOfficer, "/api/reports/export?latest=true&table=headline&format=xlsx" + query);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            Row outpatient = rows.stream()
                    .filter(r -> "Outpatient consultations".equals(r.getCellText(0)))
                    .findFirst()
                    .orElseThrow();
            assertThat(outpatient.getCellAsNumber(1).orElseThrow().intValue()).isEqualTo(14);
            Row women = rows.stream()
                    .filter(r -> "Women seen".equals(r.getCellText(0)))
                    .findFirst()
                    .orElseThrow();
            assertThat(women.getCellAsNumber(1).orElseThrow().intValue()).isEqualTo(7);
            Row minors = rows.stream()
                    .filter(r -> "Minors seen".equals(r.getCellText(0)))
                    .findFirst()
                    .orElseThrow();
            assertThat(minors.getCellText(1)).isEqualTo("0");
        }
        assertThat(jdbc.sql(
                                "select count(*) from audit.audit_event where action = 'EXPORT' and record_type like 'report:%'"
                                        + " and record_id = ?::uuid")
                        .param(programmeId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void writesDataValueSetsAndAdxFromTheMapping() throws Exception {
        configure();
        JsonNode set = ApiSession.json()
                .readTree(get(dataOfficer, "/api/reports/dhis2/data-value-set?period=2025-04&programme=" + programmeId)
                        .body());
        assertThat(set.path("dataSet").asString()).isEqualTo("DS_MONTHLY");
        assertThat(set.path("dataValues").size())
                .as("the two men are a small count, left out")
                .isEqualTo(2);
        assertThat(set.path("dataValues").get(0).path("dataElement").asString()).isEqualTo("OPD_TOTAL");
        assertThat(set.path("dataValues").get(0).path("period").asString()).isEqualTo("202504");
        assertThat(set.path("dataValues").get(0).path("orgUnit").asString()).isEqualTo("OU_SITE_A");
        assertThat(set.path("dataValues").get(0).path("value").asString()).isEqualTo("14");
        assertThat(set.path("dataValues").get(1).path("categoryOptionCombo").asString())
                .isEqualTo("COC_F");

        byte[] adx = get(dataOfficer, "/api/reports/dhis2/adx?period=2025-04&programme=" + programmeId)
                .body();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(adx));
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("urn:ihe:qrph:adx:2015");
        assertThat(root.getLocalName()).isEqualTo("adx");
        Element group = (Element)
                root.getElementsByTagNameNS("urn:ihe:qrph:adx:2015", "group").item(0);
        assertThat(group.getAttribute("orgUnit")).isEqualTo("OU_SITE_A");
        assertThat(group.getAttribute("period")).isEqualTo("2025-04-01/P1M");
        assertThat(group.getAttribute("dataSet")).isEqualTo("DS_MONTHLY");
        NodeList values = group.getElementsByTagNameNS("urn:ihe:qrph:adx:2015", "dataValue");
        assertThat(values.getLength()).isEqualTo(2);
        Element women = (Element) values.item(1);
        assertThat(women.getAttribute("dataElement")).isEqualTo("OPD");
        assertThat(women.getAttribute("SEX")).isEqualTo("F");
        assertThat(women.getAttribute("value")).isEqualTo("7");
    }

    @Test
    void pushesToDhis2AsDryRunThenForRealAndShowsTheImportSummary() {
        configure();
        ApiSession.Response settings = dataOfficer.get("/api/reports/dhis2/server");
        assertThat(settings.body().path("passwordSet").asBoolean()).isTrue();
        assertThat(settings.body().toString()).doesNotContain("s3cret-dhis2");
        assertThat(jdbc.sql("select password from reporting.dhis2_server")
                        .query(byte[].class)
                        .single())
                .asString(StandardCharsets.ISO_8859_1)
                .doesNotContain("s3cret-dhis2");

        ApiSession.Response dryRun = dataOfficer.post(
                "/api/reports/dhis2/push", Map.of("period", "2025-04", "programmeId", programmeId, "dryRun", true));
        assertThat(dryRun.status()).as(dryRun.body().toString()).isEqualTo(200);
        assertThat(dryRun.body().path("status").asString()).isEqualTo("SUCCESS");
        assertThat(dryRun.body().path("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.body().path("ignored").asLong()).isEqualTo(2);
        assertThat(dryRun.body().path("values").asInt()).isEqualTo(2);
        assertThat(dryRun.body().path("suppressed").asInt()).isEqualTo(1);
        assertThat(queries.getLast()).contains("dryRun=true").contains("idScheme=CODE");

        ApiSession.Response pushed = dataOfficer.post(
                "/api/reports/dhis2/push", Map.of("period", "2025-04", "programmeId", programmeId, "dryRun", false));
        assertThat(pushed.body().path("imported").asLong()).isEqualTo(2);
        assertThat(pushed.body().path("conflicts").isEmpty()).isTrue();
        assertThat(queries.getLast()).contains("dryRun=false");
        assertThat(received).hasSize(2);
        assertThat(jdbc.sql(
                                "select count(*) from audit.audit_event where action = 'EXPORT' and record_type like 'report:dhis2-%'"
                                        + " and record_id = ?::uuid")
                        .param(programmeId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void refusesBadMappingsAndKeepsTheOldOne() {
        configure();
        ApiSession.Response bad = admin.put(
                "/api/reports/dhis2/mapping",
                Map.of(
                        "dataElements",
                                List.of(Map.of(
                                        "indicator",
                                        "NO_SUCH",
                                        "disaggregation",
                                        "TOTAL",
                                        "category",
                                        "",
                                        "dataElement",
                                        "X")),
                        "orgUnits", List.of()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("code")).isEqualTo("bad-dhis2-mapping");
        ApiSession.Response badCategory = admin.put(
                "/api/reports/dhis2/mapping",
                Map.of(
                        "dataElements",
                                List.of(Map.of(
                                        "indicator",
                                        "OUTPATIENT_CONSULTATIONS",
                                        "disaggregation",
                                        "SEX",
                                        "category",
                                        "NOPE",
                                        "dataElement",
                                        "X")),
                        "orgUnits", List.of()));
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(admin.get("/api/reports/dhis2/mapping")
                        .body()
                        .path("dataElements")
                        .size())
                .isEqualTo(3);
        assertThat(dataOfficer
                        .put("/api/reports/dhis2/mapping", Map.of("dataElements", List.of(), "orgUnits", List.of()))
                        .status())
                .as("only an administrator edits the mapping")
                .isEqualTo(403);
        assertThat(dataOfficer
                        .post("/api/reports/dhis2/push", Map.of("period", "2025-04-01/2025-04-10", "dryRun", true))
                        .text("code"))
                .isEqualTo("bad-period");
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        assertThat(coordinator
                        .post("/api/reports/dhis2/push", Map.of("period", "2025-04", "dryRun", true))
                        .status())
                .isEqualTo(403);
    }

    private HttpResponse<byte[]> get(ApiSession session, String path) {
        return session.getBytes(path);
    }
}
