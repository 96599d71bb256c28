package org.passerelle.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the whole application, in the teams' time zone ({@code passerelle.time-zone},
 * from {@code PASSERELLE_TIME_ZONE}, Europe/Paris by default).
 *
 * <p>Every module injects this {@link Clock} and takes its "today" and "now" from it, never from
 * the system: {@code LocalDate.now(clock)} is the teams' today (so a consultation recorded at 00:30
 * in Paris is dated that day, not the day before as in UTC), {@code LocalDateTime.now(clock)} their
 * wall-clock time, {@code clock.instant()} a timestamp, and {@code clock.getZone()} the zone to
 * show an instant in. Tests replace it with a clock they move instead of sleeping.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${passerelle.time-zone:Europe/Paris}") ZoneId teamsZone) {
        return Clock.system(teamsZone);
    }
}
