package org.passerelle.shelters;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The waiting list's commands and views. A request records only what the decision needs: who asks
 * (a registered person, or an anonymous request described by sex, age group and household size),
 * who passed it on, and the criteria of need the programme chose. No nationality, no
 * administrative status.
 */
public final class WaitingViews {

    private WaitingViews() {}

    /** The criteria of need a priority rule weighs. */
    public enum Criterion {
        MINOR,
        PREGNANCY,
        MEDICAL_VULNERABILITY,
        VIOLENCE_EXPOSURE,
        SLEEPING_OUTSIDE,
        WEATHER_ALERT,
        YOUNG_CHILDREN,
        DISABILITY
    }

    public enum Source {
        SITE,
        STREET_TEAM,
        HOTLINE_115,
        PARTNER,
        SELF
    }

    public enum Status {
        WAITING,
        OFFERED,
        ADMITTED,
        WITHDRAWN
    }

    public enum OfferAnswer {
        PENDING,
        ACCEPTED,
        REFUSED
    }

    public enum RefusalReason {
        PLACE_NOT_SUITABLE,
        FOUND_ELSEWHERE,
        NOT_REACHED,
        CHANGED_MIND,
        OTHER
    }

    /**
     * A request for a place at the shelter {@code siteId}. For a registered person, sex and age
     * group come from their record; an anonymous request gives them (or leaves them unknown).
     */
    public record NewShelterRequest(
            @NotNull UUID id,
            @NotNull UUID siteId,
            @Nullable UUID personId,
            @NotNull Source source,
            @Nullable String sex,
            @Nullable String ageGroup,
            @Nullable @Min(1) @Max(20) Integer householdSize,
            @NotNull @Size(max = 20) List<String> criteria) {}

    public record ShelterRequest(
            UUID id,
            UUID siteId,
            @Nullable UUID personId,
            Source source,
            String sex,
            String ageGroup,
            int householdSize,
            List<Criterion> criteria,
            Instant requestedAt,
            LocalDate requestedOn,
            Status status,
            long version) {}

    /** What one criterion, or the days waited, adds to a request's score. */
    public record RankReason(String criterion, int points) {}

    /** A request in the ranking, with its score and every reason for it. */
    public record RankedRequest(
            int rank,
            ShelterRequest request,
            @Nullable String chosenName,
            int daysWaited,
            int score,
            List<RankReason> reasons) {}

    public record WaitingRule(UUID siteId, Map<Criterion, Integer> weights, int pointsPerDay, long version) {}

    /** A coordinator's new rule; {@code version} is the one read (0 when the site had none). */
    public record WaitingRuleChange(
            @NotNull Map<String, @NotNull @Min(0) @Max(100) Integer> weights,
            @Min(0) @Max(100) int pointsPerDay,
            long version) {}

    public record NewBedOffer(@NotNull UUID id, @Nullable UUID bedId) {}

    public record BedOffer(
            UUID id,
            UUID requestId,
            @Nullable UUID bedId,
            Instant offeredAt,
            int daysWaited,
            OfferAnswer answer,
            @Nullable RefusalReason refusalReason,
            long version) {}

    /** An offer awaiting its answer, with the chosen name of the request's person (none when anonymous). */
    public record PendingOffer(BedOffer offer, @Nullable String chosenName, int householdSize) {}

    public record OfferReply(
            @NotNull OfferAnswer answer, @Nullable RefusalReason refusalReason, long version) {}
}
