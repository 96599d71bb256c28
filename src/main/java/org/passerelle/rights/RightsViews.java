package org.passerelle.rights;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.InlineText;

/** The records of the rights file. */
public final class RightsViews {

    private RightsViews() {}

    /** The parts of a rights file. */
    public enum Domain {
        COVERAGE,
        DOMICILIATION,
        AGE_ASSESSMENT,
        CHILD_PROTECTION
    }

    /** What a step records, and in which part of the file. */
    public enum StepKind {
        COVERAGE_NONE(Domain.COVERAGE, Phase.OTHER),
        AME_REQUESTED(Domain.COVERAGE, Phase.REQUESTED),
        AME_GRANTED(Domain.COVERAGE, Phase.GRANTED),
        AME_REFUSED(Domain.COVERAGE, Phase.REFUSED),
        PUMA_REQUESTED(Domain.COVERAGE, Phase.REQUESTED),
        PUMA_GRANTED(Domain.COVERAGE, Phase.GRANTED),
        CSS_REQUESTED(Domain.COVERAGE, Phase.REQUESTED),
        CSS_GRANTED(Domain.COVERAGE, Phase.GRANTED),
        EUROPEAN_CARD(Domain.COVERAGE, Phase.GRANTED),
        OTHER_COVERAGE(Domain.COVERAGE, Phase.GRANTED),
        DOMICILIATION_REQUESTED(Domain.DOMICILIATION, Phase.REQUESTED),
        DOMICILIATION_GRANTED(Domain.DOMICILIATION, Phase.GRANTED),
        DOMICILIATION_REFUSED(Domain.DOMICILIATION, Phase.REFUSED),
        AGE_ASSESSMENT_REQUESTED(Domain.AGE_ASSESSMENT, Phase.REQUESTED),
        MINORITY_RECOGNISED(Domain.AGE_ASSESSMENT, Phase.GRANTED),
        MINORITY_REFUSED(Domain.AGE_ASSESSMENT, Phase.REFUSED),
        APPEAL_JUGE_DES_ENFANTS(Domain.AGE_ASSESSMENT, Phase.REQUESTED),
        SHELTERED_BY_ASE(Domain.CHILD_PROTECTION, Phase.OTHER),
        PLACEMENT_ORDER(Domain.CHILD_PROTECTION, Phase.GRANTED),
        TAKEN_INTO_CARE_BY_ASE(Domain.CHILD_PROTECTION, Phase.GRANTED),
        CHILD_PROTECTION_ENDED(Domain.CHILD_PROTECTION, Phase.OTHER);

        private final Domain domain;
        private final Phase phase;

        StepKind(Domain domain, Phase phase) {
            this.domain = domain;
            this.phase = phase;
        }

        public Domain domain() {
            return domain;
        }

        public Phase phase() {
            return phase;
        }
    }

    /** Where a step leaves a request: waiting, granted, refused, or none of these. */
    public enum Phase {
        REQUESTED,
        GRANTED,
        REFUSED,
        OTHER
    }

    /** The documents a request needs, ticked as they are gathered. */
    public enum Document {
        PROOF_OF_IDENTITY,
        PROOF_OF_RESIDENCE,
        PROOF_OF_ADDRESS,
        PROOF_OF_RESOURCES
    }

    /**
     * A step of the rights file, with the client's id.
     *
     * @param validUntil the end of a right granted (AME and CSS: a year by default)
     * @param declaredAge the age the young person declares (age assessment only)
     * @param assessedAge the age the department's assessment gave (age assessment only)
     * @param helpedBy who helps with this step (a worker, an association, a lawyer)
     */
    public record NewRightsStep(
            @NotNull UUID id,
            @NotNull StepKind kind,
            @NotNull LocalDate occurredOn,
            @Nullable LocalDate validUntil,
            @Nullable @Min(0) @Max(30) Integer declaredAge,
            @Nullable @Min(0) @Max(30) Integer assessedAge,
            @NotNull @Size(max = 4) List<@NotNull Document> documents,
            @Nullable @Size(max = 150) @InlineText String helpedBy,
            @Nullable @Size(max = 2000) String note) {

        public NewRightsStep {
            documents = List.copyOf(documents);
        }
    }

    /** A step as the file shows it, signed by who recorded it. */
    public record RightsStep(
            UUID id,
            Domain domain,
            StepKind kind,
            LocalDate occurredOn,
            @Nullable LocalDate validUntil,
            @Nullable Integer declaredAge,
            @Nullable Integer assessedAge,
            List<Document> documents,
            @Nullable String helpedBy,
            @Nullable String note,
            Instant recordedAt,
            String recordedBy,
            long version) {

        public RightsStep {
            documents = List.copyOf(documents);
        }
    }

    /** Whether a person has health coverage, as every carer may know it (not which one). */
    public enum CoverageStatus {
        NONE,
        REQUESTED,
        COVERED,
        UNKNOWN
    }

    public record Coverage(CoverageStatus status, @Nullable LocalDate until) {}

    /** Why a reminder is raised. */
    public enum ReminderReason {
        EXPIRES_SOON,
        EXPIRED,
        WAITING_TOO_LONG
    }

    /** A person whose rights need a look, with the step that raised it. */
    public record RightsReminder(
            UUID personId,
            @Nullable String personName,
            @Nullable String patientCode,
            StepKind kind,
            LocalDate occurredOn,
            @Nullable LocalDate validUntil,
            ReminderReason reason,
            LocalDate due) {}
}
