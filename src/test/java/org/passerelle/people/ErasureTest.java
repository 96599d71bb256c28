package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.crypto.CryptoException;
import org.passerelle.platform.crypto.SubjectKeys;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Crypto-shredding: a dump of the whole data database taken before an erasure holds nothing that
 * can be read about the erased person afterwards, because their key is gone from the vault.
 */
@PasserelleTest
class ErasureTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubjectKeys keys;

    TestOrganisation organisation;
    ApiSession clinician;
    ApiSession dataOfficer;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        dataOfficer.confirmIdentity(dataOfficer.enrolSecondFactor().getFirst());
    }

    @Test
    void storesNoNameNoteOrPhoneInClear() throws Exception {
        String name = "Yohannes Zerihun" + unique();
        String personId = register(name, "+33 7 00 11 22 33");
        ApiSession.Response consultation = clinician.post(
                "/api/consultations",
                Map.of(
                        "personId",
                        personId,
                        "discipline",
                        "MEDICAL",
                        "diagnosis",
                        "Gale " + name,
                        "note",
                        "Note " + name));
        assertThat(consultation.status()).as(consultation.body().toString()).isEqualTo(201);

        String dump = dumpOfAllData();

        assertThat(dump).contains(personId);
        assertThat(dump).doesNotContain(name).doesNotContain("Zerihun").doesNotContain("+33 7 00 11 22 33");
        assertThat(dump).doesNotContain("Gale ").doesNotContain("Note ");
    }

    @Test
    void leavesNothingReadableInADumpTakenBeforeTheErasure() throws Exception {
        String name = "Hiwet Tsegay" + unique();
        String personId = register(name, null);
        ApiSession.Response consultation = clinician.post(
                "/api/consultations", Map.of("personId", personId, "discipline", "MEDICAL", "note", "PEP"));
        assertThat(consultation.status()).as(consultation.body().toString()).isEqualTo(201);
        assertThat(count("select count(*) from care.encounter where person_id = ?::uuid", personId))
                .as("the consultation the erasure must remove was stored")
                .isOne();
        String otherId = register("Keep Me" + unique(), null);
        byte[] sealedNameBefore = jdbc.sql("select chosen_name from people.person where id = ?::uuid")
                .param(personId)
                .query(byte[].class)
                .single();
        String dumpBefore = dumpOfAllData();
        assertThat(dumpBefore).contains(personId);
        assertThat(keys.existingKey(UUID.fromString(personId)).orElseThrow().open("chosen-name", sealedNameBefore))
                .as("with the key, the dump could be read")
                .isEqualTo(name);

        ApiSession.Response refused =
                clinician.post("/api/people/" + personId + "/erasure", Map.of("reason", "PERSON_REQUEST"));
        ApiSession.Response erased = dataOfficer.post(
                "/api/people/" + personId + "/erasure",
                Map.of("reason", "PERSON_REQUEST", "note", "asked at the day centre"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(erased.status()).isEqualTo(204);
        assertThat(keys.existingKey(UUID.fromString(personId))).isEmpty();
        assertThatThrownBy(() -> keys.keyFor(UUID.fromString(personId)).open("chosen-name", sealedNameBefore))
                .as("not even a new key for the same id opens the old ciphertext")
                .isInstanceOf(CryptoException.class);
        assertThat(dataOfficer.get("/api/people/" + personId).status()).isEqualTo(404);
        assertThat(count("select count(*) from people.person where id = ?::uuid", personId))
                .isZero();
        assertThat(count("select count(*) from people.person_name where person_id = ?::uuid", personId))
                .isZero();
        assertThat(count("select count(*) from people.person_token where person_id = ?::uuid", personId))
                .isZero();
        assertThat(count("select count(*) from care.encounter where person_id = ?::uuid", personId))
                .isZero();
        assertThat(clinician.get("/api/people/" + otherId).status()).isEqualTo(200);
        assertThat(jdbc.sql("select reason from people.erasure where person_id = ?::uuid")
                        .param(personId)
                        .query(String.class)
                        .single())
                .isEqualTo("PERSON_REQUEST");
        assertThat(jdbc.sql("select action from audit.audit_event where record_id = ?::uuid order by id desc limit 1")
                        .param(personId)
                        .query(String.class)
                        .single())
                .isEqualTo("DELETE");
    }

    @Test
    void refusesAnErasureWithoutAReasonAndChangesNothing() {
        String personId = register("Still Here" + unique(), null);

        ApiSession.Response response = dataOfficer.post("/api/people/" + personId + "/erasure", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(keys.existingKey(UUID.fromString(personId))).isPresent();
        assertThat(clinician.get("/api/people/" + personId).status()).isEqualTo(200);
    }

    @Test
    void refusesAnErasureByAnOfficerWhoDidNotConfirmWhoTheyAreAgainAndChangesNothing() {
        String personId = register("Not Yet" + unique(), null);
        ApiSession unconfirmed = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        List<String> recoveryCodes = unconfirmed.enrolSecondFactor();

        ApiSession.Response refused =
                unconfirmed.post("/api/people/" + personId + "/erasure", Map.of("reason", "PERSON_REQUEST"));
        unconfirmed.confirmIdentity(recoveryCodes.getFirst());
        ApiSession.Response erased =
                unconfirmed.post("/api/people/" + personId + "/erasure", Map.of("reason", "PERSON_REQUEST"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("reauthentication-required");
        assertThat(erased.status()).isEqualTo(204);
        assertThat(clinician.get("/api/people/" + personId).status()).isEqualTo(404);
    }

    private String register(String name, String phone) {
        Map<String, Object> details = phone == null
                ? Map.of("chosenName", name, "sex", "FEMALE")
                : Map.of("chosenName", name, "sex", "FEMALE", "phone", phone);
        ApiSession.Response response = clinician.post("/api/people", Map.of("details", details));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }

    /** Every row of every table of the data database, as pg_dump would write them. */
    private String dumpOfAllData() throws Exception {
        List<String> tables = jdbc.sql("""
                        select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
                         where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
                        """).query(String.class).list();
        assertThat(tables).contains("people.person", "care.encounter").doesNotContain("vault.subject_key");
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                copy.copyOut("copy " + table + " to stdout", dump);
            }
        }
        String text = dump.toString(StandardCharsets.UTF_8);
        return text + decodedByteaValues(text);
    }

    /** bytea values appear in hex in a dump; decode them too so that nothing hides there. */
    private static String decodedByteaValues(String text) {
        StringBuilder decoded = new StringBuilder();
        java.util.regex.Matcher hex =
                java.util.regex.Pattern.compile("\\\\\\\\x([0-9a-f]+)").matcher(text);
        while (hex.find()) {
            decoded.append(new String(java.util.HexFormat.of().parseHex(hex.group(1)), StandardCharsets.ISO_8859_1))
                    .append('\n');
        }
        return decoded.toString();
    }

    private long count(String sql, String id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    private static String unique() {
        return " " + UUID.randomUUID().toString().substring(0, 6);
    }
}
