package org.passerelle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.audit.AuditChain.Kind;
import org.passerelle.audit.AuditChain.Problem;
import org.passerelle.audit.AuditChain.Verification;
import org.passerelle.platform.database.DatabaseProperties;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exports the audit log, then tampers with the file as someone holding it but not the audit key
 * would, and checks it offline: through the same walk as the server's verification, with the key
 * alone and no database.
 */
@PasserelleTest
class AuditExportTest {

    @Autowired
    AuditExport export;

    @Autowired
    AuditLog log;

    @Autowired
    AuditKey key;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    DatabaseProperties database;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anExportVerifiesOfflineWithTheKeyAloneAndHoldsItsOwnAuditLine(@TempDir Path directory) throws IOException {
        log.recordBySystem(AuditAction.READ, "person", UUID.randomUUID(), "SUCCESS");
        export.recordBySystem();
        long own = jdbc.sql("select max(id) from audit.audit_event")
                .query(Long.class)
                .single();
        List<String> lines = exported();

        Verification verification = verify(lines);

        assertThat(verification.intact()).as(verification.problems().toString()).isTrue();
        long sealed = jdbc.sql("select count(*) from audit.audit_seal")
                .query(Long.class)
                .single();
        assertThat(verification.entries()).isGreaterThanOrEqualTo(sealed);
        assertThat(verification.checkpointPosition()).isNotNull().isPositive();
        assertThat(lines)
                .anyMatch(line -> line.contains("\"id\":" + own + ",") && line.contains("\"action\":\"EXPORT\""));
        Path file = directory.resolve("audit.jsonl");
        Files.write(file, lines);
        Path keyFile = database.dataDirectory().resolve("keys").resolve("audit.key");
        assertThat(AuditExportVerifier.run(new String[] {file.toString(), "--key-file", keyFile.toString()}))
                .isZero();
    }

    @Test
    void findsOneFieldEditedAndNamesTheEntryAndItsPosition(@TempDir Path directory) throws IOException {
        UUID person = UUID.randomUUID();
        log.recordBySystem(AuditAction.READ, "person", person, "SUCCESS");
        List<String> lines = exported();
        int index = indexOf(lines, person);
        ObjectNode line = (ObjectNode) AuditExportFormat.JSON.readTree(lines.get(index));
        ((ObjectNode) line.get("entry")).put("actorName", "someone else");
        lines.set(index, AuditExportFormat.JSON.writeValueAsString(line));

        Verification verification = verify(lines);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenPosition())
                .isEqualTo(line.get("position").asLong());
        assertThat(verification.problems().getFirst())
                .extracting(Problem::kind, Problem::entryId)
                .containsExactly(Kind.CHANGED, line.get("eventId").asLong());
        Path file = directory.resolve("edited.jsonl");
        Files.write(file, lines);
        Path keyFile = database.dataDirectory().resolve("keys").resolve("audit.key");
        assertThat(AuditExportVerifier.run(new String[] {file.toString(), "--key-file", keyFile.toString()}))
                .isEqualTo(AuditExportVerifier.BROKEN);
    }

    @Test
    void findsAnEditedEntryWhoseEncodingWasEditedToo() {
        UUID person = UUID.randomUUID();
        log.recordBySystem(AuditAction.READ, "person", person, "SUCCESS");
        List<String> lines = exported();
        int index = indexOf(lines, person);
        ObjectNode line = (ObjectNode) AuditExportFormat.JSON.readTree(lines.get(index));
        SignedEntry forged = AuditExportFormat.entry(line.get("entry"));
        forged = new SignedEntry(
                forged.id(),
                forged.occurredAt(),
                forged.actorId(),
                forged.actorName(),
                forged.action(),
                forged.recordType(),
                UUID.randomUUID(),
                forged.siteId(),
                forged.outcome());
        line.set("entry", AuditExportFormat.entry(forged));
        line.put("encoding", Base64.getEncoder().encodeToString(forged.encode()));
        lines.set(index, AuditExportFormat.JSON.writeValueAsString(line));

        Verification verification = verify(lines);

        assertThat(verification.problems().getFirst())
                .extracting(Problem::kind, Problem::position, Problem::entryId)
                .containsExactly(Kind.CHANGED, line.get("position").asLong(), forged.id());
    }

    @Test
    void findsADeletedEntry() {
        UUID person = UUID.randomUUID();
        log.recordBySystem(AuditAction.READ, "person", person, "SUCCESS");
        log.recordBySystem(AuditAction.READ, "person", UUID.randomUUID(), "SUCCESS");
        List<String> lines = exported();
        int index = indexOf(lines, person);
        long position = AuditExportFormat.JSON
                .readTree(lines.get(index))
                .get("position")
                .asLong();
        lines.remove(index);

        Verification verification = verify(lines);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenPosition()).isEqualTo(position);
        assertThat(verification.problems().getFirst().kind()).isEqualTo(Kind.REMOVED);
    }

    @Test
    void findsTwoEntriesSwapped() {
        UUID first = UUID.randomUUID();
        log.recordBySystem(AuditAction.READ, "person", first, "SUCCESS");
        log.recordBySystem(AuditAction.READ, "person", UUID.randomUUID(), "SUCCESS");
        List<String> lines = exported();
        int index = indexOf(lines, first);
        long position = AuditExportFormat.JSON
                .readTree(lines.get(index))
                .get("position")
                .asLong();
        lines.add(index + 1, lines.remove(index));

        Verification verification = verify(lines);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenPosition()).isEqualTo(position);
    }

    @Test
    void findsTheTailCutOffAfterTheLastCheckpoint() throws IOException {
        log.recordBySystem(AuditAction.READ, "person", UUID.randomUUID(), "SUCCESS");
        export.writeTo(OutputStream.nullOutputStream());
        String older = checkpoints.line();
        log.recordBySystem(AuditAction.READ, "person", UUID.randomUUID(), "SUCCESS");
        log.recordBySystem(AuditAction.READ, "person", UUID.randomUUID(), "SUCCESS");
        export.writeTo(OutputStream.nullOutputStream());
        String current = checkpoints.line();
        List<String> lines;
        // Entries sealed after the checkpoint was last written (a crash between the two, say).
        Files.writeString(checkpoints.file(), older + "\n");
        try {
            lines = exported();
        } finally {
            Files.writeString(checkpoints.file(), current + "\n");
        }
        long checkpoint = AuditCheckpoints.parse(older, key).position();
        int cut = 0;
        while (!isSeal(lines.get(cut), checkpoint)) {
            cut++;
        }
        List<String> truncated = new ArrayList<>(lines.subList(0, cut + 1));
        assertThat(lines.size()).as("entries after the checkpoint").isGreaterThan(truncated.size() + 2);

        Verification verification = verify(truncated);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.problems())
                .extracting(Problem::kind, Problem::position)
                .containsExactly(tuple(Kind.REMOVED, checkpoint + 1));
        assertThat(verification.problem()).contains("signed end");
        assertThat(verify(lines).intact())
                .as("the whole export, checked against the older checkpoint")
                .isTrue();
    }

    @Test
    void findsTheTailCutOffWithTheSignedEndKept() {
        log.recordBySystem(AuditAction.READ, "person", UUID.randomUUID(), "SUCCESS");
        log.recordBySystem(AuditAction.READ, "person", UUID.randomUUID(), "SUCCESS");
        List<String> lines = exported();
        String end = lines.getLast();
        List<String> truncated = new ArrayList<>(lines.subList(0, lines.size() - 2));
        truncated.add(end);

        Verification verification = verify(truncated);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.problems()).extracting(Problem::kind).contains(Kind.REMOVED);
    }

    @Test
    void findsAnEndForgedWithoutTheKey() {
        List<String> lines = exported();
        ObjectNode end = (ObjectNode) AuditExportFormat.JSON.readTree(lines.getLast());
        end.put("lines", end.get("lines").asLong() - 1);
        lines.remove(lines.size() - 2);
        lines.set(lines.size() - 1, AuditExportFormat.JSON.writeValueAsString(end));

        Verification verification = verify(lines);

        assertThat(verification.problems()).extracting(Problem::kind).contains(Kind.CHECKPOINT);
    }

    private List<String> exported() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeTo(out);
        return new ArrayList<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n")));
    }

    private Verification verify(List<String> lines) {
        try {
            return AuditExportVerifier.verify(new BufferedReader(new StringReader(String.join("\n", lines))), key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isSeal(String line, long position) {
        JsonNode node = AuditExportFormat.JSON.readTree(line);
        return node.path("type").asString("").equals("sealed")
                && node.path("position").asLong() == position;
    }

    private static int indexOf(List<String> lines, UUID recordId) {
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = AuditExportFormat.JSON.readTree(lines.get(i));
            if (recordId.toString().equals(line.path("entry").path("recordId").asString(null))) {
                return i;
            }
        }
        throw new AssertionError("no line for " + recordId);
    }
}
