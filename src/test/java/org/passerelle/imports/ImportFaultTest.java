package org.passerelle.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.database.DatabaseProperties;
import org.passerelle.support.ApiSession;
import org.passerelle.support.DatabaseOwner;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;

/**
 * An import that fails after it has written part of its persons leaves nothing: the database
 * refuses the second batch of rows (a trigger the test adds as the schemas' owner), after the first
 * 2,000 persons, their names, index keys and sites were written in the job's transaction.
 */
@PasserelleTest
class ImportFaultTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HikariDataSource application;

    @Autowired
    DatabaseProperties properties;

    SingleConnectionDataSource owner;

    @BeforeEach
    void failTheSecondBatch() {
        owner = DatabaseOwner.connect(application, properties);
        owner.setAutoCommit(true);
        JdbcClient asOwner = JdbcClient.create(owner);
        asOwner.sql("""
                create function people.import_fault() returns trigger language plpgsql as $$
                begin
                  if (select count(*) from inserted) between 3 and 1999 then
                    raise exception 'fault injected by the test';
                  end if;
                  return null;
                end $$""").update();
        asOwner.sql("""
                create trigger import_fault after insert on people.person_site
                referencing new table as inserted for each statement execute function people.import_fault()
                """).update();
    }

    @AfterEach
    void removeTheFault() {
        JdbcClient asOwner = JdbcClient.create(owner);
        asOwner.sql("drop trigger if exists import_fault on people.person_site").update();
        asOwner.sql("drop function if exists people.import_fault()").update();
        owner.destroy();
    }

    @Test
    void aJobFailingAfterItsFirstBatchWritesNothingAndSaysSo() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession officer = organisation.userAt(organisation.siteA, "COORDINATOR");
        String tag = "Fault" + UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("Prénom,Nom,Sexe,Année de naissance\n");
        for (int i = 0; i < 2_500; i++) {
            csv.append("P")
                    .append(i)
                    .append(',')
                    .append(tag)
                    .append(",F,")
                    .append(1950 + i % 60)
                    .append('\n');
        }
        long personsBefore = persons();
        ApiSession.Response uploaded =
                officer.postFile("/api/imports", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).isEqualTo(201);
        String id = uploaded.text("importId");
        ApiSession.Response started = officer.post(
                "/api/imports/" + id + "/run",
                Map.of("mapping", ImportApiTest.mappingOf(uploaded.body().path("guessed"))));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);

        JsonNode job = ImportJobs.awaitEnd(officer, id);

        assertThat(job.path("status").asString()).isEqualTo("FAILED");
        assertThat(job.path("failure").asString()).isEqualTo("import-failed");
        assertThat(job.path("written").asInt()).isZero();
        assertThat(persons()).isEqualTo(personsBefore);
        assertThat(jdbc.sql("select count(*) from audit.audit_event where outcome = ?")
                        .param("SUCCESS import=" + id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select outcome from audit.audit_event where record_type = 'person-import' "
                                + "and record_id = ?::uuid")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("FAILED");
    }

    private long persons() {
        return jdbc.sql("select count(*) from people.person").query(Long.class).single();
    }
}
