package org.passerelle.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.InlineText;

/** Creates a user. Passwords are long rather than complicated: 12 characters at least. */
public record NewUserAccount(
        @Nullable UUID id,
        @NotBlank @Pattern(regexp = "[a-z0-9._-]{3,40}") String username,
        @NotBlank @Size(max = 100) @InlineText String displayName,
        @NotNull @Size(min = 12, max = 256) String password,
        @NotEmpty Set<Role> roles,
        boolean allSites,
        @NotNull Set<UUID> siteIds) {}
