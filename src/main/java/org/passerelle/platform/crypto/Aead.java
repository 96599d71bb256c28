package org.passerelle.platform.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a fresh random 96-bit nonce per message. A sealed message is
 * {@code version (1 byte) | nonce (12) | ciphertext and tag}; the associated data binds a ciphertext
 * to its place (record and field), so it cannot be moved to another record unnoticed.
 */
final class Aead {

    static final byte VERSION = 1;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aead() {}

    static byte[] seal(SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_LENGTH + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Opens a sealed message; refuses one that was altered, moved or sealed with another key. */
    static byte[] open(SecretKey key, byte[] message, byte[] associatedData) {
        if (message.length < 1 + NONCE_LENGTH + TAG_BITS / 8 || message[0] != VERSION) {
            throw new CryptoException("not a sealed message");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, message, 1, NONCE_LENGTH));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(message, 1 + NONCE_LENGTH, message.length - 1 - NONCE_LENGTH);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new CryptoException("message altered or sealed with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
