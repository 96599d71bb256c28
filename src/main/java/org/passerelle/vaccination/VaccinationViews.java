package org.passerelle.vaccination;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The records the vaccination module hands out and takes in. */
public final class VaccinationViews {

    /** The age groups of every indicator: under 5, 5 to 14, 15 to 17, 18 and over. */
    static final String AGE_GROUP = "00-04|05-14|15-17|18\\+";

    private VaccinationViews() {}

    /**
     * A vaccine of the catalogue: how many doses make its schedule and, for each dose after the
     * first, the fewest days after the previous dose it may be given.
     */
    public record Vaccine(String code, Map<String, String> names, int doses, List<Integer> minimumIntervalDays) {

        public Vaccine {
            names = Map.copyOf(names);
            minimumIntervalDays = List.copyOf(minimumIntervalDays);
        }

        /** The fewest days between dose {@code number - 1} and dose {@code number}. */
        int daysBefore(int number) {
            return minimumIntervalDays.get(number - 2);
        }
    }

    /**
     * A dose given, with the client's id; {@code givenOn} defaults to today and {@code siteId} to
     * the user's current site.
     */
    public record NewVaccineDose(
            @NotNull UUID id,
            @NotNull UUID personId,
            @NotNull @Size(max = 40) String vaccineCode,
            @Min(1) @Max(20) int doseNumber,
            @Nullable @Size(max = 60) String lot,
            @Nullable LocalDate givenOn,
            @Nullable UUID siteId,
            @Nullable UUID campaignId) {}

    /** A dose on a person's file. */
    public record VaccineDose(
            UUID id,
            UUID personId,
            String vaccineCode,
            int doseNumber,
            @Nullable String lot,
            LocalDate givenOn,
            UUID siteId,
            @Nullable UUID campaignId,
            String givenBy,
            long version) {}

    /** The people a campaign aims to reach at one site in one age group. */
    public record CampaignTarget(
            @NotNull UUID siteId,
            @NotNull @Pattern(regexp = AGE_GROUP) String ageGroup,
            @Min(0) int people) {}

    /** A campaign set by a coordinator, with the client's id. */
    public record NewCampaign(
            @NotNull UUID id,
            @NotNull @Size(min = 1, max = 120) String name,
            @NotNull @Size(max = 40) String vaccineCode,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @NotEmpty @Size(max = 400) List<@Valid CampaignTarget> targets) {}

    /** A campaign and its target population per site and age group. */
    public record Campaign(
            UUID id,
            String name,
            String vaccineCode,
            LocalDate startsOn,
            LocalDate endsOn,
            List<CampaignTarget> targets,
            long version) {}

    /** Doses given without names at a campaign's site on a day, by sex and age group. */
    public record NewCampaignTally(
            @NotNull UUID id,
            @NotNull UUID siteId,
            @Nullable LocalDate givenOn,

            @NotNull @Pattern(regexp = "FEMALE|MALE|OTHER|UNKNOWN")
            String sex,

            @NotNull @Pattern(regexp = AGE_GROUP + "|UNKNOWN")
            String ageGroup,

            @Min(1) @Max(10000) int people) {}

    /** What was counted without names at a site on a day, in one sex and age group. */
    public record CampaignTally(UUID id, UUID siteId, LocalDate givenOn, String sex, String ageGroup, int people) {}

    /**
     * The coverage of one site and age group: the distinct registered persons vaccinated (each
     * counted at the site of their first dose of the campaign), the people counted without names,
     * the target, and the share of the target reached, in percent ({@code null} without a target).
     */
    public record CampaignCoverageCell(
            UUID siteId,
            String ageGroup,
            long registered,
            long tallied,
            long target,
            @Nullable Double percent) {}

    /** A campaign's coverage now, by site and age group, and over the whole campaign. */
    public record CampaignCoverage(
            UUID campaignId,
            List<CampaignCoverageCell> cells,
            long registered,
            long tallied,
            long target,
            @Nullable Double percent,
            long dosesToday) {}
}
