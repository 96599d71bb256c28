package org.passerelle.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.crypto.SecretKey;

/**
 * The layout of a backup file: a magic line, the format version, the {@linkplain BackupHeader
 * header} in clear, the SHA-256 of everything else in the file (so that a copy is checked without
 * any key and without restoring), then the body, gzip-compressed and {@linkplain SealedSegments
 * sealed}. No key is ever written into it: the body's key is derived from the key epoch, which
 * stays in the key directory.
 */
final class BackupFile {

    static final int FORMAT_VERSION = 1;
    static final String EXTENSION = ".pbak";
    private static final byte[] MAGIC = "PASSERELLE-BACKUP\n".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECKSUM_BYTES = 32;
    private static final int MAX_HEADER = 64 * 1024;

    private BackupFile() {}

    /** What the body's writer writes into: the compressed, sealed stream. */
    interface BodyWriter {
        void write(OutputStream body) throws IOException;
    }

    /**
     * Writes {@code file} (which must not exist): header, a checksum slot, the body; then the
     * checksum into its slot. The file is forced to the disk before this returns.
     */
    static void write(Path file, BackupHeader header, SecretKey key, BodyWriter body) throws IOException {
        byte[] prefix = prefix(header);
        MessageDigest digest = sha256();
        digest.update(prefix);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(prefix));
            channel.write(ByteBuffer.allocate(CHECKSUM_BYTES));
            OutputStream raw =
                    new DigestOutputStream(
                            new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), digest) {
                        @Override
                        public void close() throws IOException {
                            flush();
                        }
                    };
            try (OutputStream compressed = new FastGzip(SealedSegments.sealing(raw, key, prefix))) {
                body.write(compressed);
            }
            channel.write(ByteBuffer.wrap(digest.digest()), prefix.length);
            channel.force(true);
        }
    }

    /** Reads the header alone, refusing a file that is not a backup or is of a newer format. */
    static Opened header(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return readPrefix(in);
        } catch (EOFException e) {
            throw BackupException.truncated();
        } catch (IOException e) {
            throw BackupException.unreadable("Could not read " + file + ": " + e.getMessage());
        }
    }

    /** Checks the checksum of the whole file, without any key. */
    static void verifyChecksum(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            Opened opened = readPrefix(in);
            MessageDigest digest = sha256();
            digest.update(opened.prefix());
            try (InputStream body = new DigestInputStream(in, digest)) {
                body.transferTo(OutputStream.nullOutputStream());
            }
            if (!MessageDigest.isEqual(digest.digest(), opened.checksum())) {
                throw BackupException.corrupted("its checksum does not match");
            }
        } catch (EOFException e) {
            throw BackupException.truncated();
        } catch (IOException e) {
            throw BackupException.unreadable("Could not read " + file + ": " + e.getMessage());
        }
    }

    /**
     * Opens the body with the key the header names ({@code keys} gives it or refuses) and hands the
     * decompressed stream to {@code reader}.
     */
    static <T> T read(Path file, Function<BackupHeader, SecretKey> keys, BodyReader<T> reader) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            Opened opened = readPrefix(in);
            SecretKey key = keys.apply(opened.header());
            try (InputStream body = new GZIPInputStream(SealedSegments.opening(in, key, opened.prefix()), 1 << 16)) {
                return reader.read(opened.header(), body);
            }
        } catch (EOFException e) {
            throw BackupException.truncated();
        } catch (java.util.zip.ZipException e) {
            throw BackupException.corrupted("its compressed content");
        } catch (IOException e) {
            throw BackupException.unreadable("Could not read " + file + ": " + e.getMessage());
        }
    }

    /** Reads a backup's decompressed body. */
    interface BodyReader<T> {
        T read(BackupHeader header, InputStream body) throws IOException;
    }

    /** The clear part of a file: the header, the bytes it was read from, and the stored checksum. */
    record Opened(BackupHeader header, byte[] prefix, byte[] checksum) {}

    private static Opened readPrefix(DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw BackupException.notABackup();
        }
        int version = in.readInt();
        if (version > FORMAT_VERSION) {
            throw BackupException.newerFormat(version, FORMAT_VERSION);
        }
        if (version < 1) {
            throw BackupException.corrupted("an impossible format version");
        }
        int length = in.readInt();
        if (length <= 0 || length > MAX_HEADER) {
            throw BackupException.corrupted("an impossible header length");
        }
        byte[] text = new byte[length];
        in.readFully(text);
        byte[] checksum = new byte[CHECKSUM_BYTES];
        in.readFully(checksum);
        BackupHeader header = BackupHeader.decode(version, text);
        byte[] prefix = ByteBuffer.allocate(MAGIC.length + 8 + length)
                .put(MAGIC)
                .putInt(version)
                .putInt(length)
                .put(text)
                .array();
        return new Opened(header, prefix, checksum);
    }

    private static byte[] prefix(BackupHeader header) {
        byte[] text = header.encode();
        return ByteBuffer.allocate(MAGIC.length + 8 + text.length)
                .put(MAGIC)
                .putInt(header.formatVersion())
                .putInt(text.length)
                .put(text)
                .array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** gzip at its fastest level: the sealed names and keys do not compress, the rest does quickly. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
