package org.passerelle.referrals;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.InlineText;

/** The records of the partner directory. */
public final class DirectoryViews {

    private DirectoryViews() {}

    /** What a partner service is, as teams name it. */
    public enum ServiceKind {
        PASS,
        EMERGENCY,
        CMP,
        CEGIDD,
        PMI,
        SIAO,
        ASE,
        CPAM,
        LAWYER,
        ASSOCIATION,
        CITY_DOCTOR,
        PHARMACY,
        LAB,
        RADIOLOGY,
        OTHER
    }

    /** A need a service answers, by which the directory is searched. */
    public enum Need {
        GENERAL_CARE,
        EMERGENCY_CARE,
        MENTAL_HEALTH,
        SEXUAL_HEALTH,
        MATERNAL_CHILD_HEALTH,
        HEALTH_COVERAGE,
        MEDICINES,
        LAB_TESTS,
        IMAGING,
        SHELTER,
        CHILD_PROTECTION,
        LEGAL_AID,
        FOOD
    }

    /**
     * What a coordinator says of a service.
     *
     * @param languages the languages spoken there or through its interpreters (ISO 639 codes)
     * @param acceptsUncovered whether it sees people without health coverage
     * @param checkedOn the day someone last checked these details with the service
     * @param closed whether the service no longer takes referrals
     */
    public record ServiceDetails(
            @NotNull ServiceKind kind,
            @NotNull @Size(min = 2, max = 150) @InlineText String name,
            @Nullable @Size(max = 150) @InlineText String organisation,
            @Nullable @Size(max = 200) String address,
            @Nullable @Pattern(regexp = "\\d{5}") String postalCode,
            @Nullable @Size(max = 100) @InlineText String city,
            @Nullable @Size(max = 200) String openingHours,
            @NotNull @Size(max = 20) List<@Pattern(regexp = "[a-z]{2,3}") String> languages,
            @NotNull @Size(max = 13) List<@NotNull Need> needs,
            boolean acceptsUncovered,
            boolean acceptsMinors,
            boolean interpreter,
            @Nullable @Size(max = 40) String phone,
            @Nullable @Size(max = 200) String email,
            @Nullable @Size(max = 150) @InlineText String contactName,
            @Nullable LocalDate checkedOn,
            boolean closed) {

        public ServiceDetails {
            languages = List.copyOf(languages);
            needs = List.copyOf(needs);
        }
    }

    /** A new entry of the directory, with the client's id. */
    public record NewService(
            @NotNull UUID id, @Valid @NotNull ServiceDetails details) {}

    /** A change of an entry, naming the version it was read at. */
    public record ServiceChange(
            @NotNull Long version, @Valid @NotNull ServiceDetails details) {}

    /** How the referrals to a service ended, and how many are still open. */
    public record Outcomes(int open, int attended, int closed, int refused, int lost) {}

    /**
     * An entry of the directory.
     *
     * @param source where it was imported from (a data·inclusion source), if it was
     */
    public record PartnerService(
            UUID id, ServiceDetails details, @Nullable String source, long version, Outcomes outcomes) {}

    /** A search of the directory; every criterion is optional. */
    public record ServiceSearch(
            @Nullable ServiceKind kind,
            @Nullable Need need,
            @Nullable String place,
            @Nullable String language,
            boolean includeClosed) {}

    /** What an import changed. */
    public record ImportResult(int added, int updated, int skipped) {}
}
