package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.passerelle.people.BirthDate;

class BirthDateComparisonTest {

    private static String level(BirthDate a, BirthDate b) {
        int level = BirthDateComparison.level(a, b);
        return level < 0 ? "missing" : BirthDateComparison.LEVELS.get(level);
    }

    private static BirthDate exact(int year, int month, int day) {
        return BirthDate.exact(LocalDate.of(year, month, day));
    }

    @Test
    void agreesOnTheSameDay() {
        assertThat(level(exact(1990, 5, 17), exact(1990, 5, 17))).isEqualTo("same date");
    }

    @Test
    void recognisesDayAndMonthSwappedOrOneDigitWrong() {
        assertThat(level(exact(1990, 5, 7), exact(1990, 7, 5))).isEqualTo("day-month swap or one digit");
        assertThat(level(exact(1990, 5, 17), exact(1990, 5, 18))).isEqualTo("day-month swap or one digit");
        assertThat(level(exact(1990, 5, 17), exact(1998, 5, 17))).isEqualTo("day-month swap or one digit");
    }

    @Test
    void takesAYearOnlyDateAndFirstOfJanuaryAsTheWholeYear() {
        assertThat(level(BirthDate.year(1990), exact(1990, 5, 17))).isEqualTo("consistent with imprecise date");
        assertThat(level(exact(1990, 1, 1), exact(1990, 8, 30))).isEqualTo("consistent with imprecise date");
        assertThat(level(BirthDate.month(1990, 5), exact(1990, 5, 17))).isEqualTo("consistent with imprecise date");
        assertThat(level(BirthDate.month(1990, 6), exact(1990, 5, 17))).isEqualTo("different");
    }

    @Test
    void takesWrittenDatesAYearOrTwoApartAsDifferent() {
        assertThat(level(exact(1990, 5, 17), exact(1991, 8, 2))).isEqualTo("different");
        assertThat(level(BirthDate.year(1990), exact(1992, 3, 4))).isEqualTo("different");
        assertThat(level(exact(1990, 1, 1), BirthDate.year(1991))).isEqualTo("different");
    }

    @Test
    void takesAnEstimatedAgeAsTheYearItImpliesGiveOrTakeAYear() {
        // 30 on 1 June 2024: born between 2 June 1993 and 1 June 1994
        BirthDate estimated = BirthDate.estimated(30, LocalDate.of(2024, 6, 1));
        assertThat(level(estimated, exact(1993, 9, 3))).isEqualTo("consistent with estimated age");
        assertThat(level(estimated, exact(1992, 7, 1))).isEqualTo("consistent with estimated age");
        assertThat(level(estimated, exact(1995, 5, 30))).isEqualTo("consistent with estimated age");
        assertThat(level(estimated, BirthDate.year(1992))).isEqualTo("consistent with estimated age");
        assertThat(level(estimated, BirthDate.estimated(31, LocalDate.of(2025, 3, 1))))
                .isEqualTo("consistent with estimated age");
        assertThat(level(estimated, exact(1991, 3, 3))).isEqualTo("within two years");
        assertThat(level(estimated, exact(1985, 3, 3))).isEqualTo("different");
    }

    @Test
    void disagreesOnDistantDatesAndIgnoresMissingOnes() {
        assertThat(level(exact(1990, 5, 17), exact(1975, 11, 2))).isEqualTo("different");
        assertThat(BirthDateComparison.level(null, exact(1990, 5, 17))).isEqualTo(FieldComparison.MISSING);
    }
}
