package org.passerelle.people;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The birth a search is narrowed to: a year typed, or an age typed, read as an estimated age (the
 * day's year less the age, give or take two years, as the matching engine reads a recorded
 * estimated age). The engine compares {@code date}; the name search keeps the persons born from
 * {@code fromYear} to {@code toYear}, or whose birth is unknown.
 *
 * @param date the birth date the engine compares: a year, or an age estimated today
 * @param fromYear the first birth year kept
 * @param toYear the last birth year kept
 */
record SearchedBirth(BirthDate date, int fromYear, int toYear) {

    /** How many years a recorded or typed estimated age may be off, as the engine reads it. */
    static final int ESTIMATE_MARGIN_YEARS = 2;

    /**
     * The birth a search gives, or null when it gives none; refuses a birth year and an age
     * together, and a birth year in the future or more than 120 years ago.
     */
    static @Nullable SearchedBirth of(@Nullable Integer birthYear, @Nullable Integer age, LocalDate today) {
        if (birthYear != null && age != null) {
            throw PeopleProblems.searchAgeAndBirthYear();
        }
        if (birthYear != null) {
            if (birthYear > today.getYear()) {
                throw PeopleProblems.birthDateInFuture("birthYear");
            }
            if (birthYear < today.getYear() - BirthDate.OLDEST_AGE) {
                throw PeopleProblems.birthDateTooOld("birthYear");
            }
            return new SearchedBirth(BirthDate.year(birthYear), birthYear, birthYear);
        }
        if (age != null) {
            BirthDate estimated = BirthDate.estimated(age, today);
            int year = estimated.date().getYear();
            return new SearchedBirth(estimated, year - ESTIMATE_MARGIN_YEARS, year + ESTIMATE_MARGIN_YEARS);
        }
        return null;
    }

    /**
     * Whether a recorded birth may fall in these years: unknown, or its year (give or take the
     * margin of an estimated age) meets them. {@link PersonRepository#search} filters alike.
     */
    boolean admits(@Nullable BirthDate birthDate) {
        if (birthDate == null) {
            return true;
        }
        int year = birthDate.date().getYear();
        int margin = birthDate.precision() == BirthDate.Precision.ESTIMATED ? ESTIMATE_MARGIN_YEARS : 0;
        return year + margin >= fromYear && year - margin <= toYear;
    }
}
