package org.passerelle.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting anyone lock a real user out. Failures are counted per
 * user name and client address together: after five, each further attempt from that address for
 * that name must wait twice as long as the last (1 s, 2 s, 4 s ... at most 15 minutes). The same
 * user logging in from elsewhere is not slowed. A client address that fails on many names is slowed
 * as a whole. Unknown user names are counted exactly like known ones, so the answers do not reveal
 * which accounts exist.
 */
@Component
class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 50;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> byNameAndAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this client must still wait before trying this name again; zero when it may try now. */
    Duration waitBeforeAttempt(String username, String address) {
        Instant now = clock.instant();
        Duration wait = remaining(byNameAndAddress.get(key(username, address)), FREE_FAILURES, now);
        Duration addressWait = remaining(byAddress.get(address), FREE_FAILURES_PER_ADDRESS, now);
        return wait.compareTo(addressWait) >= 0 ? wait : addressWait;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        byNameAndAddress.merge(
                key(username, address), new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        byAddress.merge(address, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
    }

    void succeeded(String username, String address) {
        byNameAndAddress.remove(key(username, address));
    }

    @Scheduled(fixedDelay = 600_000)
    void forgetOldFailures() {
        Instant horizon = clock.instant().minus(FORGET_AFTER.plus(LONGEST_WAIT));
        byNameAndAddress.values().removeIf(failures -> failures.last().isBefore(horizon));
        byAddress.values().removeIf(failures -> failures.last().isBefore(horizon));
    }

    private static Duration remaining(@Nullable Failures failures, int free, Instant now) {
        if (failures == null || failures.count() < free) {
            return Duration.ZERO;
        }
        if (failures.last().isBefore(now.minus(FORGET_AFTER))) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures.count() - free, 20);
        Duration wait = Duration.ofSeconds(1L << doublings);
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        Duration left = Duration.between(now, failures.last().plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String key(String username, String address) {
        return username.strip().toLowerCase(Locale.ROOT) + "\u0000" + address;
    }
}
