package org.passerelle.water;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.platform.DomainException;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.water.PointRepository.Row;
import org.passerelle.water.WaterViews.NewWaterPoint;
import org.passerelle.water.WaterViews.Status;
import org.passerelle.water.WaterViews.WaterHistory;
import org.passerelle.water.WaterViews.WaterMapPoint;
import org.passerelle.water.WaterViews.WaterMapPoints;
import org.passerelle.water.WaterViews.WaterPoint;
import org.passerelle.water.WaterViews.WaterRange;
import org.passerelle.water.WaterViews.WaterReading;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The water points and tanks of each site: logisticians, coordinators and administrators add them
 * at their sites; every role sees those of its sites, each with its last reading and whether it is
 * in alert, a point's history, and the points as a map layer.
 */
@Service
public class WaterPoints {

    static final String RECORD_TYPE = "water-point";

    /** Who adds water points. */
    static final Set<Role> KEEPERS = Set.of(Role.LOGISTICIAN, Role.COORDINATOR, Role.ADMINISTRATOR);

    private static final int HISTORY = 500;

    private final PointRepository points;
    private final ReadingRepository readings;
    private final SiteDirectory sites;
    private final CurrentUsers currentUsers;
    private final WaterProperties range;
    private final AuditLog audit;

    WaterPoints(
            PointRepository points,
            ReadingRepository readings,
            SiteDirectory sites,
            CurrentUsers currentUsers,
            WaterProperties range,
            AuditLog audit) {
        this.points = points;
        this.readings = readings;
        this.sites = sites;
        this.currentUsers = currentUsers;
        this.range = range;
        this.audit = audit;
    }

    /** Adds a point at one of the user's sites; sent again with the same id, answers the point. */
    @Transactional
    public WaterPoint add(NewWaterPoint command) {
        CurrentUser user = currentUsers.current();
        if (KEEPERS.stream().noneMatch(user::hasRole)) {
            throw DomainException.roleNotAllowed();
        }
        if (!sites.exists(command.siteId())) {
            throw DomainException.invalidInput("siteId");
        }
        if (!user.mayWorkAt(command.siteId())) {
            throw WaterProblems.siteOutsideScope();
        }
        String name = command.name().strip();
        if (name.isEmpty()) {
            throw DomainException.invalidInput("name");
        }
        if (!points.insert(command, name, user.id())) {
            Row existing = points.find(command.id()).orElseThrow(WaterProblems::idReused);
            if (!existing.siteId().equals(command.siteId()) || existing.kind() != command.kind()) {
                throw WaterProblems.idReused();
            }
            return point(existing, null);
        }
        audit.record(AuditAction.CREATE, RECORD_TYPE, command.id());
        return point(points.find(command.id()).orElseThrow(), null);
    }

    /** The points at the user's sites, each with its last reading. */
    @Transactional(readOnly = true)
    public List<WaterPoint> mine() {
        List<Row> rows = points.atSites(scope());
        Map<UUID, WaterReading> latest =
                readings.latest(rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> point(row, latest.get(row.id()))).toList();
    }

    /** The points whose last reading is out of range, at the user's sites: the dashboard's alerts. */
    @Transactional(readOnly = true)
    public List<WaterPoint> alerts() {
        return mine().stream().filter(point -> point.status() == Status.ALERT).toList();
    }

    /** A point's readings, newest first, with the range they are judged against. */
    @Transactional(readOnly = true)
    public WaterHistory history(UUID pointId) {
        Row row = requireVisible(pointId);
        List<WaterReading> history = readings.ofPoint(pointId, HISTORY);
        return new WaterHistory(
                point(row, history.isEmpty() ? null : history.getFirst()),
                new WaterRange(range.chlorineMin(), range.chlorineMax(), range.turbidityMax()),
                history);
    }

    /** The points at the user's sites as a map layer: name, kind and whether in alert. */
    @Transactional(readOnly = true)
    public WaterMapPoints mapPoints() {
        return new WaterMapPoints(mine().stream()
                .map(point -> new WaterMapPoint(
                        point.id().toString(),
                        "water-"
                                + point.kind()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', '-'),
                        point.lat(),
                        point.lon(),
                        point.name(),
                        point.status().name().toLowerCase(java.util.Locale.ROOT),
                        point.latest() == null ? null : point.latest().measuredAt()))
                .toList());
    }

    /** A point of one of the user's sites: 404 otherwise. */
    Row requireVisible(UUID pointId) {
        CurrentUser user = currentUsers.current();
        Row row = points.find(pointId).orElseThrow(WaterProblems::pointNotFound);
        if (!user.mayWorkAt(row.siteId())) {
            throw WaterProblems.pointNotFound();
        }
        return row;
    }

    private @Nullable Set<UUID> scope() {
        CurrentUser user = currentUsers.current();
        return user.allSites() ? null : user.siteIds();
    }

    private static WaterPoint point(Row row, @Nullable WaterReading latest) {
        Status status = latest == null ? Status.NONE : latest.inRange() ? Status.OK : Status.ALERT;
        return new WaterPoint(
                row.id(),
                row.siteId(),
                row.kind(),
                row.name(),
                row.lat(),
                row.lon(),
                row.capacityLitres(),
                row.version(),
                latest,
                status);
    }
}
