package org.passerelle.outreach;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.outreach.OutreachViews.OutreachLocationReach;
import org.passerelle.outreach.OutreachViews.OutreachSession;
import org.passerelle.outreach.OutreachViews.OutreachSessionSummary;
import org.passerelle.outreach.OutreachViews.SessionReachCell;
import org.passerelle.outreach.OutreachViews.SessionTally;
import org.passerelle.outreach.SessionRepository.LocationCount;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteViews.OutreachLocation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the coordinator reads: a session's summary, and sessions held and people reached per location
 * over a period. A registered person seen in several consultations of a session counts once.
 */
@Service
@Transactional(readOnly = true)
public class SessionSummaries {

    private final OutreachSessions sessions;
    private final SessionRepository repository;
    private final OutreachAccess access;
    private final SiteDirectory sites;

    SessionSummaries(
            OutreachSessions sessions, SessionRepository repository, OutreachAccess access, SiteDirectory sites) {
        this.sessions = sessions;
        this.repository = repository;
        this.access = access;
        this.sites = sites;
    }

    public OutreachSessionSummary summary(UUID id) {
        OutreachSession session = sessions.get(id);
        List<SessionReachCell> registered = repository.registeredReach(id);
        Map<String, Integer> cells = new TreeMap<>();
        registered.forEach(c -> cells.merge(c.sex() + "|" + c.ageGroup(), c.people(), Integer::sum));
        session.tallies().forEach(t -> cells.merge(t.sex() + "|" + t.ageGroup(), t.people(), Integer::sum));
        int registeredPersons =
                registered.stream().mapToInt(SessionReachCell::people).sum();
        int anonymous =
                session.tallies().stream().mapToInt(SessionTally::people).sum();
        List<SessionReachCell> bySexAndAge = cells.entrySet().stream()
                .map(e -> new SessionReachCell(
                        e.getKey().split("\\|")[0], e.getKey().split("\\|")[1], e.getValue()))
                .toList();
        return new OutreachSessionSummary(
                session,
                registeredPersons + anonymous,
                registeredPersons,
                anonymous,
                bySexAndAge,
                session.consultationIds().size(),
                minutes(session));
    }

    /** Sessions held and people reached per location of the user's current site, days included. */
    public List<OutreachLocationReach> reachByLocation(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw OutreachProblems.endBeforeStart("to");
        }
        UUID siteId = access.current().requireCurrentSite();
        access.requireReader(siteId);
        Map<UUID, LocationCount> counts = new TreeMap<>();
        repository.reachByLocation(List.of(siteId), from, to).forEach(c -> counts.put(c.locationId(), c));
        return sites.outreachLocations(siteId).stream()
                .map(l -> reach(l, counts.get(l.id())))
                .toList();
    }

    private static OutreachLocationReach reach(OutreachLocation location, @Nullable LocationCount count) {
        return count == null
                ? new OutreachLocationReach(location.id(), location.name(), 0, 0)
                : new OutreachLocationReach(location.id(), location.name(), count.sessions(), count.people());
    }

    private static @Nullable Long minutes(OutreachSession session) {
        if (session.actualStart() == null || session.actualEnd() == null) {
            return null;
        }
        return Duration.between(session.actualStart(), session.actualEnd()).toMinutes();
    }
}
