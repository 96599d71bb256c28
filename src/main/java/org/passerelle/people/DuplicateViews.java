package org.passerelle.people;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.PersonViews.MatchReason;
import org.passerelle.people.PersonViews.Merge;
import org.passerelle.people.PersonViews.PersonSummary;

/** What the duplicate scan and its review queue show and take. */
public final class DuplicateViews {

    private DuplicateViews() {}

    /**
     * A scan of the whole registry.
     *
     * @param status RUNNING, DONE or FAILED
     * @param model REGISTRY when the weights were estimated on this registry by expectation
     *     maximisation; LABELLED when m was learnt from the review queue's merges, with the u measured
     *     on the registry; MEASURED when the hand-set m served with the u measured on the registry;
     *     DEFAULT when the registry was too small to measure
     * @param fallback why EM's weights were not used: TOO_FEW_PERSONS, NOT_CONVERGED or IMPLAUSIBLE;
     *     null when they were (or for scans before this was recorded)
     * @param merges the merges of the review queue there were to learn from
     * @param mergesNeeded how many merges a scan needs to learn from them
     * @param prior the model's prior probability that a pair is the same person
     * @param proposed the pairs proposed for review (new or still pending), not judged different before
     * @param weights the weight of every level of every field the scan used
     */
    public record Scan(
            UUID id,
            Instant startedAt,
            @Nullable Instant finishedAt,
            String status,
            @Nullable String model,
            @Nullable String fallback,
            @Nullable Long merges,
            int mergesNeeded,
            @Nullable Double prior,
            @Nullable Integer persons,
            @Nullable Integer proposed,
            @Nullable Long loadMillis,
            @Nullable Long trainMillis,
            @Nullable Long compareMillis,
            List<FieldWeights> weights) {}

    /** The levels of one field and what each weighs. */
    public record FieldWeights(String field, List<LevelWeight> levels) {}

    /**
     * One level of agreement: its share among true duplicates (m), among different people (u), and
     * the weight log2(m/u) it adds.
     */
    public record LevelWeight(String level, double m, double u, double weight) {}

    /** A pair the scan found likely to be one person, waiting for a data officer's decision. */
    public record Candidate(
            UUID id,
            PersonSummary first,
            PersonSummary second,
            double probability,
            List<MatchReason> reasons,
            Instant foundAt,
            @Nullable OfflineRegistration registeredOffline) {}

    /**
     * The pair was found when a registration made offline reached the server, not by a scan.
     *
     * @param deviceId the device the person was registered on, when it named itself
     */
    public record OfflineRegistration(@Nullable UUID deviceId) {}

    /** A page of the review queue, most likely first, with how many wait in all and the last scan. */
    public record Queue(
            List<Candidate> candidates,
            long pending,
            @Nullable Scan lastScan) {}

    /**
     * Three or more records linked by pairs waiting for review, decided at once.
     *
     * @param persons the group's records, the most linked first
     * @param pairs the pairs waiting for review among them, most likely first
     * @param probability the highest probability among the pairs
     */
    public record Group(List<PersonSummary> persons, List<Candidate> pairs, double probability) {}

    /** A page of the groups of three or more records, most likely first, with how many there are. */
    public record Groups(List<Group> groups, long total) {}

    /**
     * A decision on a whole group: {@code keptId} is kept, {@code mergedIds} are merged into it and
     * {@code separateIds} are other people. Every record of the group is named once.
     */
    public record GroupDecision(
            @NotNull UUID keptId,
            @NotNull List<UUID> mergedIds,
            @NotNull List<UUID> separateIds) {}

    /** What a decision on a group did: the merges made and the pairs decided either way. */
    public record GroupDecided(List<Merge> merges, int pairsMerged, int pairsRejected) {}

    /** Confirms a pair: the other record is merged into {@code keptId}, one of the two. */
    public record MergeDecision(@NotNull UUID keptId) {}
}
