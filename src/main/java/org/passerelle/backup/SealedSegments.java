package org.passerelle.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The body of a backup, sealed with the JDK's AES-256-GCM in segments of 1 MiB, so that a file of
 * any size is written and read in constant memory: the online authenticated encryption of Hoang,
 * Reyhanitabar, Rogaway and Vizár ("STREAM"), as Tink's streaming AEAD does it. The key is unique to
 * the file (derived with its random salt), so each nonce is the segment's number and a flag for the
 * last segment; every segment's associated data is the file's header. A segment changed, removed,
 * moved or added, or a file cut short at any point, fails to open.
 */
final class SealedSegments {

    static final int SEGMENT = 1 << 20;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;

    private SealedSegments() {}

    static OutputStream sealing(OutputStream out, SecretKey key, byte[] header) {
        return new Sealing(new DataOutputStream(out), key, header);
    }

    static InputStream opening(InputStream in, SecretKey key, byte[] header) {
        return new Opening(new DataInputStream(in), key, header);
    }

    private static byte[] nonce(long segment, boolean last) {
        return ByteBuffer.allocate(12).putLong(segment).putInt(last ? 1 : 0).array();
    }

    private static Cipher cipher(int mode, SecretKey key, long segment, boolean last, byte[] header) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce(segment, last)));
            cipher.updateAAD(header);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static final class Sealing extends OutputStream {

        private final DataOutputStream out;
        private final SecretKey key;
        private final byte[] header;
        private final byte[] buffer = new byte[SEGMENT];
        private int filled;
        private long segment;
        private boolean closed;

        Sealing(DataOutputStream out, SecretKey key, byte[] header) {
            this.out = out;
            this.key = key;
            this.header = header.clone();
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int done = 0;
            while (done < length) {
                if (filled == SEGMENT) {
                    seal(false);
                }
                int chunk = Math.min(length - done, SEGMENT - filled);
                System.arraycopy(bytes, offset + done, buffer, filled, chunk);
                filled += chunk;
                done += chunk;
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, segment++, last, header)
                        .doFinal(buffer, 0, filled);
                out.writeInt(sealed.length);
                out.write(sealed);
                filled = 0;
            } catch (GeneralSecurityException e) {
                throw new IOException("could not seal a segment", e);
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                seal(true);
                out.close();
            }
        }
    }

    private static final class Opening extends InputStream {

        private final DataInputStream in;
        private final SecretKey key;
        private final byte[] header;
        private byte[] plain = new byte[0];
        private int position;
        private long segment;
        private int nextLength;
        private boolean ended;

        Opening(DataInputStream in, SecretKey key, byte[] header) {
            this.in = in;
            this.key = key;
            this.header = header.clone();
            this.nextLength = -2;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            while (position == plain.length) {
                if (ended) {
                    return -1;
                }
                openNext();
            }
            int chunk = Math.min(length, plain.length - position);
            System.arraycopy(plain, position, bytes, offset, chunk);
            position += chunk;
            return chunk;
        }

        private void openNext() throws IOException {
            int length = nextLength == -2 ? readLength() : nextLength;
            if (length < TAG_BYTES || length > SEGMENT + TAG_BYTES) {
                throw BackupException.truncated();
            }
            byte[] sealed = new byte[length];
            try {
                in.readFully(sealed);
            } catch (EOFException e) {
                throw BackupException.truncated();
            }
            nextLength = readLength();
            boolean last = nextLength < 0;
            try {
                plain = cipher(Cipher.DECRYPT_MODE, key, segment, last, header).doFinal(sealed);
            } catch (AEADBadTagException e) {
                throw segment == 0 ? BackupException.wrongKey() : BackupException.corrupted("segment " + segment);
            } catch (GeneralSecurityException e) {
                throw BackupException.corrupted("segment " + segment);
            }
            segment++;
            position = 0;
            ended = last;
        }

        /** The next segment's length, or -1 at the end of the file. */
        private int readLength() throws IOException {
            byte[] four = new byte[4];
            int read = in.readNBytes(four, 0, 4);
            if (read == 0) {
                return -1;
            }
            if (read < 4) {
                throw BackupException.truncated();
            }
            return ByteBuffer.wrap(four).getInt();
        }

        @Override
        public void close() throws IOException {
            Arrays.fill(plain, (byte) 0);
            in.close();
        }
    }
}
