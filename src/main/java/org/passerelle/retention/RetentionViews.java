package org.passerelle.retention;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the retention API reads and writes. */
public final class RetentionViews {

    private RetentionViews() {}

    /** The rule of one record type: records older than {@code months} are purged when it is enabled. */
    public record Rule(String recordType, int months, boolean enabled, long version, int defaultMonths) {}

    /** A change to a rule, naming the version it was read at. */
    public record RuleChange(
            @NotNull @Min(1) @Max(600) Integer months,
            @NotNull Boolean enabled,
            @NotNull Long version) {}

    /**
     * One record type in the dry run: its rule, the cutoff it gives now, and how many records are
     * older than that cutoff (purged at the next run when the rule is enabled), the oldest one's date.
     */
    public record ReportLine(
            Rule rule,
            Instant cutoff,
            long expired,
            @Nullable Instant oldest) {}

    /** The dry run: what a purge would remove now. Nothing is changed to produce it. */
    @Schema(name = "RetentionReport")
    public record Report(Instant at, List<ReportLine> lines) {}

    /**
     * What a purge did for one record type: how many records it removed, or that it skipped the
     * type (rule disabled) or failed on it (the other types are purged all the same).
     */
    public record Purged(
            String recordType, Outcome outcome, @Nullable Instant cutoff, long removed) {}

    /** How the purge of one record type ended. */
    public enum Outcome {
        PURGED,
        DISABLED,
        FAILED
    }

    /** A whole purge, every record type. */
    public record PurgeResult(Instant at, List<Purged> purged) {}
}
