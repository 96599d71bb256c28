package org.passerelle.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One table's {@code COPY} stream inside a backup's body, cut into frames of at most 64 KiB each
 * preceded by its length, with an empty frame at its end: the body holds many tables one after
 * another, and a table's stream has no length known in advance.
 */
final class Framed {

    private static final int FRAME = 1 << 16;

    private Framed() {}

    static OutputStream writer(DataOutputStream out) {
        return new OutputStream() {
            private final byte[] buffer = new byte[FRAME];
            private int filled;

            @Override
            public void write(int b) throws IOException {
                if (filled == FRAME) {
                    flushFrame();
                }
                buffer[filled++] = (byte) b;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                int done = 0;
                while (done < length) {
                    if (filled == FRAME) {
                        flushFrame();
                    }
                    int chunk = Math.min(length - done, FRAME - filled);
                    System.arraycopy(bytes, offset + done, buffer, filled, chunk);
                    filled += chunk;
                    done += chunk;
                }
            }

            private void flushFrame() throws IOException {
                out.writeInt(filled);
                out.write(buffer, 0, filled);
                filled = 0;
            }

            @Override
            public void close() throws IOException {
                if (filled > 0) {
                    flushFrame();
                }
                out.writeInt(0);
            }
        };
    }

    static InputStream reader(DataInputStream in) {
        return new InputStream() {
            private int remaining;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                while (remaining == 0) {
                    if (ended) {
                        return -1;
                    }
                    remaining = in.readInt();
                    if (remaining < 0 || remaining > FRAME) {
                        throw BackupException.corrupted("an impossible frame length");
                    }
                    ended = remaining == 0;
                }
                int read = in.read(bytes, offset, Math.min(length, remaining));
                if (read < 0) {
                    throw BackupException.truncated();
                }
                remaining -= read;
                return read;
            }

            /** Reads to the end of the table's stream, so that the next entry can be read. */
            @Override
            public void close() throws IOException {
                transferTo(OutputStream.nullOutputStream());
            }
        };
    }
}
