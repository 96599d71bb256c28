package org.passerelle.outbreaks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.outbreaks.OutbreakViews.Disease;
import org.passerelle.outbreaks.OutbreakViews.Household;
import org.passerelle.outbreaks.OutbreakViews.HouseholdFollowUp;
import org.passerelle.outbreaks.OutbreakViews.NewHousehold;
import org.passerelle.outbreaks.OutbreakViews.OutbreakCase;
import org.passerelle.outbreaks.OutbreakViews.Ring;
import org.passerelle.outbreaks.OutbreakViews.RingFigures;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case-area response: a suspected, probable or confirmed case of a disease that declares rings
 * (cholera), recorded with coordinates, opens a ring of {@code passerelle.outbreaks.ring-radius-metres}
 * (100 m by default) around it; the team lists the households within it on the spot, anonymous,
 * with what each received and the free residual chlorine (0 to 10 mg/L) at the visit and at
 * follow-up. The ring's response time runs from the case's recording to its first household visited.
 */
@Service
public class Rings {

    static final String RECORD_TYPE = "outbreak-ring";
    static final String HOUSEHOLD_TYPE = "outbreak-household";
    private static final Set<String> OPENING = Set.of("SUSPECTED", "PROBABLE", "CONFIRMED");
    private static final BigDecimal MAX_CHLORINE = BigDecimal.TEN;
    private static final double EARTH_RADIUS_METRES = 6_371_000;

    private final OutbreakAccess access;
    private final RingRepository rings;
    private final AuditLog audit;
    private final Clock clock;
    private final int radiusMetres;

    Rings(
            OutbreakAccess access,
            RingRepository rings,
            AuditLog audit,
            Clock clock,
            @Value("${passerelle.outbreaks.ring-radius-metres:100}") int radiusMetres) {
        this.access = access;
        this.rings = rings;
        this.audit = audit;
        this.clock = clock;
        this.radiusMetres = radiusMetres;
    }

    /** Opens the ring of a case that calls for one and has none yet, in the caller's transaction. */
    void openIfDue(Disease disease, OutbreakCase recorded, Instant now) {
        Double latitude = recorded.latitude();
        Double longitude = recorded.longitude();
        if (!disease.ring() || !OPENING.contains(recorded.classification()) || latitude == null || longitude == null) {
            return;
        }
        UUID id = Ids.newId();
        if (rings.open(id, recorded.id(), recorded.siteId(), latitude, longitude, radiusMetres, recorded.createdAt())) {
            audit.record(AuditAction.CREATE, RECORD_TYPE, id);
        }
    }

    /** The rings of a site, or of every site of the reader's scope, newest first. */
    @Transactional(readOnly = true)
    public List<Ring> list(@Nullable UUID siteId) {
        return rings.list(access.requireRingReader(siteId));
    }

    @Transactional(readOnly = true)
    public Ring get(UUID id) {
        Ring ring = rings.find(id).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        access.requireRingReader(ring.siteId());
        return ring;
    }

    /** How many rings were answered within 48 hours, at a site or in the reader's scope. */
    @Transactional(readOnly = true)
    public RingFigures figures(@Nullable UUID siteId) {
        return rings.figures(access.requireRingReader(siteId));
    }

    @Transactional(readOnly = true)
    public List<Household> households(UUID ringId) {
        get(ringId);
        return rings.households(ringId);
    }

    /** Records a household visited in a ring; sent again with the same id, answers the household. */
    @Transactional
    public Household visit(UUID ringId, NewHousehold household) {
        Ring ring = rings.find(ringId).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        CurrentUser user = access.requireResponderAt(ring.siteId());
        CaseRules.coordinates(household.latitude(), household.longitude());
        Double latitude = household.latitude();
        Double longitude = household.longitude();
        if (latitude != null
                && longitude != null
                && distanceMetres(ring.latitude(), ring.longitude(), latitude, longitude) > ring.radiusMetres()) {
            throw OutbreakProblems.householdOutsideRing();
        }
        chlorine(household.chlorineAtVisit(), "chlorineAtVisit");
        Instant now = clock.instant();
        Instant visitedAt = notInFuture(household.visitedAt(), now, "visitedAt");
        if (visitedAt.isBefore(ring.openedAt())) {
            throw DomainException.invalidInput("visitedAt");
        }
        if (!rings.insertHousehold(ringId, household, visitedAt, now, user.id())) {
            Household existing = rings.household(household.id()).orElseThrow(OutbreakProblems::idReused);
            if (!existing.ringId().equals(ringId)) {
                throw OutbreakProblems.idReused();
            }
            return existing;
        }
        rings.visited(ringId, visitedAt);
        audit.record(AuditAction.CREATE, HOUSEHOLD_TYPE, household.id());
        return rings.household(household.id()).orElseThrow();
    }

    /** Records a household's follow-up visit and its chlorine reading, from the version read. */
    @Transactional
    public Household followUp(UUID householdId, HouseholdFollowUp followUp) {
        Household household = rings.household(householdId).orElseThrow(() -> DomainException.notFound(HOUSEHOLD_TYPE));
        Ring ring = rings.find(household.ringId()).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        CurrentUser user = access.requireResponderAt(ring.siteId());
        chlorine(followUp.chlorineAtFollowUp(), "chlorineAtFollowUp");
        Instant at = notInFuture(followUp.followedUpAt(), clock.instant(), "followedUpAt");
        if (at.isBefore(household.visitedAt())) {
            throw DomainException.invalidInput("followedUpAt");
        }
        if (!rings.followUp(householdId, followUp, at, user.id())) {
            throw DomainException.staleVersion(household.version());
        }
        audit.record(AuditAction.UPDATE, HOUSEHOLD_TYPE, householdId);
        return rings.household(householdId).orElseThrow();
    }

    /** The great-circle distance between two points, in metres (haversine). */
    static double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static void chlorine(@Nullable BigDecimal reading, String field) {
        if (reading != null && (reading.signum() < 0 || reading.compareTo(MAX_CHLORINE) > 0)) {
            throw OutbreakProblems.chlorineOutOfRange(field);
        }
    }

    private static Instant notInFuture(@Nullable Instant at, Instant now, String field) {
        Instant when = Objects.requireNonNullElse(at, now);
        if (when.isAfter(now.plusSeconds(300))) {
            throw OutbreakProblems.dateInFuture(field);
        }
        return when;
    }
}
