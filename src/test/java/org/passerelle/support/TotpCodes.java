package org.passerelle.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes TOTP codes as an authenticator app would, from the Base32 secret the API returned, and
 * remembers each test user's secret so that later logins can give a code. The server refuses a
 * code twice, so each code handed out is of a later time step than the last one, moving the
 * applications' clock ({@link MovableClock}) to the next step when that is needed.
 */
public final class TotpCodes {

    private static final Map<String, String> SECRETS_BY_USER = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEP_BY_SECRET = new ConcurrentHashMap<>();

    private TotpCodes() {}

    public static void remember(String userId, String secret) {
        SECRETS_BY_USER.put(userId, secret);
    }

    public static Optional<String> secretOf(String userId) {
        return Optional.ofNullable(SECRETS_BY_USER.get(userId));
    }

    /**
     * A code not handed out before for this secret: of the current step, or of the next one (which
     * the server accepts as one step of drift); beyond that the clock moves to the step's start.
     */
    public static synchronized String fresh(String secret) {
        long current = step(MovableClock.now());
        long step = Math.max(current, LAST_STEP_BY_SECRET.getOrDefault(secret, Long.MIN_VALUE) + 1);
        if (step > current + 1) {
            MovableClock.advance(Duration.between(MovableClock.now(), Instant.ofEpochSecond((step - 1) * 30)));
        }
        LAST_STEP_BY_SECRET.put(secret, step);
        return code(secret, step);
    }

    public static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), 30);
    }

    /** The 6-digit code of one time step (RFC 6238 with HMAC-SHA1). */
    public static String code(String secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[19] & 0x0f;
            int binary = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer bytes = ByteBuffer.allocate(text.length() * 5 / 8);
        long buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                bytes.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return bytes.array();
    }
}
