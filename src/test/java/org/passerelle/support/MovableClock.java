package org.passerelle.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application's clock in tests: the system clock in the application's zone, shifted by an
 * offset that tests move instead of sleeping. The offset is one for the whole test JVM, so that
 * every application a test starts and the test's own helpers (such as {@link TotpCodes}) agree
 * on the time.
 *
 * <p>{@link Installer} replaces the application's {@link Clock} bean with one of these in every
 * application started by the tests (it is listed as an auto-configuration of the test classpath).
 */
public final class MovableClock extends Clock {

    private static final ZoneId TEAMS_ZONE = ZoneId.of("Europe/Paris");
    private static final Duration CLOSE_TO_MIDNIGHT = Duration.ofMinutes(5);
    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    private final ZoneId zone;

    MovableClock(ZoneId zone) {
        this.zone = zone;
    }

    /** The current instant of every application the tests start. */
    public static Instant now() {
        return Instant.now().plus(OFFSET.get());
    }

    /** Today in the zone the applications run in by default (Europe/Paris), by the tests' clock. */
    public static LocalDate today() {
        return now().atZone(TEAMS_ZONE).toLocalDate();
    }

    /**
     * Moves the clock just past midnight when it is within a few minutes of it, so that a test that
     * works out "today" before asking the application agrees with the day the application sees.
     * Forward only, and by less than any session timeout.
     */
    public static void clearOfMidnight() {
        ZonedDateTime local = now().atZone(TEAMS_ZONE);
        ZonedDateTime nextMidnight = local.toLocalDate().plusDays(1).atStartOfDay(TEAMS_ZONE);
        Duration left = Duration.between(local, nextMidnight);
        if (left.compareTo(CLOSE_TO_MIDNIGHT) < 0) {
            advance(left.plusMinutes(1));
        }
    }

    /** Moves the time forward, as if the given time had passed. */
    public static void advance(Duration elapsed) {
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + elapsed);
        }
        OFFSET.updateAndGet(offset -> offset.plus(elapsed));
    }

    /**
     * Runs the action at the given instant (the clock goes on from there), then puts the clock back
     * where it would have been without the jump.
     */
    public static void runAt(Instant instant, Runnable action) {
        Duration before = OFFSET.get();
        Instant systemNow = Instant.now();
        OFFSET.set(Duration.between(systemNow, instant));
        try {
            action.run();
        } finally {
            OFFSET.set(before);
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new MovableClock(zone);
    }

    @Override
    public Instant instant() {
        return now();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MovableClock clock && clock.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(MovableClock.class, zone);
    }

    /** Puts a movable clock in place of the application's clock, keeping its zone. */
    @AutoConfiguration
    public static class Installer {

        @Bean
        static BeanPostProcessor movableClockInstaller() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof Clock clock && !(bean instanceof MovableClock)
                            ? new MovableClock(clock.getZone())
                            : bean;
                }
            };
        }
    }
}
