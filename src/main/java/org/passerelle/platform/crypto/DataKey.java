package org.passerelle.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;

/**
 * The key of one data subject (a person): everything personal about them is sealed with it, so
 * destroying it makes all of it unreadable everywhere it was copied (crypto-shredding). Each sealed
 * value is bound to its subject and field.
 */
public final class DataKey {

    private final UUID subjectId;
    private final SecretKey key;

    DataKey(UUID subjectId, SecretKey key) {
        this.subjectId = subjectId;
        this.key = key;
    }

    public UUID subjectId() {
        return subjectId;
    }

    public byte[] seal(String field, String plaintext) {
        return Aead.seal(key, plaintext.getBytes(StandardCharsets.UTF_8), associatedData(field));
    }

    public byte @Nullable [] sealNullable(String field, @Nullable String plaintext) {
        return plaintext == null ? null : seal(field, plaintext);
    }

    public String open(String field, byte[] sealed) {
        return new String(Aead.open(key, sealed, associatedData(field)), StandardCharsets.UTF_8);
    }

    public @Nullable String openNullable(String field, byte @Nullable [] sealed) {
        return sealed == null ? null : open(field, sealed);
    }

    private byte[] associatedData(String field) {
        return (subjectId + "|" + field).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DataKey[" + subjectId + "]";
    }
}
