package org.passerelle.shelters;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.passerelle.shelters.WaitingViews.Criterion;
import org.passerelle.shelters.WaitingViews.RankReason;
import org.passerelle.shelters.WaitingViews.RankedRequest;
import org.passerelle.shelters.WaitingViews.ShelterRequest;

/**
 * A priority rule: points for each criterion of need a request meets, plus points for each day it
 * has waited. The score is their sum, and every point is given with its reason, so that a rank can
 * always be explained; equal scores go to the request made first. Not a hidden score: the weights
 * are the coordinator's, shown beside every ranking.
 */
record PriorityRule(Map<Criterion, Integer> weights, int pointsPerDay) {

    static final String DAYS_WAITED = "DAYS_WAITED";

    /** The rule before a coordinator sets one: every criterion weighs 10, each day waited 1. */
    static PriorityRule standard() {
        Map<Criterion, Integer> weights = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            weights.put(criterion, 10);
        }
        return new PriorityRule(weights, 1);
    }

    /** The requests ranked on {@code today}, best first, each with its reasons. */
    List<RankedRequest> rank(
            List<ShelterRequest> requests, LocalDate today, Function<ShelterRequest, @Nullable String> names) {
        List<RankedRequest> scored = new ArrayList<>();
        for (ShelterRequest request : requests) {
            int days = (int) Math.max(0, ChronoUnit.DAYS.between(request.requestedOn(), today));
            List<RankReason> reasons = new ArrayList<>();
            for (Criterion criterion : request.criteria()) {
                reasons.add(new RankReason(criterion.name(), weights.getOrDefault(criterion, 0)));
            }
            reasons.add(new RankReason(DAYS_WAITED, days * pointsPerDay));
            reasons.sort(Comparator.comparingInt(RankReason::points).reversed());
            int score = reasons.stream().mapToInt(RankReason::points).sum();
            scored.add(new RankedRequest(0, request, names.apply(request), days, score, List.copyOf(reasons)));
        }
        scored.sort(Comparator.comparingInt(RankedRequest::score)
                .reversed()
                .thenComparing(ranked -> ranked.request().requestedAt()));
        List<RankedRequest> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            RankedRequest one = scored.get(i);
            ranked.add(new RankedRequest(
                    i + 1, one.request(), one.chosenName(), one.daysWaited(), one.score(), one.reasons()));
        }
        return ranked;
    }
}
