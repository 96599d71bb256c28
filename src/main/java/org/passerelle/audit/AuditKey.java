package org.passerelle.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.crypto.KeyFile;
import org.passerelle.platform.database.DatabaseProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audit key: HMAC-SHA-256 over the canonical encoding of entries, seals, anchors and
 * checkpoints. It lives outside the database ({@code PASSERELLE_AUDIT_KEY}, or else generated once
 * into {@code <data directory>/keys/audit.key}), so someone who can rewrite the database but not
 * read the key cannot forge a line, a link or a purge without verification finding it.
 */
@Component
class AuditKey {

    private final SecretKeySpec key;

    /** A MAC keyed once, copied for each use: a batch of lines does not look the algorithm up per line. */
    private final Mac keyed;

    @Autowired
    AuditKey(@Value("${passerelle.audit.key:}") @Nullable String configured, DatabaseProperties database) {
        this(KeyFile.load(
                configured,
                database.dataDirectory().toAbsolutePath().resolve("keys").resolve("audit.key"),
                "PASSERELLE_AUDIT_KEY"));
    }

    private AuditKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.keyed = newMac(key);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * The key given in Base64 ({@code PASSERELLE_AUDIT_KEY}) or else read from an existing key file,
     * for checking an export away from the server; never generates one.
     */
    static AuditKey existing(@Nullable String configured, Path file) {
        if ((configured == null || configured.isBlank()) && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "No audit key: set PASSERELLE_AUDIT_KEY or give the key file (" + file + " does not exist)");
        }
        return new AuditKey(KeyFile.load(configured, file, "PASSERELLE_AUDIT_KEY"));
    }

    /** The MAC of an encoding made by {@link AuditEncoding}. */
    byte[] mac(byte[] encoded) {
        Mac mac;
        try {
            mac = (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            mac = newMac(key);
        }
        return mac.doFinal(encoded);
    }

    /** Whether {@code stored} is the MAC of {@code encoded}, compared in constant time. */
    boolean verifies(byte[] encoded, byte @Nullable [] stored) {
        return stored != null && MessageDigest.isEqual(mac(encoded), stored);
    }
}
