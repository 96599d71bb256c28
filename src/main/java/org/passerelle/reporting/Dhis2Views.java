package org.passerelle.reporting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The DHIS2 mapping, server settings and push, as the API shows and takes them. */
public final class Dhis2Views {

    private Dhis2Views() {}

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9_.\\-]{0,49}";

    /**
     * Where an indicator's figure (disaggregation {@code TOTAL}, category empty) or one category of
     * a disaggregation goes in DHIS2.
     *
     * @param categoryOption the category option code for ADX, where the combination is not used
     */
    public record DataElementRow(
            @NotBlank String indicator,
            @NotBlank String disaggregation,
            @NotNull @Size(max = 20) String category,
            @NotBlank @Pattern(regexp = CODE) String dataElement,
            @Nullable @Pattern(regexp = CODE) String categoryOptionCombo,
            @Nullable @Pattern(regexp = CODE) String categoryOption) {}

    /** The DHIS2 organisation unit a site reports as. */
    public record OrgUnitRow(
            @NotNull UUID siteId,
            @NotBlank @Pattern(regexp = CODE) String orgUnit) {}

    /** The whole mapping, replaced at once. */
    public record Mapping(
            @NotNull @Size(max = 2000) List<@Valid DataElementRow> dataElements,
            @NotNull @Size(max = 1000) List<@Valid OrgUnitRow> orgUnits) {}

    /**
     * The server settings as shown: the password never leaves the server, only whether one is set.
     *
     * @param adxCategories for ADX, the DHIS2 category code of each disaggregation
     */
    public record ServerSettings(
            String baseUrl,
            String username,
            boolean passwordSet,
            @Nullable String dataSet,
            Map<String, String> adxCategories) {}

    /** New server settings; a password left out keeps the one stored. */
    public record ServerChange(
            @NotBlank @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+")
            String baseUrl,

            @NotBlank @Size(max = 200) String username,
            @Nullable @Size(max = 500) String password,
            @Nullable @Pattern(regexp = CODE) String dataSet,
            @Nullable Map<String, @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_\\-.]{0,49}") String> adxCategories) {}

    /** What to push: a month, quarter or year, over a programme, a site or every site in scope. */
    public record PushRequest(
            @NotBlank String period,
            @Nullable UUID programmeId,
            @Nullable UUID siteId,
            boolean dryRun) {}

    /**
     * What DHIS2 answered, from its import summary.
     *
     * @param values the data values sent
     * @param suppressed values left out because they were small counts
     */
    public record PushResult(
            boolean dryRun,
            int httpStatus,
            String status,
            long imported,
            long updated,
            long ignored,
            long deleted,
            List<String> conflicts,
            int values,
            int suppressed) {}
}
