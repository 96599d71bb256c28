package org.passerelle.people.matching;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.BirthDate;

/**
 * Compares birth dates knowing how precise each is. A year-only or month-only date is a range; so is
 * an exact 1 January, the usual default when only the year is known. An age estimated on a day
 * stands for the year of days it implies (someone estimated 30 on 1 June 2024 was born between 2 June
 * 1993 and 1 June 1994), and a nurse's estimate is often a year or two off: an estimated date meeting
 * the other within a year is its own level of agreement, strong evidence beside agreeing names,
 * and within three years a weaker one. Two exact dates also meet when day and month are swapped or
 * one digit differs. Dates that were not estimated and do not meet are different, however close:
 * on field-like registries two written dates a year or two apart are siblings, namesakes or
 * unrelated people about nine times in ten (a duplicate's miswritten date is one digit or a swap).
 */
public final class BirthDateComparison {

    public static final List<String> LEVELS = List.of(
            "same date",
            "day-month swap or one digit",
            "consistent with imprecise date",
            "consistent with estimated age",
            "within two years",
            "different");

    static final int SAME = 0;
    static final int SWAP_OR_DIGIT = 1;
    static final int IMPRECISE = 2;
    static final int ESTIMATE = 3;
    static final int NEAR = 4;
    static final int DIFFERENT = 5;

    /** An estimate within this many days of the other date agrees with it. */
    private static final int ESTIMATE_MARGIN_DAYS = 366;

    /** An estimate this many days from the other date is still near it. */
    private static final int ESTIMATE_NEAR_DAYS = 3 * 366;

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
            return SAME;
        }
        if (bothExact && (swapped(a, b) || oneDigitApart(a.digits, b.digits))) {
            return SWAP_OR_DIGIT;
        }
        long gapDays = Math.max(b.first - a.last, a.first - b.last);
        if (a.estimated || b.estimated) {
            return gapDays <= ESTIMATE_MARGIN_DAYS ? ESTIMATE : gapDays <= ESTIMATE_NEAR_DAYS ? NEAR : DIFFERENT;
        }
        return gapDays <= 0 ? IMPRECISE : DIFFERENT;
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
            case ESTIMATED -> {
                LocalDate on = date.estimatedOn() == null ? d : date.estimatedOn();
                int age = date.estimatedAge() == null ? 0 : date.estimatedAge();
                yield new LocalDate[] {on.minusYears(age + 1L).plusDays(1), on.minusYears(age)};
            }
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
