package org.passerelle.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup file on its own: what is written reads back, and a damaged, cut, re-keyed or newer
 * file is refused with its own code before anything could be restored from it.
 */
class BackupFileTest {

    private static final SecretKey KEY = new SecretKeySpec(new byte[32], "AES");
    private static final SecretKey OTHER_KEY = new SecretKeySpec(filled(32, (byte) 7), "AES");

    @TempDir
    Path directory;

    Path file;
    byte[] content;

    @BeforeEach
    void writeABackupOfMoreThanTwoSegments() throws IOException {
        content = new byte[SealedSegments.SEGMENT * 2 + 12_345];
        new Random(42).nextBytes(content);
        file = directory.resolve("backup" + BackupFile.EXTENSION);
        BackupFile.write(file, header(), KEY, body -> body.write(content));
    }

    @Test
    void readsBackWhatItWroteAndKeepsTheHeaderInClear() throws IOException {
        byte[] read = BackupFile.read(file, header -> KEY, (header, body) -> body.readAllBytes());

        assertThat(read).isEqualTo(content);
        BackupFile.verifyChecksum(file);
        assertThat(BackupFile.header(file).header()).isEqualTo(header());
        assertThat(Files.readString(
                        file.resolveSibling(file.getFileName()), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("epoch=3")
                .contains("schema.people=10.1")
                .doesNotContain(new String(content, 0, 64, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void findsAChangedByteByItsChecksumAndByItsSegmentsTag() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 5000] ^= 1;
        Files.write(file, bytes);

        BackupException checksum = catchThrowableOfType(BackupException.class, () -> BackupFile.verifyChecksum(file));
        BackupException opening = catchThrowableOfType(BackupException.class, () -> readAll(KEY));

        assertThat(checksum.code()).isEqualTo("backup-corrupted");
        assertThat(checksum.getMessage()).contains("checksum");
        assertThat(opening.code()).isEqualTo("backup-corrupted");
    }

    @Test
    void findsAFileCutShortEvenAtASegmentsEnd() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int atSegmentEnd = bytes.length - (12_345 + 16 + 4 + 200);
        for (int length : new int[] {bytes.length - 1, atSegmentEnd, 60}) {
            Files.write(file, Arrays.copyOf(bytes, length));

            BackupException checksum =
                    catchThrowableOfType(BackupException.class, () -> BackupFile.verifyChecksum(file));
            BackupException opening = catchThrowableOfType(BackupException.class, () -> readAll(KEY));

            assertThat(checksum.code()).as("cut at %d", length).isEqualTo("backup-corrupted");
            assertThat(opening.code()).as("cut at %d", length).isIn("backup-corrupted", "backup-wrong-key");
        }
    }

    @Test
    void refusesTheWrongKey() {
        BackupException wrong = catchThrowableOfType(BackupException.class, () -> readAll(OTHER_KEY));

        assertThat(wrong.code()).isEqualTo("backup-wrong-key");
    }

    @Test
    void refusesANewerFormatVersionClearly() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt("PASSERELLE-BACKUP\n".length(), BackupFile.FORMAT_VERSION + 1);
        Files.write(file, bytes);

        BackupException newer = catchThrowableOfType(BackupException.class, () -> BackupFile.header(file));

        assertThat(newer.code()).isEqualTo("backup-newer-format");
        assertThat(newer.getMessage()).contains("format " + (BackupFile.FORMAT_VERSION + 1));
    }

    @Test
    void refusesAFileThatIsNoBackup() throws IOException {
        Path other = Files.writeString(directory.resolve("notes.txt"), "not a backup at all, but long enough");

        BackupException refused = catchThrowableOfType(BackupException.class, () -> BackupFile.header(other));

        assertThat(refused.code()).isEqualTo("backup-unknown-file");
    }

    @Test
    void neverOverwritesAnExistingFile() {
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                () -> BackupFile.write(file, header(), KEY, OutputStream::flush));

        assertThat(refused).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(file).exists();
    }

    private void readAll(SecretKey key) {
        BackupFile.read(file, header -> key, (header, body) -> body.readAllBytes());
    }

    private static BackupHeader header() {
        return new BackupHeader(
                BackupFile.FORMAT_VERSION,
                "test",
                3,
                Instant.parse("2026-12-07T01:30:00Z"),
                filled(32, (byte) 1),
                Map.of("people", "10.1", "keys.vault", "2"));
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
