package org.passerelle.people.matching;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.BirthDate;

/**
 * Compares birth dates knowing how precise each is. A year-only or month-only date is a range; so is
 * an exact 1 January, the usual default when only the year is known; an estimated age is its year
 * give or take two. Two exact dates also meet when day and month are swapped or one digit differs.
 */
public final class BirthDateComparison {

    public static final List<String> LEVELS = List.of(
            "same date",
            "day-month swap or one digit",
            "consistent with imprecise date",
            "within two years",
            "different");

    private static final int ESTIMATE_MARGIN_YEARS = 2;

    private BirthDateComparison() {}

    public static int level(@Nullable BirthDate a, @Nullable BirthDate b) {
        if (a == null || b == null) {
            return FieldComparison.MISSING;
        }
        LocalDate x = a.date();
        LocalDate y = b.date();
        boolean bothExact = isExact(a) && isExact(b);
        if (bothExact && x.equals(y)) {
            return 0;
        }
        if (bothExact && (swapped(x, y) || oneDigitApart(x, y))) {
            return 1;
        }
        LocalDate[] ra = range(a);
        LocalDate[] rb = range(b);
        boolean overlap = !ra[1].isBefore(rb[0]) && !rb[1].isBefore(ra[0]);
        boolean estimated =
                a.precision() == BirthDate.Precision.ESTIMATED || b.precision() == BirthDate.Precision.ESTIMATED;
        if (overlap && !estimated) {
            return 2;
        }
        int gapYears = Math.max(rb[0].getYear() - ra[1].getYear(), ra[0].getYear() - rb[1].getYear());
        return overlap || gapYears <= ESTIMATE_MARGIN_YEARS ? 3 : 4;
    }

    /** Exact and not 1 January, which registrars use when they know only the year. */
    static boolean isExact(BirthDate date) {
        return date.precision() == BirthDate.Precision.EXACT && !isFirstOfJanuary(date.date());
    }

    static boolean isFirstOfJanuary(LocalDate date) {
        return date.getDayOfMonth() == 1 && date.getMonthValue() == 1;
    }

    /** The first and last day the date may stand for. */
    static LocalDate[] range(BirthDate date) {
        LocalDate d = date.date();
        return switch (date.precision()) {
            case EXACT ->
                isFirstOfJanuary(d) ? new LocalDate[] {d, d.withDayOfYear(d.lengthOfYear())} : new LocalDate[] {d, d};
            case MONTH -> new LocalDate[] {d.withDayOfMonth(1), d.withDayOfMonth(d.lengthOfMonth())};
            case YEAR -> new LocalDate[] {d.withDayOfYear(1), d.withDayOfYear(d.lengthOfYear())};
            case ESTIMATED ->
                new LocalDate[] {
                    d.minusYears(ESTIMATE_MARGIN_YEARS).withDayOfYear(1),
                    d.plusYears(ESTIMATE_MARGIN_YEARS)
                            .withDayOfYear(1)
                            .plusYears(1)
                            .minusDays(1)
                };
        };
    }

    private static boolean swapped(LocalDate x, LocalDate y) {
        return x.getYear() == y.getYear()
                && x.getDayOfMonth() == y.getMonthValue()
                && x.getMonthValue() == y.getDayOfMonth();
    }

    private static boolean oneDigitApart(LocalDate x, LocalDate y) {
        return StringSimilarity.damerau(digits(x), digits(y)) <= 1;
    }

    private static String digits(LocalDate date) {
        int value = date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
        return Integer.toString(value);
    }
}
