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
        return level(a == null ? null : Prepared.of(a), b == null ? null : Prepared.of(b));
    }

    /** The same comparison on dates prepared once ({@link MatchablePerson} keeps them). */
    static int level(@Nullable Prepared a, @Nullable Prepared b) {
        if (a == null || b == null) {
            return FieldComparison.MISSING;
        }
        boolean bothExact = a.exact && b.exact;
        if (bothExact && a.epochDay == b.epochDay) {
            return 0;
        }
        if (bothExact && (swapped(a, b) || oneDigitApart(a.digits, b.digits))) {
            return 1;
        }
        boolean overlap = a.last >= b.first && b.last >= a.first;
        if (overlap && !a.estimated && !b.estimated) {
            return 2;
        }
        int gapYears = Math.max(b.firstYear - a.lastYear, a.firstYear - b.lastYear);
        return overlap || gapYears <= ESTIMATE_MARGIN_YEARS ? 3 : 4;
    }

    /**
     * A birth date as the comparison needs it, worked out once: whether it is exact, the range of
     * days it may stand for (as epoch days) and the years of both ends, and its digits yyyymmdd.
     */
    static final class Prepared {
        final boolean exact;
        final boolean estimated;
        final long epochDay;
        final int year;
        final int month;
        final int day;
        final int digits;
        final long first;
        final long last;
        final int firstYear;
        final int lastYear;

        private Prepared(BirthDate date) {
            LocalDate d = date.date();
            LocalDate[] range = range(date);
            this.exact = isExact(date);
            this.estimated = date.precision() == BirthDate.Precision.ESTIMATED;
            this.epochDay = d.toEpochDay();
            this.year = d.getYear();
            this.month = d.getMonthValue();
            this.day = d.getDayOfMonth();
            this.digits = year * 10_000 + month * 100 + day;
            this.first = range[0].toEpochDay();
            this.last = range[1].toEpochDay();
            this.firstYear = range[0].getYear();
            this.lastYear = range[1].getYear();
        }

        static Prepared of(BirthDate date) {
            return new Prepared(date);
        }
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

    private static boolean swapped(Prepared x, Prepared y) {
        return x.year == y.year && x.day == y.month && x.month == y.day;
    }

    /**
     * Whether the decimal writings of two numbers are at most one edit apart (a digit changed, or two
     * adjacent digits swapped), as {@link StringSimilarity#damerau} would say, without writing them:
     * for two numbers of eight digits (years 1000 to 9999) no insertion or deletion can be the one
     * edit, so they must differ in at most one digit or in two adjacent swapped digits.
     */
    static boolean oneDigitApart(int x, int y) {
        if (x < 10_000_000 || x > 99_999_999 || y < 10_000_000 || y > 99_999_999) {
            return StringSimilarity.damerau(Integer.toString(x), Integer.toString(y)) <= 1;
        }
        int differences = 0;
        int firstDifference = -1;
        int secondDifference = -1;
        int restX = x;
        int restY = y;
        for (int position = 0; position < 8; position++) {
            if (restX % 10 != restY % 10) {
                differences++;
                if (differences == 1) {
                    firstDifference = position;
                } else if (differences == 2) {
                    secondDifference = position;
                } else {
                    return false;
                }
            }
            restX /= 10;
            restY /= 10;
        }
        if (differences <= 1) {
            return true;
        }
        return secondDifference == firstDifference + 1
                && digit(x, firstDifference) == digit(y, secondDifference)
                && digit(x, secondDifference) == digit(y, firstDifference);
    }

    private static int digit(int value, int position) {
        int rest = value;
        for (int p = 0; p < position; p++) {
            rest /= 10;
        }
        return rest % 10;
    }
}
