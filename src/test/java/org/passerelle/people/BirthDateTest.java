package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.passerelle.people.PersonViews.BirthDateInput;
import org.passerelle.platform.DomainException;

class BirthDateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void keepsOnlyWhatThePrecisionSays() {
        LocalDate typed = LocalDate.of(2004, 7, 19);

        assertThat(input(BirthDate.Precision.EXACT, typed).toBirthDate(TODAY).date())
                .isEqualTo(typed);
        assertThat(input(BirthDate.Precision.MONTH, typed).toBirthDate(TODAY).date())
                .isEqualTo("2004-07-01");
        assertThat(input(BirthDate.Precision.YEAR, typed).toBirthDate(TODAY).date())
                .isEqualTo("2004-01-01");
    }

    @Test
    void derivesTheDateFromAnEstimatedAgeAndKeepsBoth() {
        BirthDate estimated = new BirthDateInput(BirthDate.Precision.ESTIMATED, null, 16, LocalDate.of(2026, 3, 2))
                .toBirthDate(TODAY);

        assertThat(estimated.date()).isEqualTo("2010-03-02");
        assertThat(estimated.estimatedAge()).isEqualTo(16);
        assertThat(estimated.estimatedOn()).isEqualTo("2026-03-02");
        assertThat(estimated.ageOn(TODAY)).isEqualTo(16);
    }

    @Test
    void refusesIncompleteImplausibleDates() {
        assertThatThrownBy(() -> input(BirthDate.Precision.EXACT, null).toBirthDate(TODAY))
                .isInstanceOf(DomainException.class)
                .hasMessage("birth-date-incomplete");
        assertThatThrownBy(() -> BirthDate.exact(TODAY.plusDays(1)).checkPlausible(TODAY))
                .hasMessage("birth-date-in-future");
        assertThatThrownBy(() -> BirthDate.year(1900).checkPlausible(TODAY)).hasMessage("birth-date-too-old");
        BirthDate.exact(TODAY).checkPlausible(TODAY);
        BirthDate.year(1907).checkPlausible(TODAY);
    }

    private static BirthDateInput input(BirthDate.Precision precision, @Nullable LocalDate date) {
        return new BirthDateInput(precision, date, null, null);
    }
}
