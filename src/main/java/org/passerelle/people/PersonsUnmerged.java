package org.passerelle.people;

import java.util.UUID;

/**
 * Published, synchronously and inside the transaction, when a merge is undone: every module gives
 * back to {@code mergedId} what the merge had moved to {@code keptId}, re-sealed with its own key.
 */
public record PersonsUnmerged(UUID keptId, UUID mergedId) {}
