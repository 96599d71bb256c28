package org.passerelle.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void letsFiveFailuresPassThenDoublesTheWait() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            throttle.failed("amina", "10.0.0.1");
        }
        assertThat(throttle.waitBeforeAttempt("amina", "10.0.0.1")).isZero();

        throttle.failed("amina", "10.0.0.1");
        assertThat(throttle.waitBeforeAttempt("amina", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        throttle.failed("amina", "10.0.0.1");
        assertThat(throttle.waitBeforeAttempt("amina", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));

        now = now.plusSeconds(2);
        assertThat(throttle.waitBeforeAttempt("amina", "10.0.0.1")).isZero();
    }

    @Test
    void neverWaitsLongerThanFifteenMinutes() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("amina", "10.0.0.1");
        }
        assertThat(throttle.waitBeforeAttempt("amina", "10.0.0.1")).isEqualTo(LoginThrottle.LONGEST_WAIT);
    }

    @Test
    void doesNotSlowTheSameUserFromAnotherPlaceNorForgetAfterSuccessElsewhere() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("Amina", "10.0.0.1");
        }

        assertThat(throttle.waitBeforeAttempt("amina", "10.0.0.1")).isPositive();
        assertThat(throttle.waitBeforeAttempt("amina", "192.168.1.20")).isZero();
        throttle.succeeded("amina", "192.168.1.20");
        assertThat(throttle.waitBeforeAttempt("amina", "10.0.0.1")).isPositive();
    }

    @Test
    void slowsAnAddressThatTriesManyNames() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }

        assertThat(throttle.waitBeforeAttempt("someone-new", "10.0.0.9")).isPositive();
        assertThat(throttle.waitBeforeAttempt("someone-new", "10.0.0.10")).isZero();
    }
}
