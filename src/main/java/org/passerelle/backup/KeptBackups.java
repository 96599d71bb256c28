package org.passerelle.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What stays in the backup directory after a backup: the newest backups up to the number kept
 * (their names sort by time), and only the lines of the erasure journal a kept backup may still need.
 * A restore replays the erasures committed after its backup was started; an erasure journalled
 * before the oldest kept backup was started is in every kept backup already, so its line goes
 * (with an hour's margin for a clock set back).
 */
@Component
class KeptBackups {

    private static final Logger log = LoggerFactory.getLogger(KeptBackups.class);
    static final Duration MARGIN = Duration.ofHours(1);

    private final BackupSettings settings;
    private final ErasureJournal journal;

    KeptBackups(BackupSettings settings, ErasureJournal journal) {
        this.settings = settings;
        this.journal = journal;
    }

    /** Deletes the backups beyond the number kept, oldest first, then the journal lines none of them needs. */
    void prune(Path directory) throws IOException {
        List<Path> newestFirst = backups(directory);
        for (Path old : newestFirst.stream().skip(settings.keep()).toList()) {
            Files.deleteIfExists(old);
            log.info("Backup {} deleted: more than {} kept", old.getFileName(), settings.keep());
        }
        Optional<Instant> oldest = newestFirst.stream()
                .limit(settings.keep())
                .map(KeptBackups::startedAt)
                .min(Comparator.naturalOrder());
        if (oldest.isPresent()) {
            int removed = journal.pruneBefore(oldest.get().minus(MARGIN));
            if (removed > 0) {
                log.info("{} erasures older than every kept backup removed from the erasure journal", removed);
            }
        }
    }

    static List<Path> backups(Path directory) throws IOException {
        try (Stream<Path> listed = Files.list(directory)) {
            return listed.filter(KeptBackups::isBackup)
                    .sorted(Comparator.comparing(
                                    (Path file) -> file.getFileName().toString())
                            .reversed())
                    .toList();
        }
    }

    static boolean isBackup(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(Backups.PREFIX) && name.endsWith(BackupFile.EXTENSION);
    }

    /** When a backup was started, from its name ({@code passerelle-yyyyMMdd-HHmmss-SSS.pbak}, UTC). */
    static Instant startedAt(Path file) {
        String name = file.getFileName().toString();
        String stamp = name.substring(Backups.PREFIX.length(), name.length() - BackupFile.EXTENSION.length());
        return Instant.from(Backups.NAME.parse(stamp));
    }
}
