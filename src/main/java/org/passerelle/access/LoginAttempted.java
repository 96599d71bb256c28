package org.passerelle.access;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published, synchronously, for every login attempt. The typed user name is not kept when no
 * account matched, as it may be a password typed in the wrong field.
 */
public record LoginAttempted(
        @Nullable UUID userId, @Nullable String username, boolean succeeded) {}
