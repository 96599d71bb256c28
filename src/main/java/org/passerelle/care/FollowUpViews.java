package org.passerelle.care;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.PersonViews.PersonSummary;

/** The records of follow-up programmes. */
public final class FollowUpViews {

    private FollowUpViews() {}

    public enum Status {
        ACTIVE,
        CLOSED
    }

    /** Why a follow-up ended. */
    public enum ClosedReason {
        COMPLETED,
        DELIVERED,
        TRANSFERRED,
        LOST_TO_FOLLOW_UP,
        DIED,
        OTHER
    }

    /** Where a follow-up stands today. */
    public enum Standing {
        /** The next visit is more than a week away. */
        PLANNED,
        /** The next visit is within a week. */
        DUE_SOON,
        /** The next visit's day has passed without a visit. */
        OVERDUE,
        /** No next visit is set. */
        NOT_PLANNED,
        CLOSED
    }

    /**
     * Enrols a person at the current site; a client working offline may choose the id.
     *
     * @param dueDate for a pregnancy: the expected date of delivery
     * @param conditionCode for chronic care: the ICD-10 code of the condition followed
     */
    @Schema(name = "FollowUpEnrolment")
    public record Enrolment(
            @Nullable UUID id,
            @NotNull FollowUpProgramme programme,
            @Nullable LocalDate startedOn,
            @Nullable LocalDate nextVisitOn,
            @Nullable LocalDate dueDate,
            @Nullable @Size(max = 10) String conditionCode,
            @Nullable @Size(max = 20) List<String> riskFlags) {}

    /** New plans for an active follow-up. */
    public record FollowUpChange(
            long version,
            @Nullable LocalDate nextVisitOn,
            @Nullable LocalDate dueDate,
            @Nullable @Size(max = 10) String conditionCode,
            @Nullable @Size(max = 20) List<String> riskFlags) {}

    public record Closure(
            long version,
            @NotNull ClosedReason reason,
            @Nullable LocalDate closedOn) {}

    public record FollowUp(
            UUID id,
            UUID personId,
            UUID siteId,
            FollowUpProgramme programme,
            LocalDate startedOn,
            @Nullable LocalDate lastVisitOn,
            @Nullable LocalDate nextVisitOn,
            @Nullable LocalDate dueDate,
            @Nullable String conditionCode,
            List<String> riskFlags,
            Status status,
            @Nullable LocalDate closedOn,
            @Nullable ClosedReason closedReason,
            long version,
            Standing standing) {}

    /** A follow-up in a site's list of visits due, with the person to call. */
    public record DueFollowUp(FollowUp followUp, PersonSummary person) {}
}
