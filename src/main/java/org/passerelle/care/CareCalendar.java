package org.passerelle.care;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Today and now in care, read from the one clock, which is in the teams' time zone ({@code
 * passerelle.time-zone}): at 00:30 in Paris a consultation held today is today, not tomorrow as in
 * UTC. Also the rule every consultation's day follows.
 */
@Component
class CareCalendar {

    private final Clock clock;

    CareCalendar(Clock clock) {
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    YearMonth thisMonth() {
        return YearMonth.now(clock);
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
