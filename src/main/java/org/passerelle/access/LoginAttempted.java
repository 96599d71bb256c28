package org.passerelle.access;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published, synchronously, for every login attempt, with the user name as typed (not a secret:
 * the audit log keeps it so that guessing against one account shows; the application log never
 * does) and the account it names, when one does.
 */
public record LoginAttempted(
        @Nullable UUID userId, @Nullable String username, boolean succeeded) {}
