package org.passerelle.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.audit.AuditChain;
import org.passerelle.platform.crypto.SubjectKeys;
import org.passerelle.support.ApiSession;
import org.passerelle.support.RunningApplication;
import org.passerelle.support.TestOrganisation;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The drill a field team should run: a small installation with demo data is backed up; then a
 * person is corrected, another registered and a third erased; the backup is restored with the key
 * directory into a new data directory. Every record of the backup is there (with the correction
 * undone, the later registration absent), the person erased after the backup is not (nor their key),
 * and the audit log verifies. A second restore onto the same directory is refused and changes nothing.
 */
class RestoreDrillTest {

    private static final List<String> TABLES =
            List.of("people.person", "people.person_name", "care.encounter", "access.app_user", "audit.audit_event");

    @TempDir
    Path work;

    @Test
    void restoresEveryRecordOfTheBackupButNotThePersonErasedSinceAndTheAuditLogVerifies() throws IOException {
        Path backups = work.resolve("backups");
        Path keys = work.resolve("key-directory");
        String kept;
        String corrected;
        String registeredLater;
        String erased;
        Map<String, Long> countsAtBackup;
        Path file;
        try (RunningApplication before = RunningApplication.start(settings(work.resolve("before"), backups, true))) {
            TestOrganisation organisation = new TestOrganisation(before.port());
            ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
            ApiSession dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
            dataOfficer.confirmIdentity(dataOfficer.enrolSecondFactor().getFirst());
            kept = TestOrganisation.register(clinician, "Amanuel Kept")
                    .path("id")
                    .asString();
            corrected = TestOrganisation.register(clinician, "Yonas Before")
                    .path("id")
                    .asString();
            erased = TestOrganisation.register(clinician, "Selam Erased")
                    .path("id")
                    .asString();

            BackupRepository.Run run = before.bean(Backups.class).backUp(Backups.MadeBy.COMMAND);
            file = backups.resolve(run.fileName());
            JdbcClient jdbc = before.bean(JdbcClient.class);
            countsAtBackup = counts(jdbc);

            ApiSession.Response correction = clinician.put(
                    "/api/people/" + corrected,
                    Map.of("details", Map.of("chosenName", "Yonas After", "sex", "MALE"), "version", 0));
            assertThat(correction.status()).as(correction.body().toString()).isEqualTo(200);
            registeredLater = TestOrganisation.register(clinician, "Dawit Later")
                    .path("id")
                    .asString();
            ApiSession.Response erasure =
                    dataOfficer.post("/api/people/" + erased + "/erasure", Map.of("reason", "PERSON_REQUEST"));
            assertThat(erasure.status()).as(erasure.body().toString()).isEqualTo(204);
            assertThat(countsAtBackup.get("people.person")).isGreaterThan(40);
            copy(work.resolve("before").resolve("keys"), keys);
        }
        assertThat(Files.readString(backups.resolve(ErasureJournal.FILE))).contains(erased);

        Path restoredDirectory = work.resolve("restored");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = RestoreLauncher.run(
                file, restoredDirectory, keys, backups.resolve(ErasureJournal.FILE), printStream(printed));

        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(code).as(report).isZero();
        assertThat(report)
                .contains("people.person")
                .contains("Persons erased again from the erasure journal: 1")
                .contains("Audit log: intact");
        try (RunningApplication restored = RunningApplication.start(settings(restoredDirectory, backups, false))) {
            JdbcClient jdbc = restored.bean(JdbcClient.class);
            Map<String, Long> counts = counts(jdbc);
            assertThat(counts.get("people.person")).isEqualTo(countsAtBackup.get("people.person") - 1);
            assertThat(counts.get("care.encounter")).isEqualTo(countsAtBackup.get("care.encounter"));
            assertThat(counts.get("access.app_user")).isEqualTo(countsAtBackup.get("access.app_user"));
            assertThat(counts.get("audit.audit_event")).isGreaterThan(countsAtBackup.get("audit.audit_event"));
            assertThat(exists(jdbc, erased)).isFalse();
            assertThat(exists(jdbc, registeredLater)).isFalse();
            SubjectKeys subjectKeys = restored.bean(SubjectKeys.class);
            assertThat(subjectKeys.existingKey(UUID.fromString(erased))).isEmpty();
            assertThat(chosenName(jdbc, subjectKeys, kept)).isEqualTo("Amanuel Kept");
            assertThat(chosenName(jdbc, subjectKeys, corrected)).isEqualTo("Yonas Before");
            AuditChain.Verification audit = restored.bean(AuditChain.class).verify();
            assertThat(audit.intact()).as(String.valueOf(audit.problems())).isTrue();
            ApiSession admin = restored.adminSession();
            assertThat(admin.get("/api/backups").status()).isEqualTo(200);
        }

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        int refused = RestoreLauncher.run(
                file, restoredDirectory, keys, backups.resolve(ErasureJournal.FILE), printStream(again));
        assertThat(refused).isEqualTo(2);
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("is not empty");
        assertThat(restoredDirectory.resolve("postgres")).isDirectory();
    }

    static Map<String, String> settings(Path dataDirectory, Path backups, boolean demo) {
        Map<String, String> settings = new HashMap<>();
        settings.put("passerelle.database.data-directory", dataDirectory.toString());
        settings.put("passerelle.backup.directory", backups.toString());
        settings.put("passerelle.backup.cron", "-");
        settings.put("passerelle.retention.cron", "-");
        settings.put("passerelle.duplicates.scheduled", "false");
        if (demo) {
            settings.put("passerelle.demo.enabled", "true");
            settings.put("passerelle.demo.persons", "40");
            settings.put("passerelle.demo.consultations-per-person", "2");
            settings.put("passerelle.demo.free-text", "false");
        }
        return settings;
    }

    private static Map<String, Long> counts(JdbcClient jdbc) {
        Map<String, Long> counts = new HashMap<>();
        for (String table : TABLES) {
            counts.put(
                    table,
                    jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    private static boolean exists(JdbcClient jdbc, String personId) {
        return jdbc.sql("select count(*) from people.person where id = ?::uuid")
                        .param(personId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static String chosenName(JdbcClient jdbc, SubjectKeys keys, String personId) {
        byte[] sealed = jdbc.sql("select chosen_name from people.person where id = ?::uuid")
                .param(personId)
                .query(byte[].class)
                .single();
        return keys.existingKey(UUID.fromString(personId)).orElseThrow().open("chosen-name", sealed);
    }

    private static PrintStream printStream(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
