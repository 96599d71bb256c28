package org.passerelle.outreach;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The records the outreach module hands out and takes in. */
public final class OutreachViews {

    private OutreachViews() {}

    public enum SessionKind {
        MOBILE_CLINIC,
        NIGHT_ROUND
    }

    /** People seen without registration, of one sex and age group. */
    public record SessionTally(
            @NotNull @Pattern(regexp = "FEMALE|MALE|OTHER|UNKNOWN")
            String sex,

            @NotNull @Pattern(regexp = "00-04|05-14|15-17|18\\+|unknown")
            String ageGroup,

            int people) {}

    /** How many of one item were handed out. */
    public record SessionDistribution(
            @NotNull @Pattern(regexp = "[a-z-]{2,40}") String item, int quantity) {}

    /**
     * Plans a session (no actual times yet) or records one held. On a change, {@code version} is the
     * version read; a team left empty is the user alone.
     */
    public record OutreachSessionForm(
            @Nullable UUID id,
            @Nullable Long version,
            @NotNull UUID locationId,
            @NotNull SessionKind kind,
            @NotNull Instant plannedStart,
            @NotNull Instant plannedEnd,
            @Nullable Instant actualStart,
            @Nullable Instant actualEnd,
            @Nullable @Size(max = 20) List<UUID> team,
            @Nullable @Size(max = 20) List<@Valid SessionTally> tallies,
            @Nullable @Size(max = 40) List<String> needs,
            @Nullable @Size(max = 40) List<@Valid SessionDistribution> distributions,
            @Nullable @Size(max = 2000) String note) {}

    /** Links a consultation held during the session. */
    public record SessionConsultationLink(@NotNull UUID encounterId) {}

    public record SessionMember(UUID userId, String name) {}

    /** A session as planned and, once held, as it went. */
    public record OutreachSession(
            UUID id,
            UUID siteId,
            UUID locationId,
            String locationName,
            SessionKind kind,
            LocalDate day,
            Instant plannedStart,
            Instant plannedEnd,
            @Nullable Instant actualStart,
            @Nullable Instant actualEnd,
            List<SessionMember> team,
            List<SessionTally> tallies,
            List<String> needs,
            List<SessionDistribution> distributions,
            List<UUID> consultationIds,
            @Nullable String note,
            long version) {}

    /** One outreach location and the sessions planned there on the day. */
    public record OutreachLocationPlan(
            UUID locationId,
            String name,
            @Nullable Double latitude,
            @Nullable Double longitude,
            List<OutreachSession> sessions) {}

    /** A mobile team's day: each of its locations with that day's sessions. */
    public record OutreachDayPlan(UUID siteId, LocalDate day, List<OutreachLocationPlan> locations) {}

    /** People reached of one sex and age group, registered and anonymous together. */
    public record SessionReachCell(String sex, String ageGroup, int people) {}

    /**
     * What the coordinator reads of a session: people reached (registered persons once each, plus
     * anonymous counts) split by sex and age group, consultations, needs and distributions.
     */
    public record OutreachSessionSummary(
            OutreachSession session,
            int peopleReached,
            int registeredPersons,
            int anonymousPeople,
            List<SessionReachCell> bySexAndAgeGroup,
            int consultations,
            @Nullable Long minutes) {}

    /** Sessions held and people reached at one location over a period. */
    public record OutreachLocationReach(UUID locationId, String name, int sessionsHeld, int peopleReached) {}

    /** A need or an item, with its label in each language. */
    public record OutreachLabel(String code, Map<String, String> labels) {}

    /** The needs a team may observe and the items it may hand out. */
    public record OutreachNeedsAndItems(List<OutreachLabel> needs, List<OutreachLabel> items) {}

    /** One point of a map layer; never a person's name. */
    public record OutreachMapPoint(
            String id,
            String layer,
            double lat,
            double lon,
            String label,
            String status,
            @Nullable Instant at) {}

    public record OutreachMapPoints(List<OutreachMapPoint> points) {}
}
