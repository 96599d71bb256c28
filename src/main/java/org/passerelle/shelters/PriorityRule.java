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
import org.passerelle.shelters.WaitingViews.Ranked;
import org.passerelle.shelters.WaitingViews.Reason;
import org.passerelle.shelters.WaitingViews.Request;

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
    List<Ranked> rank(List<Request> requests, LocalDate today, Function<Request, @Nullable String> names) {
        List<Ranked> scored = new ArrayList<>();
        for (Request request : requests) {
            int days = (int) Math.max(0, ChronoUnit.DAYS.between(request.requestedOn(), today));
            List<Reason> reasons = new ArrayList<>();
            for (Criterion criterion : request.criteria()) {
                reasons.add(new Reason(criterion.name(), weights.getOrDefault(criterion, 0)));
            }
            reasons.add(new Reason(DAYS_WAITED, days * pointsPerDay));
            reasons.sort(Comparator.comparingInt(Reason::points).reversed());
            int score = reasons.stream().mapToInt(Reason::points).sum();
            scored.add(new Ranked(0, request, names.apply(request), days, score, List.copyOf(reasons)));
        }
        scored.sort(Comparator.comparingInt(Ranked::score)
                .reversed()
                .thenComparing(ranked -> ranked.request().requestedAt()));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Ranked one = scored.get(i);
            ranked.add(
                    new Ranked(i + 1, one.request(), one.chosenName(), one.daysWaited(), one.score(), one.reasons()));
        }
        return ranked;
    }
}
