package org.passerelle.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.platform.database.VaultDatabase;
import org.passerelle.support.RunningApplication;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An installation from before the key epochs: its index key becomes the first epoch's (its name
 * tokens stay valid), and keys wrapped with the master key are re-wrapped in the first epoch at start.
 */
class KeyEpochMigrationTest {

    @TempDir
    Path dataDirectory;

    @Test
    void adoptsTheOldIndexKeyAndRewrapsKeysWrappedWithTheMasterKey() throws Exception {
        byte[] master = random();
        byte[] oldIndexKey = random();
        Files.createDirectories(dataDirectory.resolve("keys"));
        Files.writeString(
                dataDirectory.resolve("keys/index.key"), Base64.getEncoder().encodeToString(oldIndexKey));
        Map<String, String> properties = Map.of(
                "passerelle.database.data-directory",
                dataDirectory.toString(),
                "passerelle.security.master-key",
                Base64.getEncoder().encodeToString(master));
        UUID legacySubject = UUID.randomUUID();
        byte[] legacyKey = random();

        try (RunningApplication app = RunningApplication.start(properties)) {
            assertThat(app.bean(KeyEpochs.class).searchEpoch()).isOne();
            assertThat(app.bean(BlindIndex.class).of("name-prefix", "abe"))
                    .as("the first epoch keeps the old index key")
                    .isEqualTo(Arrays.copyOf(hmac(oldIndexKey, "name-prefix:abe"), 16));
            new JdbcTemplate(app.bean(VaultDatabase.class).dataSource())
                    .update(
                            "insert into vault.subject_key (subject_id, master_key_id, wrapped_key) values (?, ?, ?)",
                            legacySubject,
                            Keyring.idOf(master),
                            Aead.seal(new SecretKeySpec(master, "AES"), legacyKey, wrappingData(legacySubject)));
        }

        try (RunningApplication app = RunningApplication.start(properties)) {
            JdbcTemplate vault = new JdbcTemplate(app.bean(VaultDatabase.class).dataSource());
            assertThat(vault.queryForObject(
                            "select epoch from vault.subject_key where subject_id = ?", Integer.class, legacySubject))
                    .isOne();
            assertThat(vault.queryForObject("select count(*) from vault.subject_key where epoch is null", Long.class))
                    .isZero();
            DataKey key = app.bean(SubjectKeys.class).existingKey(legacySubject).orElseThrow();
            DataKey expected = new DataKey(legacySubject, new SecretKeySpec(legacyKey, "AES"));
            assertThat(key.open("field", expected.seal("field", "same key"))).isEqualTo("same key");
        }
    }

    private static byte[] hmac(byte[] key, String text) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] wrappingData(UUID subjectId) {
        return ("subject-key|" + subjectId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
