package org.passerelle.reporting;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hides small counts in what leaves the organisation (exports, DHIS2, the printed annual report):
 * a count from 1 to the threshold less one is shown as {@code <threshold}, so that nobody can be
 * singled out in a small group. Zero stays zero; a threshold of 0 or 1 hides nothing.
 *
 * <p>Where cells add up to a total shown beside them (the categories of a disaggregation, the sites
 * or months of an indicator), one hidden cell would be the total less the others: the smallest other
 * cell is then withheld too (complementary suppression), shown as {@value #WITHHELD}.
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

    /** How a cell withheld only so that a small count beside it cannot be worked out is shown. */
    public static final String WITHHELD = "x";

    /**
     * The cells of a partition to keep out of what leaves the organisation: the small counts and,
     * when that is a single cell, the smallest other non-zero cell as well.
     */
    public <K> Set<K> withheld(Map<K, Long> cells) {
        Set<K> hidden = new LinkedHashSet<>();
        cells.forEach((key, count) -> {
            if (hides(count)) {
                hidden.add(key);
            }
        });
        if (hidden.size() == 1) {
            cells.entrySet().stream()
                    .filter(e -> e.getValue() > 0 && !hidden.contains(e.getKey()))
                    .min(Map.Entry.comparingByValue())
                    .ifPresent(e -> hidden.add(e.getKey()));
        }
        return hidden;
    }

    /** A cell as it may be shown outside the organisation, {@code withheld} or not. */
    public String show(long count, boolean withheld) {
        return withheld && !hides(count) ? WITHHELD : show(count);
    }

    /** The count as it may be shown outside the organisation. */
    public String show(long count) {
        return hides(count) ? "<" + threshold : Long.toString(count);
    }
}
