package org.passerelle.care;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Today and now in care, read from the one clock in the teams' time zone
 * ({@code passerelle.care.time-zone}): at 00:30 in Paris a consultation held today is today, not
 * tomorrow as in UTC. Also the rule every consultation's day follows.
 */
@Component
class CareCalendar {

    private final Clock clock;
    private final ZoneId zone;

    CareCalendar(Clock clock, @Value("${passerelle.care.time-zone:Europe/Paris}") ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(zone));
    }

    YearMonth thisMonth() {
        return YearMonth.now(clock.withZone(zone));
    }

    /**
     * The day a consultation was held: today unless another is given, and never in the future nor
     * more than a year ago ({@code occurredOn}: {@code date-in-future}, {@code date-too-old}).
     */
    LocalDate occurredOn(@Nullable LocalDate requested) {
        LocalDate today = today();
        LocalDate occurredOn = Objects.requireNonNullElse(requested, today);
        if (occurredOn.isAfter(today)) {
            throw CareProblems.dateInFuture();
        }
        if (occurredOn.isBefore(today.minusYears(1))) {
            throw CareProblems.dateTooOld();
        }
        return occurredOn;
    }
}
