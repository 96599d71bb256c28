package org.passerelle.shelters;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.springframework.stereotype.Component;

/** The night in progress and its release hour, from the one clock in the teams' time zone. */
@Component
class Nights {

    private final Clock clock;
    private final ShelterProperties properties;

    Nights(Clock clock, ShelterProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    /** The night in progress: at 02:00 on the 8th, the night of the 7th. */
    LocalDate tonight() {
        LocalDateTime now = LocalDateTime.now(clock);
        return now.toLocalTime().isBefore(properties.nightEndsAt())
                ? now.toLocalDate().minusDays(1)
                : now.toLocalDate();
    }

    LocalTime releaseAt() {
        return properties.noShowReleaseAt();
    }

    /** Whether tonight's no-shows have lost their bed: the release hour of tonight has passed. */
    boolean releaseDue() {
        LocalDate night = tonight();
        LocalDateTime now = LocalDateTime.now(clock);
        return !now.isBefore(night.atTime(properties.noShowReleaseAt()));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
