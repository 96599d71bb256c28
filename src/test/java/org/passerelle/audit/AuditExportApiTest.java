package org.passerelle.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log's export over the API: administrators only, after confirming who they are, audited. */
@PasserelleTest
class AuditExportApiTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditKey key;

    @Autowired
    JdbcClient jdbc;

    @Test
    void exportsForAnAdministratorWhoConfirmedWhoTheyAreAndTheFileVerifiesOffline() throws IOException {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        dataOfficer.enrolSecondFactor();
        ApiSession administrator = organisation.userAt(organisation.siteA, "ADMINISTRATOR");
        administrator.enrolSecondFactor();
        String userId =
                administrator.get("/api/session").body().path("user").path("id").asString();

        ApiSession.Download notAllowed = dataOfficer.download("/api/audit/export", Map.of());
        ApiSession.Download notConfirmed = administrator.download("/api/audit/export", Map.of());
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(notAllowed.json().path("code").asString()).isEqualTo("forbidden");
        assertThat(notConfirmed.status()).isEqualTo(403);
        assertThat(notConfirmed.json().path("code").asString()).isEqualTo("reauthentication-required");
        assertThat(exportsBy(userId)).isZero();

        assertThat(administrator.confirmIdentity().status()).isEqualTo(204);
        ApiSession.Download exported = administrator.download("/api/audit/export", Map.of());

        assertThat(exported.status()).as(exported.text()).isEqualTo(200);
        assertThat(exported.header("Content-Disposition"))
                .contains("attachment")
                .contains(".jsonl");
        AuditChain.Verification verification =
                AuditExportVerifier.verify(new BufferedReader(new StringReader(exported.text())), key);
        assertThat(verification.intact()).as(verification.problems().toString()).isTrue();
        assertThat(exportsBy(userId)).isOne();
        assertThat(exported.text()).contains("\"actorId\":\"" + userId + "\"");
    }

    private long exportsBy(String userId) {
        return jdbc.sql("select count(*) from audit.audit_event where actor_id = ?::uuid and action = 'EXPORT'"
                        + " and record_type = 'audit_log'")
                .param(userId)
                .query(Long.class)
                .single();
    }
}
