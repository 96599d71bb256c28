package org.passerelle.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.passerelle.PasserelleApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./passerelle restore FILE --keys DIR [--journal FILE]}: restores a backup into a new, empty
 * data directory (one that holds anything is refused), with the keys given apart from the backup:
 * the key directory's master key, key epochs, audit key and second-factor key are copied in (the
 * database passwords are generated anew), Passerelle is started on it without its web server, the
 * backup loaded, the erasures of the journal made again and the audit log verified; then it prints
 * what it restored. Exit code 0 when restored with an intact audit log, 3 when the log is broken,
 * 2 when nothing was restored (and the new data directory is removed again).
 */
public final class RestoreLauncher {

    /** The key files a restore takes from the key directory; the database passwords are made anew. */
    static final List<String> KEY_FILES = List.of("master.key", "audit.key", "totp.key", "epochs");

    private RestoreLauncher() {}

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        Path dataDirectory = Path.of(options.getOrDefault("--data-directory", "./data"));
        Path file = Path.of(options.getOrDefault("file", ""));
        Path keys = Path.of(
                options.getOrDefault("--keys", dataDirectory.resolve("keys").toString()));
        Path journal = Path.of(options.getOrDefault(
                "--journal",
                file.toAbsolutePath().resolveSibling(ErasureJournal.FILE).toString()));
        System.exit(run(file, dataDirectory, keys, journal, System.out));
    }

    static int run(Path file, Path dataDirectory, Path keys, Path journal, PrintStream out) {
        List<String> arguments;
        try {
            prepare(file, dataDirectory, keys);
            arguments = arguments(dataDirectory, journal);
        } catch (BackupException e) {
            out.println("Nothing restored: " + e.getMessage());
            return 2;
        }
        try (ConfigurableApplicationContext context =
                SpringApplication.run(PasserelleApplication.class, arguments.toArray(String[]::new))) {
            Restore.Restored restored = context.getBean(Restore.class).restore(file, journal);
            print(restored, out);
            return restored.audit().intact() ? 0 : 3;
        } catch (BackupException e) {
            out.println("Nothing restored: " + e.getMessage());
        } catch (RuntimeException e) {
            out.println("Nothing restored: " + e);
        }
        removeQuietly(dataDirectory);
        return 2;
    }

    /**
     * Checks the data directory is empty, the backup a readable file of a format this version reads,
     * and the key directory holds the backup's epoch; then copies the key files in.
     */
    static void prepare(Path file, Path dataDirectory, Path keys) {
        if (Files.exists(dataDirectory) && !isEmpty(dataDirectory)) {
            throw BackupException.notEmpty(dataDirectory.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw BackupException.unreadable("There is no backup file " + file + ".");
        }
        BackupHeader header = BackupFile.header(file).header();
        BackupFile.verifyChecksum(file);
        if (!Files.isRegularFile(keys.resolve("epochs").resolve(header.epoch() + ".key"))) {
            throw BackupException.epochDestroyed(header.epoch());
        }
        try {
            Path target = Files.createDirectories(dataDirectory.resolve("keys"));
            for (String name : KEY_FILES) {
                copy(keys.resolve(name), target.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the keys into " + dataDirectory, e);
        }
    }

    private static List<String> arguments(Path dataDirectory, Path journal) {
        byte[] throwaway = new byte[24];
        new SecureRandom().nextBytes(throwaway);
        return List.of(
                "--spring.main.web-application-type=none",
                "--passerelle.database.data-directory=" + dataDirectory.toAbsolutePath(),
                "--passerelle.database.bulk-load=true",
                // the administrator a new installation creates is replaced by the backup's users
                "--passerelle.admin.initial-password=" + HexFormat.of().formatHex(throwaway),
                "--passerelle.backup.recovery-sheet=false",
                // the erasures made again are journaled beside the journal read, as the server will
                "--passerelle.backup.directory=" + journal.toAbsolutePath().getParent(),
                "--passerelle.backup.cron=-",
                "--passerelle.retention.cron=-",
                "--passerelle.reporting.refresh-delay=PT24H",
                "--passerelle.duplicates.scheduled=false",
                "--logging.structured.format.console=",
                "--logging.level.root=warn");
    }

    private static void print(Restore.Restored restored, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "Backup of %s restored (made by Passerelle %s, key epoch %d).%n",
                restored.header().createdAt(),
                restored.header().appVersion(),
                restored.header().epoch());
        out.printf(Locale.ROOT, "Checked, opened and loaded in %.1f s.%n", restored.loadMillis() / 1000.0);
        out.println("Rows per record type:");
        restored.rows().forEach((table, rows) -> out.printf(Locale.ROOT, "  %-45s %,d%n", table, rows));
        out.printf(Locale.ROOT, "Persons erased again from the erasure journal: %d%n", restored.erasedAgain());
        out.printf(
                Locale.ROOT,
                "Audit log: %s (%,d entries)%n",
                restored.audit().intact()
                        ? "intact"
                        : "BROKEN: " + restored.audit().problem(),
                restored.audit().entries());
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        if (Files.isDirectory(from)) {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path child : files.toList()) {
                    copy(child, to.resolve(child.getFileName().toString()));
                }
            }
        } else {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeQuietly(Path directory) {
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("Could not remove " + directory + ": " + e.getMessage());
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        if (rest.size() != 1) {
            System.out.println("usage: restore FILE [--keys DIR] [--journal FILE] [--data-directory DIR]");
            System.exit(2);
        }
        options.put("file", rest.getFirst());
        return options;
    }
}
