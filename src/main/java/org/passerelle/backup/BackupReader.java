package org.passerelle.backup;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import javax.crypto.SecretKey;
import org.passerelle.platform.crypto.KeyEpochs;
import org.springframework.stereotype.Component;

/**
 * Opens backup files with the key epochs this installation holds: a header alone, a whole file
 * read through to check that it restores (checksum, every segment's tag, the compressed stream),
 * or its body handed to a restore.
 */
@Component
class BackupReader {

    private final KeyEpochs epochs;

    BackupReader(KeyEpochs epochs) {
        this.epochs = epochs;
    }

    BackupHeader header(Path file) {
        return BackupFile.header(file).header();
    }

    /** Whether the file's key epoch still exists here, so that it can be read at all. */
    boolean restorable(BackupHeader header) {
        return epochs.alive(header.epoch());
    }

    /** Reads the whole file, as a restore would, without writing anything; throws what is wrong. */
    void verify(Path file) {
        BackupFile.verifyChecksum(file);
        BackupFile.read(file, this::key, (header, body) -> body.transferTo(OutputStream.nullOutputStream()));
    }

    <T> T read(Path file, Body<T> reader) {
        return BackupFile.read(file, this::key, (header, body) -> reader.read(header, new DataInputStream(body)));
    }

    /** Reads a backup's decompressed, opened body. */
    interface Body<T> {
        T read(BackupHeader header, DataInputStream body) throws IOException;
    }

    private SecretKey key(BackupHeader header) {
        if (!epochs.alive(header.epoch())) {
            throw BackupException.epochDestroyed(header.epoch());
        }
        return epochs.backupKey(header.epoch(), header.salt());
    }
}
