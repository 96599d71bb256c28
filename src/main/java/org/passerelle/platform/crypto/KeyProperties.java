package org.passerelle.platform.crypto;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The two secrets that protect personal data, each 32 random bytes in Base64. When they are not
 * configured, Passerelle generates them once into {@code <data directory>/keys/} (readable by its
 * own user only); in production give them through the environment and keep a copy apart from the
 * database backups.
 *
 * @param masterKey wraps each person's data key ({@code PASSERELLE_MASTER_KEY})
 * @param previousMasterKeys older master keys still accepted when unwrapping, after a rotation
 * @param indexKey keys the blind index of name tokens ({@code PASSERELLE_INDEX_KEY})
 */
@ConfigurationProperties("passerelle.security")
public record KeyProperties(
        @Nullable String masterKey,
        @DefaultValue List<String> previousMasterKeys,
        @Nullable String indexKey) {}
