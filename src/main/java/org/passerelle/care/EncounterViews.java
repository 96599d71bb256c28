package org.passerelle.care;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import tools.jackson.databind.JsonNode;

/** The records of consultations recorded with forms. */
public final class EncounterViews {

    private EncounterViews() {}

    /** Where a consultation stands: being written by its author, or signed. */
    public enum Status {
        DRAFT,
        SIGNED
    }

    /**
     * What the current user may do with a consultation they read: change, sign or discard their
     * draft, amend a signed one, print its prescription's dosage sheet. A client offers these and
     * no other: under a break-the-glass a consultation is read, not amended.
     */
    public enum Action {
        CHANGE,
        SIGN,
        DISCARD,
        AMEND,
        PRINT_PRESCRIPTION
    }

    /**
     * Starts a consultation with a form at the current site: saved as a draft, or signed at once.
     * A client working offline may choose the id.
     *
     * @param personId the person; none for a group session
     * @param answers the answers by field code
     * @param dispenseFrom on signing, the stock place to hand the prescription out from, if any
     */
    public record NewEncounter(
            @Nullable UUID id,
            @Nullable UUID personId,
            @NotBlank @Size(max = 40) String formCode,
            @Nullable LocalDate occurredOn,
            @NotNull JsonNode answers,
            boolean sign,
            @Nullable UUID dispenseFrom) {}

    /**
     * New answers for a draft, which stays a draft or is signed.
     *
     * @param dispenseFrom on signing, the stock place to hand the prescription out from, if any
     */
    public record DraftChange(
            long version,
            @Nullable LocalDate occurredOn,
            @NotNull JsonNode answers,
            boolean sign,
            @Nullable UUID dispenseFrom) {}

    /** New answers for a signed consultation, and why: a new revision, the old ones kept. */
    public record Amendment(
            long version,
            @Nullable LocalDate occurredOn,
            @NotNull JsonNode answers,
            @NotBlank @Size(max = 500) String reason) {}

    /**
     * A consultation with its answers.
     *
     * @param version for optimistic concurrency: send it back with a change
     * @param revision how many times it was signed: 1, then one more per amendment
     * @param alerts the form's alerts that hold now
     * @param allowedActions what the current user may do with it
     */
    public record Encounter(
            UUID id,
            @Nullable UUID personId,
            UUID siteId,
            String formCode,
            int formVersion,
            Discipline discipline,
            Compartment compartment,
            LocalDate occurredOn,
            Status status,
            int revision,
            long version,
            UUID providerId,
            String providerName,
            JsonNode answers,
            @Nullable Integer attendees,
            Instant createdAt,
            @Nullable Instant signedAt,
            List<RevisionSummary> revisions,
            List<ActiveAlert> alerts,
            Set<Action> allowedActions) {}

    /** One signed version of a consultation. */
    public record RevisionSummary(
            int revision,
            int formVersion,
            Instant signedAt,
            String signedBy,
            @Nullable String reason) {}

    /** A past signed version with its answers. */
    public record Revision(
            int revision,
            int formVersion,
            LocalDate occurredOn,
            JsonNode answers,
            Instant signedAt,
            String signedBy,
            @Nullable String reason) {}

    /** An alert of the form that holds, with its deadline when it has one. */
    public record ActiveAlert(String code, @Nullable LocalDateTime until) {}

    /** A consultation in a list: the current user's drafts, a site's group sessions. */
    public record EncounterSummary(
            UUID id,
            @Nullable UUID personId,
            String formCode,
            Discipline discipline,
            LocalDate occurredOn,
            Status status,
            @Nullable Integer attendees,
            String providerName,
            Instant updatedAt) {}
}
