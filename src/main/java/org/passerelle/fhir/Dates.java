package org.passerelle.fhir;

import ca.uhn.fhir.rest.param.DateRangeParam;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.jspecify.annotations.Nullable;

/** A search's {@code date} range against the day something happened. */
final class Dates {

    private Dates() {}

    /** Whether the day overlaps the range; every day does when no range is given. */
    static boolean within(@Nullable DateRangeParam range, LocalDate day) {
        if (range == null) {
            return true;
        }
        ZoneId zone = ZoneId.systemDefault();
        Date start = Date.from(day.atStartOfDay(zone).toInstant());
        Date end = Date.from(day.plusDays(1).atStartOfDay(zone).toInstant());
        Date lower = range.getLowerBoundAsInstant();
        Date upper = range.getUpperBoundAsInstant();
        return (lower == null || end.after(lower)) && (upper == null || !start.after(upper));
    }
}
