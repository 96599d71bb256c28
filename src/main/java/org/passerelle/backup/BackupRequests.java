package org.passerelle.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.passerelle.platform.database.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code ./passerelle backup} while Passerelle runs: the script cannot start a second server on the
 * same data directory, so it leaves a request file there ({@code backup.request}); the running
 * server makes the backup and answers in {@code backup.done} with the same line the command prints.
 * Only who may write into the data directory (who holds the keys already) can ask.
 */
@Component
class BackupRequests {

    static final String REQUEST = "backup.request";
    static final String DONE = "backup.done";
    private static final Logger log = LoggerFactory.getLogger(BackupRequests.class);

    private final Backups backups;
    private final BackupSettings settings;
    private final Path directory;

    BackupRequests(Backups backups, BackupSettings settings, DatabaseProperties database) {
        this.backups = backups;
        this.settings = settings;
        this.directory = database.dataDirectory().toAbsolutePath().normalize();
    }

    @Scheduled(fixedDelay = 5_000, initialDelay = 5_000)
    void answerRequest() {
        Path request = directory.resolve(REQUEST);
        if (!Files.exists(request)) {
            return;
        }
        String answer;
        try {
            answer = BackupCommand.describe(backups.backUp(Backups.MadeBy.COMMAND), settings);
        } catch (RuntimeException e) {
            answer = "Backup not made: " + e.getMessage();
        }
        try {
            Path temporary = directory.resolve(DONE + ".tmp");
            Files.writeString(temporary, answer + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, directory.resolve(DONE), StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(request);
        } catch (IOException e) {
            log.error("Could not answer the backup request: {}", e.getMessage());
        }
    }
}
