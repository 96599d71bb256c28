package org.passerelle.access;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.passerelle.sites.SiteDirectory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, lists and disables users. */
@Service
@Transactional(readOnly = true)
public class UserAccounts {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final SiteDirectory sites;

    UserAccounts(UserRepository users, PasswordEncoder passwordEncoder, SiteDirectory sites) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.sites = sites;
    }

    public List<UserAccount> all() {
        return users.findAll();
    }

    public boolean anyUser() {
        return users.any();
    }

    @Transactional
    public UserAccount create(NewUserAccount command) {
        for (UUID siteId : command.siteIds()) {
            if (!sites.exists(siteId)) {
                throw DomainException.notFound("site");
            }
        }
        UUID id = Objects.requireNonNullElseGet(command.id(), Ids::newId);
        try {
            users.insert(id, command, Objects.requireNonNull(passwordEncoder.encode(command.password())));
        } catch (DuplicateKeyException e) {
            throw DomainException.invalid("username-taken");
        }
        return users.findById(id).orElseThrow().account();
    }

    /** Enables or disables a user; a disabled user's sessions stop working at their next request. */
    @Transactional
    public UserAccount setEnabled(UUID id, boolean enabled, long expectedVersion) {
        UserAccount current = users.findById(id)
                .orElseThrow(() -> DomainException.notFound("user"))
                .account();
        if (users.setEnabled(id, enabled, expectedVersion) == 0) {
            throw DomainException.staleVersion(current.version());
        }
        return users.findById(id).orElseThrow().account();
    }
}
