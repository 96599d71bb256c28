package org.passerelle.outbreaks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The records the outbreaks module hands out and takes in. */
public final class OutbreakViews {

    private OutbreakViews() {}

    /** A disease as its resource declares it: labels by language, definitions by classification. */
    public record Disease(
            String code,
            String prefix,
            Map<String, String> names,
            Map<String, Map<String, String>> definitions,
            Map<String, String> severityLabel,
            List<Severity> severities,
            boolean ring,
            List<Threshold> thresholds) {

        boolean grades(String severity) {
            return severities.stream().anyMatch(s -> s.code().equals(severity));
        }
    }

    /** A grade of severity (a dehydration plan, a form of the disease). */
    public record Severity(String code, Map<String, String> names) {}

    /** An alert raised when {@code cases} cases of these classifications had their onset in one ISO week at one place. */
    public record Threshold(String code, List<String> classifications, int cases, Map<String, String> names) {}

    /**
     * A case to record, with the client's id. Linked to a person (whose sex and age are then taken
     * from their record) or anonymous (sex, age or age group given). The place is the site, or one
     * of its outreach locations.
     */
    public record NewOutbreakCase(
            @NotNull UUID id,
            @NotBlank String disease,
            @NotNull UUID siteId,
            @Nullable UUID outreachLocationId,
            @Nullable UUID personId,
            @Nullable String sex,
            @Nullable Integer ageYears,
            @Nullable String ageGroup,
            @NotBlank String classification,
            @NotNull LocalDate onsetOn,
            @Nullable LocalDate admittedOn,
            @Nullable String rapidTest,
            @Nullable String labResult,
            @Nullable String severity,
            @Nullable String outcome,
            @Nullable LocalDate outcomeOn,
            @Nullable Double latitude,
            @Nullable Double longitude) {

        ClinicalFields clinical() {
            return new ClinicalFields(
                    classification,
                    onsetOn,
                    admittedOn,
                    rapidTest,
                    labResult,
                    severity,
                    outcome,
                    outcomeOn,
                    latitude,
                    longitude);
        }
    }

    /** The fields of a case that change over its course, from the version read. */
    public record OutbreakCaseChange(
            long version,
            @NotBlank String classification,
            @NotNull LocalDate onsetOn,
            @Nullable LocalDate admittedOn,
            @Nullable String rapidTest,
            @Nullable String labResult,
            @Nullable String severity,
            @Nullable String outcome,
            @Nullable LocalDate outcomeOn,
            @Nullable Double latitude,
            @Nullable Double longitude) {

        ClinicalFields clinical() {
            return new ClinicalFields(
                    classification,
                    onsetOn,
                    admittedOn,
                    rapidTest,
                    labResult,
                    severity,
                    outcome,
                    outcomeOn,
                    latitude,
                    longitude);
        }
    }

    /** What is checked and written of a case whether recorded or changed. */
    record ClinicalFields(
            String classification,
            LocalDate onsetOn,
            @Nullable LocalDate admittedOn,
            @Nullable String rapidTest,
            @Nullable String labResult,
            @Nullable String severity,
            @Nullable String outcome,
            @Nullable LocalDate outcomeOn,
            @Nullable Double latitude,
            @Nullable Double longitude) {}

    /** A case of the line list, never with a name: the person, when linked, by id only. */
    public record OutbreakCase(
            UUID id,
            String caseNumber,
            String disease,
            UUID siteId,
            @Nullable UUID outreachLocationId,
            @Nullable UUID personId,
            String sex,
            @Nullable Integer ageYears,
            String ageGroup,
            String classification,
            LocalDate onsetOn,
            @Nullable LocalDate admittedOn,
            @Nullable String rapidTest,
            @Nullable String labResult,
            @Nullable String severity,
            @Nullable String outcome,
            @Nullable LocalDate outcomeOn,
            @Nullable Double latitude,
            @Nullable Double longitude,
            long version,
            Instant createdAt) {}

    /** One classification a case was given, and when. */
    public record ClassificationStep(String classification, Instant changedAt) {}

    /** One ISO week of the epidemic curve: cases by classification with their onset that week. */
    public record EpiWeek(String week, LocalDate weekStart, Map<String, Integer> counts) {}

    public record Epicurve(String disease, List<EpiWeek> weeks) {}

    /**
     * The figures of one place: cases (discarded ones left out), deaths among them, and the attack
     * rate (cases per 100 inhabitants) when its population is known; case fatality in percent.
     */
    public record PlaceFigures(
            UUID placeId,
            UUID siteId,
            @Nullable Integer population,
            int cases,
            int deaths,
            @Nullable Double attackRatePercent,
            @Nullable Double caseFatalityPercent) {}

    /** A disease's figures in the user's scope: totals and by place. */
    public record DiseaseFigures(
            String disease, int cases, int deaths, @Nullable Double caseFatalityPercent, List<PlaceFigures> places) {}

    /** The population living at a place (a site or an outreach location of it). */
    public record PlacePopulation(
            @NotNull UUID placeId,
            @NotNull UUID siteId,
            @Min(1) @Max(10_000_000) int population) {}

    /** A threshold crossed at a place in an ISO week of the last four. */
    public record OutbreakAlert(
            String disease,
            String threshold,
            Map<String, String> names,
            UUID siteId,
            UUID placeId,
            String week,
            int cases) {}

    /** The case-area response around a case, with the time from the case to the first household visited. */
    public record Ring(
            UUID id,
            UUID caseId,
            String caseNumber,
            UUID siteId,
            double latitude,
            double longitude,
            int radiusMetres,
            Instant openedAt,
            @Nullable Instant firstVisitAt,
            @Nullable Long responseMinutes,
            boolean answeredWithin48Hours,
            int households,
            int people,
            long version) {}

    /** How many rings were opened in the scope and how many had a household visited within 48 hours. */
    public record RingFigures(
            int rings, int answeredWithin48Hours, @Nullable Double answeredPercent) {}

    /** A household visited in a ring, anonymous: a marker, how many people, what it received. */
    public record NewHousehold(
            @NotNull UUID id,
            @NotBlank @Size(max = 40) String marker,
            @Min(1) @Max(100) int people,
            @Nullable Double latitude,
            @Nullable Double longitude,
            @Nullable Instant visitedAt,
            boolean waterTreatment,
            boolean soap,
            boolean jerrycan,
            boolean disinfection,
            boolean healthPromotion,
            @Nullable BigDecimal chlorineAtVisit) {}

    /** The follow-up visit of a household and the free residual chlorine measured then (mg/L). */
    public record HouseholdFollowUp(
            long version,
            @Nullable Instant followedUpAt,
            @NotNull BigDecimal chlorineAtFollowUp) {}

    public record Household(
            UUID id,
            UUID ringId,
            String marker,
            int people,
            @Nullable Double latitude,
            @Nullable Double longitude,
            Instant visitedAt,
            boolean waterTreatment,
            boolean soap,
            boolean jerrycan,
            boolean disinfection,
            boolean healthPromotion,
            @Nullable BigDecimal chlorineAtVisit,
            @Nullable Instant followedUpAt,
            @Nullable BigDecimal chlorineAtFollowUp,
            long version) {}

    /** A point of the shared map layers; never a person's name. */
    public record OutbreakMapPoint(
            String id,
            String layer,
            double lat,
            double lon,
            String label,
            String status,
            @Nullable Instant at) {}

    public record OutbreakMapPoints(List<OutbreakMapPoint> points) {}
}
