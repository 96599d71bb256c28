package org.passerelle.sites;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.InlineText;

/** The records the sites module hands out and takes in. */
public final class SiteViews {

    private SiteViews() {}

    /** A programme such as "Coastal migrants mission". */
    public record Programme(UUID id, String code, String name, boolean active) {}

    /** A site, with the name of its programme for display. */
    public record Site(
            UUID id,
            UUID programmeId,
            String programmeName,
            String name,
            SiteKind kind,
            @Nullable String city,
            @Nullable String phone,
            boolean active) {}

    /** A place a mobile team visits, with where it is (WGS 84 degrees) when known. */
    public record OutreachLocation(
            UUID id,
            UUID siteId,
            String name,
            @Nullable String description,
            @Nullable Double latitude,
            @Nullable Double longitude) {}

    /** Creates a programme. */
    public record NewProgramme(
            @Nullable UUID id,
            @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,20}") String code,
            @NotBlank @Size(max = 200) @InlineText String name) {}

    /** Creates a site in a programme. */
    public record NewSite(
            @Nullable UUID id,
            @NotNull UUID programmeId,
            @NotBlank @Size(max = 200) @InlineText String name,
            @NotNull SiteKind kind,
            @Nullable @Size(max = 100) String city,
            @Nullable @Size(max = 40) String phone) {}

    /** Adds an outreach location to a mobile team's site; coordinates both or neither. */
    public record NewOutreachLocation(
            @Nullable UUID id,
            @NotBlank @Size(max = 200) @InlineText String name,
            @Nullable @Size(max = 500) String description,
            @Nullable @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @Nullable @DecimalMin("-180") @DecimalMax("180") Double longitude) {

        public NewOutreachLocation(@Nullable UUID id, String name, @Nullable String description) {
            this(id, name, description, null, null);
        }
    }

    /** Places an outreach location on the map, or takes it off with both coordinates empty. */
    public record LocationCoordinates(
            @Nullable @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @Nullable @DecimalMin("-180") @DecimalMax("180") Double longitude) {}
}
