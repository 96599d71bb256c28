package org.passerelle.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.password_hash, u.roles, u.all_sites, u.enabled, u.version,
                   coalesce(array(select site_id from access.user_site s where s.user_id = u.id), '{}') as site_ids
              from access.app_user u
            """;

    /** A user row with the hash, for authentication only. */
    record StoredUser(UserAccount account, String passwordHash) {}

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredUser> findByUsername(String username) {
        return jdbc.sql(SELECT + " where u.username = ?")
                .param(username)
                .query(UserRepository::map)
                .optional();
    }

    Optional<StoredUser> findById(UUID id) {
        return jdbc.sql(SELECT + " where u.id = ?")
                .param(id)
                .query(UserRepository::map)
                .optional();
    }

    List<UserAccount> findAll() {
        return jdbc.sql(SELECT + " order by u.username").query(UserRepository::map).list().stream()
                .map(StoredUser::account)
                .toList();
    }

    boolean any() {
        return jdbc.sql("select exists(select 1 from access.app_user)")
                .query(Boolean.class)
                .single();
    }

    void insert(UUID id, NewUserAccount user, String passwordHash) {
        jdbc.sql("""
                insert into access.app_user (id, username, display_name, password_hash, roles, all_sites)
                values (?, ?, ?, ?, ?, ?)
                """)
                .params(
                        id,
                        user.username(),
                        user.displayName().strip(),
                        passwordHash,
                        user.roles().stream().map(Enum::name).sorted().toArray(String[]::new),
                        user.allSites())
                .update();
        for (UUID siteId : user.siteIds()) {
            jdbc.sql("insert into access.user_site (user_id, site_id) values (?, ?)")
                    .params(id, siteId)
                    .update();
        }
    }

    int setEnabled(UUID id, boolean enabled, long expectedVersion) {
        return jdbc.sql("""
                update access.app_user set enabled = ?, version = version + 1, updated_at = now()
                 where id = ? and version = ?
                """).params(enabled, id, expectedVersion).update();
    }

    void setPasswordHash(UUID id, String passwordHash) {
        jdbc.sql("update access.app_user set password_hash = ?, version = version + 1, updated_at = now() where id = ?")
                .params(passwordHash, id)
                .update();
    }

    void recordLogin(UUID id) {
        jdbc.sql("update access.app_user set last_login_at = now() where id = ?")
                .param(id)
                .update();
    }

    private static StoredUser map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : strings(rs.getArray("roles"))) {
            roles.add(Role.valueOf(role));
        }
        Set<UUID> sites = Arrays.stream((Object[]) rs.getArray("site_ids").getArray())
                .map(UUID.class::cast)
                .collect(Collectors.toUnmodifiableSet());
        UserAccount account = new UserAccount(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                Set.copyOf(roles),
                rs.getBoolean("all_sites"),
                sites,
                rs.getBoolean("enabled"),
                rs.getLong("version"));
        return new StoredUser(account, rs.getString("password_hash"));
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
