package org.passerelle.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.passerelle.outreach.OutreachViews.OutreachMapPoint;
import org.passerelle.outreach.OutreachViews.OutreachMapPoints;
import org.passerelle.outreach.SessionRepository.StoredSession;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteViews.OutreachLocation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outreach layers of the map, within the user's site scope: the outreach locations placed on it
 * ({@code outreach-location}) and the sessions of the last week and the next day at them
 * ({@code outreach-session}: planned, ongoing or held). Places and times only, never a person.
 */
@Service
@Transactional(readOnly = true)
public class OutreachMap {

    static final int DAYS_BACK = 7;

    private final SiteDirectory sites;
    private final SessionRepository sessions;
    private final OutreachAccess access;
    private final Clock clock;

    OutreachMap(SiteDirectory sites, SessionRepository sessions, OutreachAccess access, Clock clock) {
        this.sites = sites;
        this.sessions = sessions;
        this.access = access;
        this.clock = clock;
    }

    public OutreachMapPoints points() {
        @Nullable List<UUID> scope = access.mapSites();
        List<OutreachLocation> locations =
                scope == null ? sites.allOutreachLocations() : sites.outreachLocations(scope);
        Map<UUID, OutreachLocation> placed = locations.stream()
                .filter(l -> l.latitude() != null && l.longitude() != null)
                .collect(Collectors.toMap(OutreachLocation::id, Function.identity()));
        List<OutreachMapPoint> points = new ArrayList<>();
        for (OutreachLocation l : placed.values()) {
            points.add(
                    new OutreachMapPoint(l.id().toString(), "outreach-location", lat(l), lon(l), l.name(), "ok", null));
        }
        LocalDate today = LocalDate.now(clock);
        for (StoredSession s : sessions.between(scope, today.minusDays(DAYS_BACK), today.plusDays(1))) {
            OutreachLocation l = placed.get(s.locationId());
            if (l != null) {
                points.add(new OutreachMapPoint(
                        s.id().toString(),
                        "outreach-session",
                        lat(l),
                        lon(l),
                        l.name() + " " + s.day(),
                        status(s),
                        s.actualStart() != null ? s.actualStart() : s.plannedStart()));
            }
        }
        return new OutreachMapPoints(points);
    }

    private static String status(StoredSession s) {
        if (s.actualStart() == null) {
            return "planned";
        }
        return s.actualEnd() == null ? "ongoing" : "held";
    }

    private static double lat(OutreachLocation l) {
        return java.util.Objects.requireNonNull(l.latitude());
    }

    private static double lon(OutreachLocation l) {
        return java.util.Objects.requireNonNull(l.longitude());
    }
}
