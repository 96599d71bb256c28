package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.crypto.KeyEpochs;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.passerelle.support.TotpCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A rotation of the key epochs on demand: administrators only, after confirming who they are, audited. */
@PasserelleTest
class KeyRotationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    KeyEpochs epochs;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession dataOfficer;
    ApiSession administrator;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        dataOfficer.enrolSecondFactor();
        administrator = organisation.userAt(organisation.siteA, "ADMINISTRATOR");
        administrator.enrolSecondFactor();
    }

    @Test
    void rotatesOnlyForAnAdministratorWhoConfirmedWhoTheyAreAndAuditsIt() {
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        ApiSession.Response registered = clinician.post(
                "/api/people", Map.of("details", Map.of("chosenName", "Rotated Mehari Tekle", "sex", "MALE")));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        int epoch = epochs.searchEpoch();

        ApiSession.Response notAllowed = dataOfficer.post("/api/key-rotation", Map.of());
        ApiSession.Response notConfirmed = administrator.post("/api/key-rotation", Map.of());

        assertThat(dataOfficer.get("/api/key-rotation").status()).isEqualTo(403);
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(notAllowed.text("code")).isEqualTo("role-not-allowed");
        assertThat(notConfirmed.status()).isEqualTo(403);
        assertThat(notConfirmed.text("code")).isEqualTo("reauthentication-required");
        assertThat(epochs.searchEpoch()).isEqualTo(epoch);

        String userId =
                administrator.get("/api/session").body().path("user").path("id").asString();
        ApiSession.Response confirmed = administrator.post(
                "/api/session/reauthentication",
                Map.of(
                        "password",
                        TestOrganisation.PASSWORD,
                        "code",
                        TotpCodes.fresh(TotpCodes.secretOf(userId).orElseThrow())));
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(204);
        ApiSession.Response rotated = administrator.post("/api/key-rotation", Map.of());

        assertThat(rotated.status()).as(rotated.body().toString()).isEqualTo(200);
        assertThat(rotated.body().path("epoch").asInt()).isEqualTo(epoch + 1);
        assertThat(rotated.body().path("personsIndexed").asInt()).isPositive();
        assertThat(epochs.searchEpoch()).isEqualTo(epoch + 1);
        for (String table : java.util.List.of("people.person_token", "people.person_match_key")) {
            assertThat(entries("select count(*) from " + table + " where epoch = ?", epoch + 1))
                    .as("everyone indexed again in " + table)
                    .isPositive();
            assertThat(entries("select count(*) from " + table + " where epoch <> ?", epoch + 1))
                    .as("the old entries of " + table + " deleted")
                    .isZero();
        }
        ApiSession.Response found = clinician.post("/api/people/search", Map.of("query", "mehari tekle"));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path(0).path("id").asString())
                .as("found under the new index key")
                .isEqualTo(registered.text("id"));
        ApiSession.Response status = administrator.get("/api/key-rotation");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().path("epoch").asInt()).isEqualTo(epoch + 1);
        assertThat(status.body().path("erasurePendingSince").asString(""))
                .as("no erasure waits any more")
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from audit.audit_event where actor_id = ?::uuid and outcome = ?")
                        .params(userId, "KEY_ROTATION_REQUESTED")
                        .query(Long.class)
                        .single())
                .isOne();
    }

    private long entries(String sql, int epoch) {
        return jdbc.sql(sql).param(epoch).query(Long.class).single();
    }
}
