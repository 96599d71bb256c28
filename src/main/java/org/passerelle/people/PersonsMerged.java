package org.passerelle.people;

import java.util.UUID;

/**
 * Published, synchronously and inside the merging transaction, when one person's record is merged
 * into another's: every module moves what it holds about {@code mergedId} to {@code keptId},
 * re-sealing it with the kept person's key, and remembers where it came from.
 */
public record PersonsMerged(UUID keptId, UUID mergedId) {}
