package org.passerelle.people;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonViews.LikelyMatch;
import org.passerelle.people.PersonViews.MatchReason;
import org.passerelle.people.PersonViews.OtherName;
import org.passerelle.people.PersonViews.PersonDetails;
import org.passerelle.people.matching.FellegiSunterModel;
import org.passerelle.people.matching.Linker;
import org.passerelle.people.matching.MatchablePerson;
import org.passerelle.people.matching.PersonMatching;
import org.passerelle.people.matching.PersonRecord;
import org.passerelle.people.matching.ScoredPair;
import org.passerelle.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registrations made offline meet the duplicate engine when they reach the server: the carer on
 * the device could not see the registry, so the persons likely to be the same join the data
 * officer's review queue, marked as registered offline and on which device. The registration
 * itself stands; the data officer merges or tells them apart.
 */
@Component
class OfflineRegistrations {

    private final PersonRegistry registry;
    private final PersonRepository persons;
    private final MatchIndex matchIndex;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    OfflineRegistrations(
            PersonRegistry registry,
            PersonRepository persons,
            MatchIndex matchIndex,
            AuditLog audit,
            JdbcClient jdbc,
            JsonMapper json,
            Clock clock) {
        this.json = json;
        this.registry = registry;
        this.persons = persons;
        this.matchIndex = matchIndex;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Puts the persons likely to be {@code personId} in the review queue; returns how many. */
    int lookForDuplicates(UUID personId, PersonDetails details, @Nullable UUID deviceId) {
        List<LikelyMatch> matches = registry.likelyMatches(details).stream()
                .filter(match -> !match.person().id().equals(personId))
                .toList();
        for (LikelyMatch match : matches) {
            queue(personId, match.person().id(), match.probability(), match.reasons(), deviceId);
        }
        return matches.size();
    }

    /**
     * Puts the persons likely to be each of {@code registered} (just registered together) in the review
     * queue, as {@link #lookForDuplicates} does for each in turn, with one look-up of the registry for
     * the batch: the match keys of all of them in one query, the persons they share keys with read at
     * once, then each scored by the matching engine as before a registration. The persons of the batch
     * meet each other too, as they would registered one after the other. One search is audited per
     * registration, as the look-up of each would. Returns how many pairs were queued.
     */
    int lookForDuplicatesAll(List<Registrations.NewPerson> registered, @Nullable UUID deviceId) {
        PersonAccess.requireCarer(registry.currentUser());
        LocalDate today = LocalDate.now(clock);
        List<PersonRecord> records = registered.stream()
                .map(person -> Registrations.matchable(person.details(), today))
                .toList();
        audit.recordSearches(PersonRegistry.RECORD_TYPE, registered.size());
        List<List<UUID>> candidates = matchIndex.candidatesOf(records);
        Set<UUID> all = new HashSet<>();
        candidates.forEach(all::addAll);
        Map<UUID, MatchablePerson> compared = comparable(List.copyOf(all));
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < registered.size(); i++) {
            UUID personId = registered.get(i).id();
            List<UUID> ids =
                    candidates.get(i).stream().filter(compared::containsKey).toList();
            List<MatchablePerson> against = ids.stream().map(compared::get).toList();
            MatchablePerson probe = MatchablePerson.of(records.get(i));
            List<ScoredPair> shown =
                    LINKER.lookUp(probe, against, MODEL, MODEL.scoreFor(PersonRegistry.LIKELY)).stream()
                            .limit(PersonRegistry.LIKELY_SHOWN)
                            .filter(pair -> !ids.get(pair.second()).equals(personId))
                            .toList();
            for (ScoredPair pair : shown) {
                List<MatchReason> reasons =
                        SearchMatches.reasons(LINKER.explain(probe, against.get(pair.second()), MODEL));
                pairs.add(new Pair(personId, ids.get(pair.second()), pair.probability(), reasons));
            }
        }
        queueAll(pairs, deviceId);
        return pairs.size();
    }

    /** A person just registered and one likely to be the same, with what the engine found. */
    private record Pair(UUID personId, UUID otherId, double probability, List<MatchReason> reasons) {}

    /** Queues the pairs in one statement, each as {@link #queue} does. */
    private void queueAll(List<Pair> pairs, @Nullable UUID deviceId) {
        if (pairs.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into people.duplicate_candidate (id, person_a, person_b, scan_id, found_at, probability,
                            score, levels, weights, status, registered_offline, offline_device_id, reason_fields)
                        select id, least(one, other), greatest(one, other), null, :at, probability, score,
                               array(select jsonb_array_elements_text(cast(levels as jsonb))),
                               array(select cast(jsonb_array_elements_text(cast(weights as jsonb)) as double precision)),
                               'PENDING', true, :device,
                               array(select jsonb_array_elements_text(cast(fields as jsonb)))
                          from unnest(:ids, :ones, :others, :probabilities, :scores, :levels, :weights, :fields)
                               as q(id, one, other, probability, score, levels, weights, fields)
                        on conflict (person_a, person_b) do nothing
                        """)
                .param("at", at)
                .param("device", deviceId)
                .param("ids", pairs.stream().map(pair -> Ids.newId()).toArray(UUID[]::new))
                .param("ones", pairs.stream().map(Pair::personId).toArray(UUID[]::new))
                .param("others", pairs.stream().map(Pair::otherId).toArray(UUID[]::new))
                .param(
                        "probabilities",
                        pairs.stream()
                                .map(pair -> Math.min(1.0, Math.max(0.0, pair.probability())))
                                .toArray(Double[]::new))
                .param(
                        "scores",
                        pairs.stream()
                                .map(pair -> pair.reasons().stream()
                                        .mapToDouble(MatchReason::weight)
                                        .sum())
                                .toArray(Double[]::new))
                .param("levels", json(pairs, MatchReason::level))
                .param("weights", json(pairs, MatchReason::weight))
                .param("fields", json(pairs, MatchReason::field))
                .update();
    }

    /** For each pair, one part of each of its reasons as a JSON array. */
    private String[] json(List<Pair> pairs, java.util.function.Function<MatchReason, Object> part) {
        return pairs.stream()
                .map(pair -> json.writeValueAsString(
                        pair.reasons().stream().map(part).toList()))
                .toArray(String[]::new);
    }

    /** The persons as the engine compares them, read with a few queries for the lot. */
    private Map<UUID, MatchablePerson> comparable(List<UUID> ids) {
        List<PersonRepository.Row> rows = persons.findAllById(ids);
        Map<UUID, List<OtherName>> otherNames =
                persons.otherNames(rows.stream().map(PersonRepository.Row::id).toList());
        Map<UUID, MatchablePerson> comparable = new HashMap<>();
        rows.forEach(row -> comparable.put(
                row.id(), MatchablePerson.of(persons.matchable(row, otherNames.getOrDefault(row.id(), List.of())))));
        return comparable;
    }

    private static final Linker<MatchablePerson> LINKER = SearchMatches.LINKER;
    private static final FellegiSunterModel MODEL = PersonMatching.defaultModel();

    private void queue(
            UUID personId, UUID otherId, double probability, List<MatchReason> reasons, @Nullable UUID deviceId) {
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
                .param("other", otherId)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("probability", Math.min(1.0, Math.max(0.0, probability)))
                .param("score", score)
                .param("levels", reasons.stream().map(MatchReason::level).toArray(String[]::new))
                .param("weights", reasons.stream().map(MatchReason::weight).toArray(Double[]::new))
                .param("device", deviceId)
                .param("fields", reasons.stream().map(MatchReason::field).toArray(String[]::new))
                .update();
    }
}
