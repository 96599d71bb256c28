package org.passerelle.access;

import java.security.SecureRandom;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator, {@code admin}, when there is no user at all. It is also a
 * coordinator, so that a small organisation can start working at once. Its password comes
 * from {@code PASSERELLE_ADMIN_PASSWORD}, or is generated and printed once on the console (never
 * logged).
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserAccounts accounts;
    private final @Nullable String configuredPassword;

    FirstAdministrator(
            UserAccounts accounts, @Value("${passerelle.admin.initial-password:}") @Nullable String password) {
        this.accounts = accounts;
        this.configuredPassword = password == null || password.isBlank() ? null : password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyUser()) {
            return;
        }
        String password = configuredPassword != null ? configuredPassword : generatePassword();
        try {
            accounts.create(new NewUserAccount(
                    null,
                    USERNAME,
                    "Administrator",
                    password,
                    Set.of(Role.ADMINISTRATOR, Role.COORDINATOR),
                    true,
                    Set.of()));
        } catch (DomainException e) {
            throw new IllegalStateException(
                    "PASSERELLE_ADMIN_PASSWORD is refused by the password policy (" + e.code()
                            + "): use 12 characters or more, not a common password, without the user name",
                    e);
        }
        log.info("First administrator '{}' created", USERNAME);
        if (configuredPassword == null) {
            System.out.printf(
                    "%n=== Passerelle: first administrator created ===%n  user: %s%n  password: %s%n"
                            + "  (shown once; change it after logging in)%n%n",
                    USERNAME, password);
        }
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
