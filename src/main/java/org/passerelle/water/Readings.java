package org.passerelle.water;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.FieldFaults;
import org.passerelle.water.PointRepository.Row;
import org.passerelle.water.WaterViews.NewWaterReading;
import org.passerelle.water.WaterViews.WaterReading;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path of readings: logisticians, coordinators and clinicians record free residual
 * chlorine, turbidity and volume at a point of their sites. A measure outside physical limits
 * (below zero, chlorine above 10 mg/L, turbidity above 1000 NTU, more water than the tank holds) is
 * refused with every faulty measure named, and nothing is written; a reading out of the configured
 * range is kept, marked, and puts its point in alert.
 */
@Service
public class Readings {

    static final String RECORD_TYPE = "water-reading";

    /** Who takes readings. */
    static final Set<Role> READERS = Set.of(Role.LOGISTICIAN, Role.COORDINATOR, Role.CLINICIAN);

    static final BigDecimal CHLORINE_LIMIT = BigDecimal.TEN;
    static final BigDecimal TURBIDITY_LIMIT = BigDecimal.valueOf(1000);
    static final int VOLUME_LIMIT = 100_000_000;

    private final WaterPoints points;
    private final ReadingRepository readings;
    private final CurrentUsers currentUsers;
    private final WaterProperties range;
    private final AuditLog audit;
    private final Clock clock;

    Readings(
            WaterPoints points,
            ReadingRepository readings,
            CurrentUsers currentUsers,
            WaterProperties range,
            AuditLog audit,
            Clock clock) {
        this.points = points;
        this.readings = readings;
        this.currentUsers = currentUsers;
        this.range = range;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a reading; sent again with the same id, answers the reading as it is. */
    @Transactional
    public WaterReading record(NewWaterReading command) {
        CurrentUser user = currentUsers.current();
        if (READERS.stream().noneMatch(user::hasRole)) {
            throw DomainException.roleNotAllowed();
        }
        Row point = points.requireVisible(command.pointId());
        var existing = readings.find(command.id());
        if (existing.isPresent()) {
            if (!existing.get().pointId().equals(command.pointId())) {
                throw WaterProblems.idReused();
            }
            return existing.get();
        }
        if (command.chlorine() == null && command.turbidity() == null && command.volumeLitres() == null) {
            throw WaterProblems.readingEmpty();
        }
        withinPhysicalLimits(command, point.capacityLitres());
        Instant measuredAt = command.measuredAt() == null ? clock.instant() : command.measuredAt();
        if (measuredAt.isAfter(clock.instant().plusSeconds(300))) {
            throw WaterProblems.inFuture();
        }
        if (readings.idTaken(command.id())) {
            throw WaterProblems.idReused();
        }
        WaterReading reading = new WaterReading(
                command.id(),
                command.pointId(),
                measuredAt,
                command.chlorine(),
                command.turbidity(),
                command.volumeLitres(),
                range.inRange(command.chlorine(), command.turbidity()),
                user.displayName());
        readings.insert(reading, point.siteId(), user.id());
        audit.record(AuditAction.CREATE, RECORD_TYPE, reading.id());
        return readings.find(reading.id()).orElseThrow();
    }

    private static void withinPhysicalLimits(NewWaterReading reading, @Nullable Integer capacity) {
        FieldFaults.Collector faults = new FieldFaults.Collector();
        if (outside(reading.chlorine(), CHLORINE_LIMIT)) {
            faults.add("chlorine", WaterProblems.CHLORINE_IMPOSSIBLE, CHLORINE_LIMIT);
        }
        if (outside(reading.turbidity(), TURBIDITY_LIMIT)) {
            faults.add("turbidity", WaterProblems.TURBIDITY_IMPOSSIBLE, TURBIDITY_LIMIT);
        }
        Integer volume = reading.volumeLitres();
        int volumeLimit = capacity == null ? VOLUME_LIMIT : capacity;
        if (volume != null && (volume < 0 || volume > volumeLimit)) {
            faults.add("volumeLitres", WaterProblems.VOLUME_IMPOSSIBLE, volumeLimit);
        }
        faults.throwIfAny(WaterProblems.READING_IMPOSSIBLE);
    }

    private static boolean outside(@Nullable BigDecimal value, BigDecimal limit) {
        return value != null && (value.signum() < 0 || value.compareTo(limit) > 0);
    }
}
