package org.passerelle.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the reporting API returns: counts only, never anything about a person. */
public final class ReportViews {

    private ReportViews() {}

    /** An indicator of the catalogue, named in the reader's language. */
    public record IndicatorView(
            String code, String name, String definition, Measure measure, List<Dimension> disaggregations) {}

    /** A site a report may cover, with its programme. */
    public record SiteRef(UUID id, String name, UUID programmeId, String programmeName) {}

    /** A programme a report may cover and the sites of it the reader sees. */
    public record ProgrammeRef(UUID id, String name, List<SiteRef> sites) {}

    /** The programmes and sites the reader may report on, and the suppression threshold of exports. */
    public record ReportScope(List<ProgrammeRef> programmes, int smallCountThreshold) {}

    /**
     * One indicator's figures.
     *
     * @param by for each disaggregation, the figure of each category (site and programme by id)
     * @param months the figure of each month of the period ({@code 2026-03})
     */
    public record Figures(String code, long total, Map<Dimension, Map<String, Long>> by, Map<String, Long> months) {

        /** The figure of each category of {@code dimension}; empty when the indicator is not split so. */
        public Map<String, Long> of(Dimension dimension) {
            return by.getOrDefault(dimension, Map.of());
        }
    }

    /**
     * How fresh a report's figures are: every change made up to {@code upTo} is counted, and {@code
     * pending} changes made since are being counted in the background.
     *
     * @param upTo none when the figures have never been counted yet
     * @param more {@code pending} is a lower bound: more changes wait than were counted
     */
    public record Freshness(@Nullable Instant upTo, long pending, boolean more) {}

    /**
     * Where the background counting stands, for administrators.
     *
     * @param phase {@code IDLE}, {@code CATCHING_UP} (folding changes in, {@code done} of {@code
     *     total}) or {@code REBUILDING} (counting everything again, at {@code step})
     */
    public record RefreshStatus(
            String phase,
            @Nullable String step,
            @Nullable Instant startedAt,
            long total,
            long done,
            @Nullable Instant upTo,
            long pending,
            boolean more,
            long lastBatchChanges,
            long lastBatchMs,
            @Nullable Instant rebuiltAt,
            @Nullable Long rebuildMs) {}

    /**
     * A report over some sites and a period.
     *
     * @param programmeId the programme reported on, if a programme was chosen
     * @param siteId the site reported on, if a site was chosen
     * @param sites the sites counted (those of the programme the reader sees)
     * @param freshness up to when the figures count the records
     */
    public record Report(
            @Nullable UUID programmeId,
            @Nullable UUID siteId,
            String title,
            Period period,
            List<SiteRef> sites,
            List<Figures> figures,
            Freshness freshness) {}
}
