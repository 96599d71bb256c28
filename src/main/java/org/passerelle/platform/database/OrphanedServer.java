package org.passerelle.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL left running on the data directory by a Passerelle that died without
 * stopping it (killed, or the machine's power cut while the process survived). The embedded server
 * library holds a file lock ({@code epg-lock}) while its process lives; when nobody holds it and
 * {@code postmaster.pid} names a live postgres for this very directory, that postgres is an orphan:
 * it is asked for a fast shutdown (its clients are gone with the process that died), so the next
 * start does not wait for a server that can never start beside it.
 */
final class OrphanedServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private OrphanedServer() {}

    /** Stops an orphaned postmaster of {@code directory}, if there is one; leaves a live owner's server alone. */
    static void stopIfAny(Path directory) {
        Optional<ProcessHandle> postmaster = runningPostmaster(directory);
        if (postmaster.isEmpty() || ownedByALiveProcess(directory)) {
            return;
        }
        ProcessHandle orphan = postmaster.get();
        log.warn(
                "An embedded PostgreSQL (pid {}) was left running on {} by a process that died: stopping it",
                orphan.pid(),
                directory);
        signal(orphan, "-INT");
        try {
            orphan.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException slow) {
            log.warn("The orphaned PostgreSQL did not stop within {}: killing it", SHUTDOWN_WAIT);
            orphan.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for the orphaned PostgreSQL to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the orphaned PostgreSQL", e);
        }
    }

    /** The live postgres process that {@code postmaster.pid} names for this directory, if any. */
    static Optional<ProcessHandle> runningPostmaster(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            if (lines.size() < 2 || !Path.of(lines.get(1).strip()).equals(directory.toAbsolutePath())) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().orElse("").endsWith("postgres"));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    /** Whether a live process (this one or another) holds the embedded server library's lock on the directory. */
    private static boolean ownedByALiveProcess(Path directory) {
        Path lockFile = directory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException heldHere) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check the lock of " + directory, e);
        }
    }

    private static void signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            kill.getInputStream().readAllBytes();
            if (kill.waitFor() != 0) {
                process.destroy();
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
