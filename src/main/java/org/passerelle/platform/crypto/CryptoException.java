package org.passerelle.platform.crypto;

/** A ciphertext that cannot be opened: altered, moved, or its key destroyed. */
public class CryptoException extends RuntimeException {

    public CryptoException(String message) {
        super(message);
    }
}
