package org.passerelle.access;

import java.util.UUID;

/**
 * Published, synchronously, for every second-factor code typed after a right password.
 *
 * @param withRecoveryCode whether a single-use recovery code was accepted instead of a TOTP code
 */
public record SecondFactorAttempted(UUID userId, String username, boolean succeeded, boolean withRecoveryCode) {}
