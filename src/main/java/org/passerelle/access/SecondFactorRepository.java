package org.passerelle.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SecondFactorRepository {

    /** A user's TOTP secret as stored (encrypted), and whether it is active yet. */
    record StoredSecret(byte[] encryptedSecret, boolean confirmed, long lastUsedStep) {}

    /** An unused recovery code's salted hash. */
    record StoredRecoveryCode(long id, byte[] salt, byte[] hash) {}

    private final JdbcClient jdbc;

    SecondFactorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredSecret> find(UUID userId) {
        return jdbc.sql("select secret, confirmed_at is not null as confirmed, last_used_step"
                        + " from access.second_factor where user_id = ?")
                .param(userId)
                .query((rs, row) -> new StoredSecret(
                        rs.getBytes("secret"), rs.getBoolean("confirmed"), rs.getLong("last_used_step")))
                .optional();
    }

    boolean confirmed(UUID userId) {
        return jdbc.sql(
                        "select exists(select 1 from access.second_factor where user_id = ? and confirmed_at is not null)")
                .param(userId)
                .query(Boolean.class)
                .single();
    }

    /** Stores a new, not yet confirmed secret in place of any unconfirmed one. */
    void savePending(UUID userId, byte[] encryptedSecret) {
        jdbc.sql("""
                insert into access.second_factor (user_id, secret) values (?, ?)
                on conflict (user_id) do update set secret = excluded.secret, last_used_step = 0, created_at = now()
                 where access.second_factor.confirmed_at is null
                """).params(userId, encryptedSecret).update();
    }

    /**
     * Records that the code of {@code step} was accepted (and confirms the secret); false when a
     * code of this step or a later one was accepted meanwhile.
     */
    boolean acceptStep(UUID userId, long step) {
        return jdbc.sql("""
                update access.second_factor set last_used_step = ?, confirmed_at = coalesce(confirmed_at, now())
                 where user_id = ? and last_used_step < ?
                """).params(step, userId, step).update() == 1;
    }

    /** Keeps a new secret beside the confirmed one, in place of any replacement not confirmed yet. */
    boolean saveReplacement(UUID userId, byte[] encryptedSecret) {
        return jdbc.sql("""
                update access.second_factor set replacement_secret = ?, replacement_created_at = now()
                 where user_id = ? and confirmed_at is not null
                """).params(encryptedSecret, userId).update() == 1;
    }

    /** The replacement secret awaiting its first code, if any. */
    Optional<byte[]> findReplacement(UUID userId) {
        return jdbc.sql("select replacement_secret from access.second_factor"
                        + " where user_id = ? and confirmed_at is not null and replacement_secret is not null")
                .param(userId)
                .query((rs, row) -> rs.getBytes("replacement_secret"))
                .optional();
    }

    /**
     * Makes the replacement secret the user's secret, with {@code step} as its last accepted code;
     * false when that replacement was confirmed or replaced meanwhile.
     */
    boolean confirmReplacement(UUID userId, byte[] encryptedReplacement, long step) {
        return jdbc.sql("""
                update access.second_factor
                   set secret = replacement_secret, replacement_secret = null, replacement_created_at = null,
                       last_used_step = ?, confirmed_at = now()
                 where user_id = ? and replacement_secret = ?
                """).params(step, userId, encryptedReplacement).update() == 1;
    }

    void delete(UUID userId) {
        jdbc.sql("delete from access.second_factor where user_id = ?")
                .param(userId)
                .update();
        jdbc.sql("delete from access.recovery_code where user_id = ?")
                .param(userId)
                .update();
    }

    void replaceRecoveryCodes(UUID userId, List<StoredRecoveryCode> codes) {
        jdbc.sql("delete from access.recovery_code where user_id = ?")
                .param(userId)
                .update();
        for (StoredRecoveryCode code : codes) {
            jdbc.sql("insert into access.recovery_code (user_id, salt, hash) values (?, ?, ?)")
                    .params(userId, code.salt(), code.hash())
                    .update();
        }
    }

    List<StoredRecoveryCode> unusedRecoveryCodes(UUID userId) {
        return jdbc.sql("select id, salt, hash from access.recovery_code where user_id = ? and used_at is null")
                .param(userId)
                .query((rs, row) -> new StoredRecoveryCode(rs.getLong("id"), rs.getBytes("salt"), rs.getBytes("hash")))
                .list();
    }

    /** Marks a recovery code used; false when it was used meanwhile. */
    boolean useRecoveryCode(long id) {
        return jdbc.sql("update access.recovery_code set used_at = now() where id = ? and used_at is null")
                        .param(id)
                        .update()
                == 1;
    }
}
