package org.passerelle.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The outreach indicators reach what reporting offers, with no outreach code in reporting: the
 * catalogue in the user's language, the CSV export by sex, and the DHIS2 data values of a mapping.
 */
@PasserelleTest
class OutreachReportingTest {

    @LocalServerPort
    int port;

    @Test
    void sessionsAndPeopleReachedAreInTheCatalogueTheExportAndTheDhis2DataValues() throws Exception {
        OutreachFixture outreach = new OutreachFixture(port);
        Map<String, Object> form = outreach.plan();
        form.put("actualStart", outreach.at("10:05"));
        form.put("actualEnd", outreach.at("11:30"));
        form.put("tallies", OutreachFixture.tallies("FEMALE", "18+", 7, "MALE", "18+", 5));
        String session = outreach.planned(form).text("id");
        String consultation = outreach.consultation(outreach.person("Yacine", "MALE", "1995-05-05"));
        assertThat(outreach.clinician
                        .post(
                                "/api/outreach/sessions/" + session + "/consultations",
                                Map.of("encounterId", consultation))
                        .status())
                .isEqualTo(200);
        String month = outreach.today.toString().substring(0, 7);
        String query = "&period=" + month + "&site=" + outreach.team;
        ApiSession dataOfficer = outreach.organisation.dataOfficer(true, List.of());

        ApiSession.Response catalogue = dataOfficer.get("/api/reports/indicators?language=ar");
        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(named(catalogue.body(), "OUTREACH_PEOPLE_REACHED"))
                .isEqualTo("الأشخاص الذين تم الوصول إليهم في الجلسات الميدانية");

        HttpResponse<byte[]> csv = dataOfficer.getBytes("/api/reports/export?table=SEX&format=csv&language=en" + query);
        assertThat(csv.statusCode()).isEqualTo(200);
        // 7 women and 5 men counted, and one registered man; reporting hides counts under 5
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .contains("People reached in outreach sessions,7,6,0,0,13\r\n");

        ApiSession.Response mapping = outreach.organisation
                .admin()
                .put(
                        "/api/reports/dhis2/mapping",
                        Map.of(
                                "dataElements",
                                List.of(Map.of(
                                        "indicator", "OUTREACH_PEOPLE_REACHED",
                                        "disaggregation", "TOTAL",
                                        "category", "",
                                        "dataElement", "OUTREACH_REACHED")),
                                "orgUnits",
                                List.of(Map.of("siteId", outreach.team, "orgUnit", "OU_MOBILE_A"))));
        assertThat(mapping.status()).as(mapping.body().toString()).isEqualTo(200);
        HttpResponse<byte[]> set =
                dataOfficer.getBytes("/api/reports/dhis2/data-value-set?period=" + month + "&site=" + outreach.team);
        assertThat(set.statusCode()).isEqualTo(200);
        JsonNode values = ApiSession.json().readTree(set.body()).path("dataValues");
        assertThat(values.size()).isEqualTo(1);
        assertThat(values.get(0).path("dataElement").asString()).isEqualTo("OUTREACH_REACHED");
        assertThat(values.get(0).path("value").asString()).isEqualTo("13");
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
