package org.passerelle.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.passerelle.reporting.ReportFixture.figure;
import static org.passerelle.reporting.ReportFixture.person;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The facts are kept in the background: a report during a catch-up answers at once with what is
 * counted and says how fresh it is; a catch-up whose connection is killed half-way through a batch
 * is done again, and the figures then equal a count from scratch.
 */
@PasserelleTest
class ReportFreshnessTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FactRefresher refresher;

    TestOrganisation organisation;
    ReportFixture fixture;
    ApiSession clinician;
    ApiSession coordinator;
    String woman;
    final CountDownLatch inBatch = new CountDownLatch(1);
    final CountDownLatch letGo = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        fixture = new ReportFixture(jdbc);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        woman = person(clinician, "Amina", "FEMALE", "2000-01-01");
        fixture.consultation(woman, organisation.siteA, "MEDICAL", "2025-03-05");
    }

    @AfterEach
    void letTheWorkerGo() {
        refresher.pauseBatches(null);
        letGo.countDown();
    }

    private JsonNode report(String query) {
        ApiSession.Response response = coordinator.get("/api/reports?site=" + organisation.siteA + "&" + query);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    /** The next batch of the worker stops, its transaction open, until the test lets it go. */
    private void holdTheNextBatch() {
        refresher.pauseBatches(() -> {
            inBatch.countDown();
            try {
                letGo.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        refresher.poke();
    }

    @Test
    void aReportDuringACatchUpAnswersAtOnceAndSaysHowFreshItIs() throws InterruptedException {
        JsonNode before = report("period=2025-03&latest=true");
        assertThat(figure(before, "OUTPATIENT_CONSULTATIONS")).isEqualTo(1);
        assertThat(before.path("freshness").path("pending").asLong()).isZero();

        fixture.consultation(woman, organisation.siteA, "MEDICAL", "2025-03-06");
        holdTheNextBatch();
        assertThat(inBatch.await(60, TimeUnit.SECONDS))
                .as("the worker started on the change")
                .isTrue();

        JsonNode during = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> report("period=2025-03"));
        assertThat(figure(during, "OUTPATIENT_CONSULTATIONS"))
                .as("what is counted so far")
                .isEqualTo(1);
        assertThat(during.path("freshness").path("pending").asLong())
                .as("the change being counted")
                .isGreaterThanOrEqualTo(1);
        assertThat(during.path("freshness").path("upTo").isString()).isTrue();

        ApiSession.Response progress = organisation.admin().get("/api/reports/refresh");
        assertThat(progress.status()).as(progress.body().toString()).isEqualTo(200);
        assertThat(progress.body().path("phase").asString()).isEqualTo("CATCHING_UP");
        assertThat(progress.body().path("pending").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(coordinator.get("/api/reports/refresh").status())
                .as("the progress is for administrators")
                .isEqualTo(403);

        refresher.pauseBatches(null);
        letGo.countDown();
        JsonNode latest = report("period=2025-03&latest=true");
        assertThat(figure(latest, "OUTPATIENT_CONSULTATIONS")).isEqualTo(2);
        assertThat(latest.path("freshness").path("pending").asLong()).isZero();
    }

    @Test
    void aCatchUpKilledHalfWayIsDoneAgainWithoutCountingTwice() throws InterruptedException {
        report("period=2025-03&latest=true");
        String boy = person(clinician, "Yonas", "MALE", "2012-06-01");
        for (int day = 10; day < 20; day++) {
            fixture.consultation(boy, organisation.siteA, "NURSING", "2025-03-" + day);
            fixture.consultation(woman, organisation.siteB, "MENTAL_HEALTH", "2025-03-" + day);
        }
        jdbc.sql("update care.encounter set occurred_on = occurred_on + 1 where person_id = ?::uuid")
                .param(woman)
                .update();
        holdTheNextBatch();
        assertThat(inBatch.await(60, TimeUnit.SECONDS)).isTrue();

        // the connection of the batch, which holds the facts' lock, dies with its transaction open
        List<Integer> killed = jdbc.sql("""
                        select pid from pg_locks where locktype = 'advisory' and granted
                           and classid = ? and objid = ?""")
                .params(FactRefresher.FACTS_LOCK >>> 32, FactRefresher.FACTS_LOCK & 0xffff_ffffL)
                .query(Integer.class)
                .list();
        assertThat(killed).hasSize(1);
        assertThat(jdbc.sql("select pg_terminate_backend(?)")
                        .param(killed.getFirst())
                        .query(Boolean.class)
                        .single())
                .isTrue();
        refresher.pauseBatches(null);
        letGo.countDown();

        JsonNode after = report("period=2025-03&latest=true");
        assertThat(after.path("freshness").path("pending").asLong()).isZero();
        assertThat(figure(after, "OUTPATIENT_CONSULTATIONS", "SEX", "MALE")).isEqualTo(10);
        assertThat(figure(after, "OUTPATIENT_CONSULTATIONS", "VISIT", "NEW")).isEqualTo(2);
        List<String> folded = rolledUp(jdbc);
        refresher.rebuildNow();
        assertThat(folded)
                .as("every roll-up and tally folded in after the kill equals a count from scratch")
                .isEqualTo(rolledUp(jdbc));
    }

    /** Every additive cell (but empty ones), tally and person's year, as text, in order. */
    static List<String> rolledUp(JdbcClient jdbc) {
        return jdbc.sql("""
                        select concat_ws('|', source, site_id, month, sex, age_group, discipline, visit, counts::text)
                          from reporting.additive_month where exists (select 1 from unnest(counts) c where c <> 0)
                        union all
                        select concat_ws('|', source, period, scope, indicator, dimension, category, persons)
                          from reporting.person_tally
                        union all
                        select concat_ws('|', source, person_key, site_id, year, sex, ages, disciplines, months)
                          from reporting.person_year
                         order by 1""").query(String.class).list();
    }
}
