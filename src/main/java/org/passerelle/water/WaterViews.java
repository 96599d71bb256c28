package org.passerelle.water;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The records the water module hands out and takes in. */
public final class WaterViews {

    private WaterViews() {}

    /** What a water point is. */
    public enum PointKind {
        TAP_STAND,
        WELL,
        BOREHOLE,
        SPRING_CATCHMENT,
        TANK,
        BLADDER,
        TRUCKING,
        HOUSEHOLD
    }

    /** Where a point stands against the acceptable range: its last reading in or out of it, or none yet. */
    public enum Status {
        OK,
        ALERT,
        NONE
    }

    /** A new water point at a site, with the client's id. */
    public record NewWaterPoint(
            @NotNull UUID id,
            @NotNull UUID siteId,
            @NotNull PointKind kind,
            @NotNull @Size(max = 80) String name,
            @DecimalMin("-90") @DecimalMax("90") double lat,
            @DecimalMin("-180") @DecimalMax("180") double lon,
            @Nullable @Positive Integer capacityLitres) {}

    /**
     * A reading at a point, with the client's id; {@code measuredAt} defaults to now. Each measure
     * is optional but one at least is given.
     */
    public record NewWaterReading(
            @NotNull UUID id,
            @NotNull UUID pointId,
            @Nullable Instant measuredAt,
            @Nullable BigDecimal chlorine,
            @Nullable BigDecimal turbidity,
            @Nullable Integer volumeLitres) {}

    /** A reading: free residual chlorine in mg/L, turbidity in NTU, volume in litres. */
    public record WaterReading(
            UUID id,
            UUID pointId,
            Instant measuredAt,
            @Nullable BigDecimal chlorine,
            @Nullable BigDecimal turbidity,
            @Nullable Integer volumeLitres,
            boolean inRange,
            String recordedBy) {}

    /** A water point, with its last reading and where it stands. */
    public record WaterPoint(
            UUID id,
            UUID siteId,
            PointKind kind,
            String name,
            double lat,
            double lon,
            @Nullable Integer capacityLitres,
            long version,
            @Nullable WaterReading latest,
            Status status) {}

    /** The acceptable range in force. */
    public record WaterRange(BigDecimal chlorineMin, BigDecimal chlorineMax, BigDecimal turbidityMax) {}

    /** A point's history: its readings, newest first, and the range they are judged against. */
    public record WaterHistory(WaterPoint point, WaterRange range, List<WaterReading> readings) {}

    /** One thing on the map, in the shape every module's layer shares; never a person's name. */
    public record WaterMapPoint(
            String id,
            String layer,
            double lat,
            double lon,
            String label,
            String status,
            @Nullable Instant at) {}

    /** A module's map layer. */
    public record WaterMapPoints(List<WaterMapPoint> points) {}
}
