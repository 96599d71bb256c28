package org.passerelle.access;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.passerelle.sites.SiteDirectory;
import org.springframework.context.ApplicationEventPublisher;
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
    private final PasswordPolicy passwordPolicy;
    private final UserSessions sessions;
    private final ApplicationEventPublisher events;

    UserAccounts(
            UserRepository users,
            PasswordEncoder passwordEncoder,
            SiteDirectory sites,
            PasswordPolicy passwordPolicy,
            UserSessions sessions,
            ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.sites = sites;
        this.passwordPolicy = passwordPolicy;
        this.sessions = sessions;
    }

    public List<UserAccount> all() {
        return users.findAll();
    }

    /**
     * The name a user signs consultations with, and whether the account is active: all that those
     * who read what the user wrote learn of them (the FHIR facade's {@code Practitioner}).
     */
    public Optional<Signer> signer(UUID id) {
        return users.findById(id)
                .map(stored -> new Signer(
                        stored.account().displayName(), stored.account().enabled()));
    }

    /** A user as the records they signed name them. */
    public record Signer(String displayName, boolean active) {}

    public boolean anyUser() {
        return users.any();
    }

    @Transactional
    public UserAccount create(NewUserAccount command) {
        passwordPolicy.check(command.password(), command.username());
        for (UUID siteId : command.siteIds()) {
            if (!sites.exists(siteId)) {
                throw DomainException.notFound("site");
            }
        }
        UUID id = Objects.requireNonNullElseGet(command.id(), Ids::newId);
        try {
            users.insert(id, command, Objects.requireNonNull(passwordEncoder.encode(command.password())));
        } catch (DuplicateKeyException e) {
            throw AccessProblems.usernameTaken();
        }
        events.publishEvent(new AccountChanged(id, AccountChanged.Change.CREATED));
        return users.findById(id).orElseThrow().account();
    }

    /** Changes a user's password after checking the current one; the new one must meet the policy. */
    @Transactional
    public void changePassword(UUID id, String currentPassword, String newPassword) {
        UserRepository.StoredUser user = users.findById(id).orElseThrow(() -> DomainException.notFound("user"));
        if (!passwordEncoder.matches(currentPassword, user.passwordHash())) {
            throw AccessProblems.wrongPassword("currentPassword");
        }
        passwordPolicy.check(newPassword, user.account().username());
        users.setPasswordHash(id, Objects.requireNonNull(passwordEncoder.encode(newPassword)));
        events.publishEvent(new AccountChanged(id, AccountChanged.Change.PASSWORD_CHANGED));
    }

    /** Ends every open session of a user, for example after a lost phone; returns how many ended. */
    @Transactional
    public int endSessions(UUID id) {
        if (users.findById(id).isEmpty()) {
            throw DomainException.notFound("user");
        }
        events.publishEvent(new AccountChanged(id, AccountChanged.Change.SESSIONS_ENDED));
        return sessions.endAll(id);
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
        if (!enabled) {
            sessions.endAll(id);
        }
        events.publishEvent(
                new AccountChanged(id, enabled ? AccountChanged.Change.ENABLED : AccountChanged.Change.DISABLED));
        return users.findById(id).orElseThrow().account();
    }
}
