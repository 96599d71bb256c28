package org.passerelle.people;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.PersonViews.LikelyMatch;
import org.passerelle.people.PersonViews.MatchReason;
import org.passerelle.people.PersonViews.PersonDetails;
import org.passerelle.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Registrations made offline meet the duplicate engine when they reach the server: the carer on
 * the device could not see the registry, so the persons likely to be the same join the data
 * officer's review queue, marked as registered offline and on which device. The registration
 * itself stands; the data officer merges or tells them apart.
 */
@Component
class OfflineRegistrations {

    private final PersonRegistry registry;
    private final JdbcClient jdbc;
    private final Clock clock;

    OfflineRegistrations(PersonRegistry registry, JdbcClient jdbc, Clock clock) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Puts the persons likely to be {@code personId} in the review queue; returns how many. */
    int lookForDuplicates(UUID personId, PersonDetails details, @Nullable UUID deviceId) {
        List<LikelyMatch> matches = registry.likelyMatches(details).stream()
                .filter(match -> !match.person().id().equals(personId))
                .toList();
        for (LikelyMatch match : matches) {
            queue(personId, match, deviceId);
        }
        return matches.size();
    }

    private void queue(UUID personId, LikelyMatch match, @Nullable UUID deviceId) {
        List<MatchReason> reasons = match.reasons();
        double score = reasons.stream().mapToDouble(MatchReason::weight).sum();
        jdbc.sql("""
                        insert into people.duplicate_candidate (id, person_a, person_b, scan_id, found_at, probability,
                            score, levels, weights, status, registered_offline, offline_device_id, reason_fields)
                        values (:id, least(:one, :other), greatest(:one, :other), null, :at, :probability, :score,
                            :levels, :weights, 'PENDING', true, :device, :fields)
                        on conflict (person_a, person_b) do nothing
                        """)
                .param("id", Ids.newId())
                .param("one", personId)
                .param("other", match.person().id())
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("probability", Math.min(1.0, Math.max(0.0, match.probability())))
                .param("score", score)
                .param("levels", reasons.stream().map(MatchReason::level).toArray(String[]::new))
                .param("weights", reasons.stream().map(MatchReason::weight).toArray(Double[]::new))
                .param("device", deviceId)
                .param("fields", reasons.stream().map(MatchReason::field).toArray(String[]::new))
                .update();
    }
}
