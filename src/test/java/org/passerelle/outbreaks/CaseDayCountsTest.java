package org.passerelle.outbreaks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The day counts the epidemic curve and the alerts read stay equal to a count of the line list
 * itself through every change of a case: recorded, reclassified, moved to another day of onset,
 * removed by its tombstone, deleted.
 */
@PasserelleTest
class CaseDayCountsTest {

    private static final String COUNTED = """
            select onset_on || ' ' || classification || ' ' || place_id || ' ' || cases
              from outbreaks.case_day_count where site_id = ? and cases > 0 order by 1
            """;
    private static final String RECOUNTED = """
            select onset_on || ' ' || classification || ' ' || coalesce(outreach_location_id, site_id) || ' ' || count(*)
              from outbreaks.outbreak_case where site_id = ? and deleted_at is null
             group by onset_on, classification, coalesce(outreach_location_id, site_id) order by 1
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCountsFollowEveryChangeOfACase() {
        TestOrganisation organisation = new TestOrganisation(port);
        String site = organisation.siteA;
        ApiSession clinician = organisation.userAt(site, "CLINICIAN");
        ApiSession coordinator = organisation.userAt(site, "COORDINATOR");
        LocalDate monday = OutbreakFixture.thisMonday().minusWeeks(1);
        String moved = OutbreakFixture.record(clinician, "scabies", site, null, "SUSPECTED", monday, null, null);
        String removed = OutbreakFixture.record(clinician, "scabies", site, null, "SUSPECTED", monday, null, null);
        OutbreakFixture.record(clinician, "scabies", site, null, "CONFIRMED", monday.plusDays(1), null, null);
        assertThat(counted(site)).isEqualTo(recounted(site)).hasSize(2);

        ApiSession.Response change = clinician.put(
                "/api/outbreaks/cases/" + moved,
                Map.of(
                        "version",
                        1,
                        "classification",
                        "PROBABLE",
                        "onsetOn",
                        monday.plusWeeks(1).toString()));
        assertThat(change.status()).as(change.body().toString()).isEqualTo(200);
        assertThat(counted(site)).isEqualTo(recounted(site)).hasSize(3);
        assertThat(curve(coordinator, site, monday)).containsExactly("1 0 1 0", "0 1 0 0");

        jdbc.sql("update outbreaks.outbreak_case set deleted_at = now() where id = ?")
                .param(UUID.fromString(removed))
                .update();
        assertThat(counted(site)).isEqualTo(recounted(site)).hasSize(2);
        jdbc.sql("delete from outbreaks.outbreak_case where id = ?")
                .param(UUID.fromString(moved))
                .update();
        assertThat(counted(site)).isEqualTo(recounted(site)).hasSize(1);
        assertThat(curve(coordinator, site, monday)).containsExactly("0 0 1 0", "0 0 0 0");
    }

    private List<String> counted(String site) {
        return jdbc.sql(COUNTED)
                .param(UUID.fromString(site))
                .query(String.class)
                .list();
    }

    private List<String> recounted(String site) {
        return jdbc.sql(RECOUNTED)
                .param(UUID.fromString(site))
                .query(String.class)
                .list();
    }

    /** Each week's suspected, probable, confirmed and discarded cases. */
    private static List<String> curve(ApiSession coordinator, String site, LocalDate from) {
        ApiSession.Response curve = coordinator.get("/api/outbreaks/diseases/scabies/epicurve?siteId=" + site + "&from="
                + from + "&to=" + from.plusWeeks(1).plusDays(6));
        assertThat(curve.status()).as(curve.body().toString()).isEqualTo(200);
        return curve.body()
                .path("weeks")
                .valueStream()
                .map(week -> week.path("counts").path("SUSPECTED").asInt() + " "
                        + week.path("counts").path("PROBABLE").asInt() + " "
                        + week.path("counts").path("CONFIRMED").asInt() + " "
                        + week.path("counts").path("DISCARDED").asInt())
                .toList();
    }
}
