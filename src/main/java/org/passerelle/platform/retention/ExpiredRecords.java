package org.passerelle.platform.retention;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The records of one type past their retention cutoff: how many, and when the oldest of them was
 * last touched (null when there are none).
 */
public record ExpiredRecords(long count, @Nullable Instant oldest) {

    public static ExpiredRecords none() {
        return new ExpiredRecords(0, null);
    }
}
