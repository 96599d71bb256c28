package org.passerelle.reporting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hides small counts in what leaves the organisation (exports, DHIS2, the printed annual report):
 * a count from 1 to the threshold less one is shown as {@code <threshold}, so that nobody can be
 * singled out in a small group. Zero stays zero; a threshold of 0 or 1 hides nothing.
 */
@Component
public class Suppression {

    private final int threshold;

    Suppression(@Value("${passerelle.reporting.small-count-threshold:5}") int threshold) {
        this.threshold = Math.max(0, threshold);
    }

    public int threshold() {
        return threshold;
    }

    /** Whether this count must be hidden. */
    public boolean hides(long count) {
        return count > 0 && count < threshold;
    }

    /** The count as it may be shown outside the organisation. */
    public String show(long count) {
        return hides(count) ? "<" + threshold : Long.toString(count);
    }
}
