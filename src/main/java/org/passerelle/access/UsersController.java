package org.passerelle.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User administration. */
@RestController
@RequestMapping("/api/users")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class UsersController {

    record EnabledChange(@NotNull Boolean enabled, long version) {}

    private final UserAccounts accounts;
    private final SecondFactors secondFactors;

    UsersController(UserAccounts accounts, SecondFactors secondFactors) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
    }

    @GetMapping
    List<UserAccount> all() {
        return accounts.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserAccount create(@Valid @RequestBody NewUserAccount command) {
        return accounts.create(command);
    }

    record EndedSessions(int ended) {}

    @DeleteMapping("/{id}/sessions")
    EndedSessions endSessions(@PathVariable UUID id) {
        return new EndedSessions(accounts.endSessions(id));
    }

    /** Removes a user's second factor (a lost phone) and ends their sessions; they enrol again at login. */
    @DeleteMapping("/{id}/second-factor")
    EndedSessions resetSecondFactor(@PathVariable UUID id) {
        return new EndedSessions(secondFactors.reset(id));
    }

    @PutMapping("/{id}/enabled")
    UserAccount setEnabled(@PathVariable UUID id, @Valid @RequestBody EnabledChange change) {
        return accounts.setEnabled(id, change.enabled(), change.version());
    }
}
