package org.passerelle.platform.sync;

import java.util.List;

/**
 * The changes a user may hold among those read after a position, and where the next page starts.
 *
 * @param more whether changes past {@code next} may be ready already
 */
public record ChangePage(List<SyncedChange> changes, Position next, boolean more) {

    public ChangePage {
        changes = List.copyOf(changes);
    }
}
