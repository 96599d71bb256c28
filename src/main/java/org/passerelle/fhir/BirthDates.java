package org.passerelle.fhir;

import ca.uhn.fhir.rest.param.DateRangeParam;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.BirthDate;

/**
 * The {@code birthdate} search parameter against birth dates known to a day, a month or a year: a
 * birth date matches when the days it may be overlap the range searched, so that a person whose
 * birth year only is known is found by a search for any day of that year.
 */
final class BirthDates {

    private BirthDates() {}

    static boolean admits(@Nullable DateRangeParam searched, @Nullable BirthDate birthDate) {
        if (searched == null) {
            return true;
        }
        if (birthDate == null) {
            return false;
        }
        LocalDate first = birthDate.date();
        LocalDate last = switch (birthDate.precision()) {
            case EXACT -> first;
            case MONTH -> first.plusMonths(1).minusDays(1);
            case YEAR, ESTIMATED -> first.withDayOfYear(1).plusYears(1).minusDays(1);
        };
        if (birthDate.precision() == BirthDate.Precision.ESTIMATED) {
            first = first.withDayOfYear(1);
        }
        Date lower = searched.getLowerBoundAsInstant();
        Date upper = searched.getUpperBoundAsInstant();
        ZoneId zone = ZoneId.systemDefault();
        boolean afterLower = lower == null
                || !last.plusDays(1)
                        .atStartOfDay(zone)
                        .toInstant()
                        .isBefore(lower.toInstant().plusMillis(1));
        boolean beforeUpper =
                upper == null || !first.atStartOfDay(zone).toInstant().isAfter(upper.toInstant());
        return afterLower && beforeUpper;
    }
}
