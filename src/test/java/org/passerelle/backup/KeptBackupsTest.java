package org.passerelle.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.access.CurrentUsers;

/**
 * After a backup, the directory keeps the newest backups up to the number kept, and the erasure
 * journal keeps every erasure a kept backup may still have to replay: those journalled after the
 * oldest kept backup was started, with an hour's margin, and drops the older ones.
 */
class KeptBackupsTest {

    @TempDir
    Path directory;

    @Test
    void keepsTheNewestBackupsAndTheErasuresTheOldestKeptOneMayReplay() throws IOException {
        for (String name : List.of("20261201-013000-000", "20261202-013000-000", "20261203-013000-000")) {
            Files.writeString(directory.resolve(Backups.PREFIX + name + BackupFile.EXTENSION), "backup");
        }
        String beforeEveryKept = line("2026-12-01T12:00:00Z");
        String withinTheMargin = line("2026-12-02T00:45:00Z");
        String afterTheOldestKept = line("2026-12-02T09:00:00Z");
        String afterTheNewest = line("2026-12-03T09:00:00Z");
        Files.writeString(
                directory.resolve(ErasureJournal.FILE),
                beforeEveryKept + withinTheMargin + afterTheOldestKept + afterTheNewest,
                StandardCharsets.US_ASCII);
        BackupSettings settings = new BackupSettings(directory, "-", 2);
        ErasureJournal journal = new ErasureJournal(settings, (CurrentUsers) null, Clock.systemUTC());

        new KeptBackups(settings, journal).prune(directory);

        assertThat(KeptBackups.backups(directory))
                .extracting(file -> file.getFileName().toString())
                .containsExactly(
                        "passerelle-20261203-013000-000" + BackupFile.EXTENSION,
                        "passerelle-20261202-013000-000" + BackupFile.EXTENSION);
        assertThat(Files.readString(directory.resolve(ErasureJournal.FILE), StandardCharsets.US_ASCII))
                .isEqualTo(withinTheMargin + afterTheOldestKept + afterTheNewest);
        assertThat(ErasureJournal.read(directory.resolve(ErasureJournal.FILE))).hasSize(3);
        assertThat(KeptBackups.startedAt(KeptBackups.backups(directory).getLast()))
                .isEqualTo(Instant.parse("2026-12-02T01:30:00Z"));
    }

    private static String line(String instant) {
        return UUID.randomUUID() + " "
                + Instant.parse(instant).atOffset(ZoneOffset.UTC).toInstant() + " -\n";
    }
}
