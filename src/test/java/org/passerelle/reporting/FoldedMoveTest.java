package org.passerelle.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.reporting.ReportFixture.figure;
import static org.passerelle.reporting.ReportFixture.person;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
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
 * A batch folds in the changes of transactions older than every one still running, but reads the
 * consultations as they are now: a consultation moved to a person of the batch by a later
 * transaction (a merge) is counted under that person at once, and taken away from the person its
 * fact still named, so that nothing is counted twice and the figures equal a count from scratch.
 */
@PasserelleTest
class FoldedMoveTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    FactRefresher refresher;

    @Autowired
    RefreshProgress progress;

    TestOrganisation organisation;
    ReportFixture fixture;
    ApiSession coordinator;
    String kept;
    String duplicate;
    UUID keptVisit;
    UUID movedVisit;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        fixture = new ReportFixture(jdbc);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        kept = person(clinician, "Amina", "FEMALE", "2000-01-01");
        duplicate = person(clinician, "Aminata", "FEMALE", "2000-01-01");
        keptVisit = fixture.consultation(kept, organisation.siteA, "MEDICAL", "2025-03-05");
        movedVisit = fixture.consultation(duplicate, organisation.siteA, "NURSING", "2025-03-06");
    }

    @Test
    void aConsultationMovedByALaterTransactionIsCountedOnceUnderItsNewPerson() throws SQLException {
        JsonNode before = report();
        assertThat(figure(before, "PEOPLE_REACHED")).isEqualTo(2);

        try (Connection facts = dataSource.getConnection();
                Connection older = dataSource.getConnection()) {
            // the worker waits on the facts' lock while the three transactions below happen
            facts.setAutoCommit(false);
            execute(facts, "select pg_advisory_xact_lock(" + FactRefresher.FACTS_LOCK + ")");
            fixture.update(keptVisit, "occurred_on = date '2025-03-04'");
            older.setAutoCommit(false);
            execute(older, "select pg_current_xact_id()");
            fixture.update(movedVisit, "person_id = '" + kept + "'::uuid, merged_from = '" + duplicate + "'::uuid");
            facts.commit();

            // the kept person's change is older than the running transaction, the move is not
            refresher.drain();
            assertThat(progress.position("care.encounter"))
                    .as("the batch before the running transaction was folded in")
                    .isGreaterThanOrEqualTo(changeOf(keptVisit))
                    .isLessThan(changeOf(movedVisit));
            assertThat(jdbc.sql("select person_key::text from reporting.encounter_fact where encounter_id = ?")
                            .param(movedVisit)
                            .query(String.class)
                            .single())
                    .as("the moved consultation's fact follows it, read with the kept person's")
                    .isEqualTo(kept);
            List<String> folded = ReportFreshnessTest.rolledUp(jdbc);
            refresher.rebuildNow();
            assertThat(folded)
                    .as("every roll-up and tally folded in equals a count from scratch")
                    .isEqualTo(ReportFreshnessTest.rolledUp(jdbc));
            older.rollback();
        }
        JsonNode after = report();
        assertThat(figure(after, "PEOPLE_REACHED")).isEqualTo(1);
        assertThat(figure(after, "OUTPATIENT_CONSULTATIONS")).isEqualTo(2);
    }

    private JsonNode report() {
        ApiSession.Response response =
                coordinator.get("/api/reports?site=" + organisation.siteA + "&period=2025-03&latest=true");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body().path("freshness").path("pending").asLong()).isZero();
        return response.body();
    }

    private RefreshProgress.Position changeOf(UUID encounter) {
        return jdbc.sql("select change_xid::text::bigint as xid, change_seq as seq from care.encounter where id = ?")
                .param(encounter)
                .query(RefreshProgress.Position.class)
                .single();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
