package org.passerelle.referrals;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.referrals.DirectoryViews.ServiceKind;

/** The records of referrals and accompaniments. */
public final class ReferralViews {

    private ReferralViews() {}

    /** How soon the person should be seen; it sets the day by which the team checks. */
    public enum Urgency {
        ROUTINE(30),
        SOON(7),
        URGENT(2);

        private final int followWithinDays;

        Urgency(int followWithinDays) {
            this.followWithinDays = followWithinDays;
        }

        /** How many days after sending (or acceptance) the team looks at the referral again. */
        public int followWithinDays() {
            return followWithinDays;
        }
    }

    /** Who agreed to the referral and to what the letter carries. */
    public enum Consent {
        PERSON,
        LEGAL_GUARDIAN
    }

    /**
     * Where a referral stands: sent, then accepted by the service, attended by the person and
     * closed; or refused by the service, or lost to follow-up. The last three are final.
     */
    public enum Status {
        SENT,
        ACCEPTED,
        ATTENDED,
        CLOSED,
        REFUSED,
        LOST;

        /** The statuses a referral may move to from this one. */
        public Set<Status> next() {
            return switch (this) {
                case SENT -> EnumSet.of(ACCEPTED, ATTENDED, REFUSED, LOST);
                case ACCEPTED -> EnumSet.of(ATTENDED, REFUSED, LOST);
                case ATTENDED -> EnumSet.of(CLOSED);
                case CLOSED, REFUSED, LOST -> EnumSet.noneOf(Status.class);
            };
        }

        public boolean open() {
            return this == SENT || this == ACCEPTED;
        }
    }

    /** How the person and their companion went. */
    public enum Transport {
        WALK,
        PUBLIC_TRANSPORT,
        TEAM_VEHICLE,
        TAXI,
        AMBULANCE,
        OTHER
    }

    /** What came of an accompaniment. */
    public enum AccompanimentOutcome {
        SEEN,
        ADMITTED,
        NOT_SEEN,
        REDIRECTED
    }

    /**
     * A referral made from a person's page or from a consultation ({@code encounterId}).
     *
     * @param sentOn the day it was sent; today when not given
     */
    public record NewReferral(
            @NotNull UUID id,
            @NotNull UUID personId,
            @NotNull UUID serviceId,
            @NotBlank @Size(max = 2000) String reason,
            @NotNull Urgency urgency,
            @NotNull Consent consent,
            @Nullable LocalDate sentOn,
            @Nullable UUID encounterId) {}

    /**
     * The "referred-to" answer of a signed consultation turned into a referral followed step by step:
     * the destination chosen from the directory, sent on the consultation's day.
     */
    public record AnswerTurned(
            @NotNull UUID id,
            @NotNull UUID encounterId,
            @NotNull UUID serviceId,
            @NotBlank @Size(max = 2000) String reason,
            @NotNull Urgency urgency,
            @NotNull Consent consent) {}

    /** A step recorded on a referral read at {@code version}. */
    public record NewStep(
            @NotNull Long version,
            @NotNull Status status,
            @NotNull LocalDate occurredOn,
            @Nullable @Size(max = 2000) String note) {}

    /** A step of a referral, signed by who recorded it. */
    public record Step(
            Status status, LocalDate occurredOn, @Nullable String note, Instant recordedAt, String recordedBy) {}

    public record NewAccompaniment(
            @NotNull UUID id,
            @NotNull LocalDate occurredOn,
            @NotBlank @Size(max = 200) String companions,
            @NotNull Transport transport,
            @NotNull @Min(1) @Max(1440) Integer minutes,
            @NotNull AccompanimentOutcome outcome,
            @Nullable @Size(max = 2000) String note) {}

    public record Accompaniment(
            UUID id,
            LocalDate occurredOn,
            String companions,
            Transport transport,
            int minutes,
            AccompanimentOutcome outcome,
            @Nullable String note) {}

    /**
     * A referral as the team reads it.
     *
     * @param followBy the day by which the team checks what became of it
     * @param overdue whether that day has passed while the referral is still open
     */
    public record Referral(
            UUID id,
            UUID personId,
            UUID siteId,
            @Nullable UUID encounterId,
            UUID serviceId,
            String serviceName,
            ServiceKind serviceKind,
            String reason,
            Urgency urgency,
            Consent consent,
            Status status,
            LocalDate sentOn,
            LocalDate followBy,
            boolean overdue,
            long version,
            List<Step> steps,
            List<Accompaniment> accompaniments) {

        public Referral {
            steps = List.copyOf(steps);
            accompaniments = List.copyOf(accompaniments);
        }
    }

    /** An open referral on a site's "to follow" list, with who it is for. */
    public record ToFollow(
            UUID id,
            UUID personId,
            @Nullable String personName,
            @Nullable String patientCode,
            String serviceName,
            ServiceKind serviceKind,
            Urgency urgency,
            Status status,
            LocalDate sentOn,
            LocalDate followBy,
            boolean overdue,
            long version) {}
}
