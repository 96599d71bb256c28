package org.passerelle.care;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;

/** The records the care module hands out and takes in. */
public final class CareViews {

    private CareViews() {}

    /**
     * Records a consultation at the current site; a client working offline may choose the id.
     *
     * @param compartment where it lives: the discipline's own by default, or SGBV for care after
     *     sexual violence
     */
    public record NewConsultation(
            @Nullable UUID id,
            @NotNull UUID personId,
            @NotNull Discipline discipline,
            @Nullable Compartment compartment,
            @Nullable LocalDate occurredOn,
            @Nullable @Size(max = 10000) String note,
            @Nullable @Size(max = 500) String diagnosis,
            boolean interpreter,
            @Nullable @Pattern(regexp = "[a-z]{2,3}") String language) {}

    /**
     * A consultation as it appears in a person's history; one recorded with a form shows its form,
     * whether it is a draft, and how many times it was signed (its answers: {@code /api/encounters/{id}}).
     */
    public record Consultation(
            UUID id,
            UUID personId,
            UUID siteId,
            Discipline discipline,
            Compartment compartment,
            LocalDate occurredOn,
            UUID providerId,
            String providerName,
            @Nullable String note,
            @Nullable String diagnosis,
            boolean interpreter,
            @Nullable String language,
            Instant createdAt,
            String formCode,
            EncounterViews.Status status,
            int revision) {}

    /** How many consultations a site held in one discipline. */
    public record SiteDisciplineCount(UUID siteId, String siteName, Discipline discipline, long consultations) {}

    /** A month's consultation counts for the sites a user works at. */
    public record MonthlySummary(YearMonth month, List<SiteDisciplineCount> counts, long total) {}
}
