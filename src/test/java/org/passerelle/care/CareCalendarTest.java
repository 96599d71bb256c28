package org.passerelle.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.DomainException;

class CareCalendarTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The application's clock is in the teams' zone ({@code platform.ClockConfiguration}). */
    private static CareCalendar at(String instant) {
        return new CareCalendar(Clock.fixed(Instant.parse(instant), PARIS));
    }

    @Test
    void acceptsAConsultationHeldTodayInParisBetweenMidnightAndTwoInTheMorning() {
        // 00:30 in Paris in summer, still the day before in UTC
        CareCalendar summer = at("2026-06-15T22:30:00Z");
        assertThat(summer.today()).isEqualTo(LocalDate.parse("2026-06-16"));
        assertThat(summer.occurredOn(LocalDate.parse("2026-06-16"))).isEqualTo(LocalDate.parse("2026-06-16"));
        assertThat(summer.occurredOn(null)).isEqualTo(LocalDate.parse("2026-06-16"));
        // 00:45 in Paris in winter, the last day of a month in UTC
        CareCalendar winter = at("2026-11-30T23:45:00Z");
        assertThat(winter.occurredOn(LocalDate.parse("2026-12-01"))).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(winter.thisMonth()).isEqualTo(YearMonth.parse("2026-12"));
    }

    @Test
    void refusesTomorrowInParisAndAYearAgo() {
        CareCalendar calendar = at("2026-06-15T22:30:00Z");
        assertThatThrownBy(() -> calendar.occurredOn(LocalDate.parse("2026-06-17")))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("date-in-future"));
        assertThatThrownBy(() -> calendar.occurredOn(LocalDate.parse("2025-06-15")))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("date-too-old"));
        assertThat(calendar.occurredOn(LocalDate.parse("2025-06-16"))).isEqualTo(LocalDate.parse("2025-06-16"));
    }
}
