package org.passerelle.access;

import java.util.UUID;

/** Published, synchronously, when a logged-in user confirms who they are again before a sensitive act. */
public record Reauthenticated(UUID userId, String username, boolean succeeded) {}
