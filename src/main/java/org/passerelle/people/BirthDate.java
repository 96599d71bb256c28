package org.passerelle.people;

import java.time.LocalDate;
import java.time.Period;
import org.jspecify.annotations.Nullable;

/**
 * A birth date as precisely as it is known. People often know only a month or a year, or nothing
 * but an age someone estimated on a given day; the precision is kept so that a year-only date is
 * never mistaken for 1 January.
 *
 * @param precision how much of {@code date} is known
 * @param date the date; for {@code MONTH} the first of the month, for {@code YEAR} 1 January, for
 *     {@code ESTIMATED} the date the estimate implies
 * @param estimatedAge the estimated age in years, only for {@code ESTIMATED}
 * @param estimatedOn the day the age was estimated, only for {@code ESTIMATED}
 */
public record BirthDate(
        Precision precision,
        LocalDate date,
        @Nullable Integer estimatedAge,
        @Nullable LocalDate estimatedOn) {

    /** How much of a birth date is known. */
    public enum Precision {
        EXACT,
        MONTH,
        YEAR,
        ESTIMATED
    }

    static final int OLDEST_AGE = 120;

    /** Where a birth date stands in a registration or correction, for field errors. */
    static final String FIELD = "details.birthDate";

    public static BirthDate exact(LocalDate date) {
        return new BirthDate(Precision.EXACT, date, null, null);
    }

    public static BirthDate month(int year, int month) {
        return new BirthDate(Precision.MONTH, LocalDate.of(year, month, 1), null, null);
    }

    public static BirthDate year(int year) {
        return new BirthDate(Precision.YEAR, LocalDate.of(year, 1, 1), null, null);
    }

    /** An age in years estimated on a day; the date is that day less the age. */
    public static BirthDate estimated(int age, LocalDate on) {
        return new BirthDate(Precision.ESTIMATED, on.minusYears(age), age, on);
    }

    /** Refuses a date in the future or more than 120 years before {@code today}. */
    public void checkPlausible(LocalDate today) {
        if (date.isAfter(today) || (estimatedOn != null && estimatedOn.isAfter(today))) {
            throw PeopleProblems.birthDateInFuture(FIELD);
        }
        if (date.isBefore(today.minusYears(OLDEST_AGE))) {
            throw PeopleProblems.birthDateTooOld(FIELD);
        }
    }

    /** Age in whole years on {@code day}. */
    public int ageOn(LocalDate day) {
        return Period.between(date, day).getYears();
    }
}
