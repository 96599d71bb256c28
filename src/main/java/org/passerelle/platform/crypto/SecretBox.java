package org.passerelle.platform.crypto;

import javax.crypto.spec.SecretKeySpec;

/**
 * Seals small secrets (such as two-step verification secrets) with AES-256-GCM under one key,
 * each bound to its owner through associated data.
 */
public final class SecretBox {

    private final SecretKeySpec key;

    public SecretBox(byte[] key) {
        if (key.length != KeyFile.KEY_BYTES) {
            throw new IllegalArgumentException("a secret box needs a 256-bit key");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        return Aead.seal(key, plaintext, associatedData);
    }

    /** Opens a sealed secret; refuses one altered, sealed for another owner or under another key. */
    public byte[] open(byte[] sealed, byte[] associatedData) {
        return Aead.open(key, sealed, associatedData);
    }
}
