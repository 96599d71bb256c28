package org.passerelle.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Single-use recovery codes such as {@code k7dmq-x3tfa-9hjkm-2pqrs-tuvw8}: 25 characters from 31
 * that cannot be confused when read aloud or copied by hand (about 124 bits), stored as a salted
 * SHA-256 hash. At this entropy (112 bits or more, ASVS 6.5.2) guessing is hopeless without a slow
 * password hash, and checking ten of them stays fast.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    private static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    private static final int LENGTH = 25;
    private static final int GROUP = 5;
    private static final int SALT_BYTES = 16;

    private RecoveryCodes() {}

    static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % GROUP == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    static byte[] newSalt(SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return salt;
    }

    /** The code as typed, without case, spaces or dashes. */
    static String normalise(String typed) {
        return typed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    static byte[] hash(byte[] salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(normalise(code).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static boolean matches(byte[] salt, byte[] hash, String typed) {
        return MessageDigest.isEqual(hash, hash(salt, typed));
    }
}
