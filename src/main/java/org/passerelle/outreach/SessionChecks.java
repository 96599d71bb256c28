package org.passerelle.outreach;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.UserAccount;
import org.passerelle.access.UserAccounts;
import org.passerelle.outreach.OutreachViews.OutreachSessionForm;
import org.passerelle.outreach.OutreachViews.SessionDistribution;
import org.passerelle.outreach.OutreachViews.SessionMember;
import org.passerelle.outreach.OutreachViews.SessionTally;
import org.passerelle.outreach.SessionRepository.SessionRow;
import org.passerelle.platform.DomainException;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteViews.OutreachLocation;
import org.springframework.stereotype.Component;

/**
 * The rules a session's form must meet before anything is written: a location of the session's site,
 * ends after starts, counts not negative, needs and items known, a team of users working at the site.
 */
@Component
class SessionChecks {

    static final int MAX_COUNT = 10_000;

    private final SiteDirectory sites;
    private final UserAccounts users;
    private final OutreachReference reference;
    private final Clock clock;

    SessionChecks(SiteDirectory sites, UserAccounts users, OutreachReference reference, Clock clock) {
        this.sites = sites;
        this.users = users;
        this.reference = reference;
        this.clock = clock;
    }

    SessionRow checked(UUID id, UUID siteId, OutreachSessionForm form, CurrentUser user) {
        OutreachLocation location = sites.outreachLocation(form.locationId())
                .orElseThrow(() -> DomainException.notFound("outreach-location"));
        if (!location.siteId().equals(siteId)) {
            throw OutreachProblems.locationOtherSite();
        }
        requireAfter(form.plannedStart(), form.plannedEnd(), "plannedEnd");
        if (form.actualEnd() != null) {
            if (form.actualStart() == null) {
                throw DomainException.invalidField("actualStart", OutreachProblems.END_BEFORE_START);
            }
            requireAfter(form.actualStart(), form.actualEnd(), "actualEnd");
        }
        LocalDate day = LocalDate.ofInstant(form.plannedStart(), clock.getZone());
        return new SessionRow(
                id,
                siteId,
                location.id(),
                form.kind(),
                day,
                form.plannedStart(),
                form.plannedEnd(),
                form.actualStart(),
                form.actualEnd(),
                blankToNull(form.note()),
                team(form.team(), siteId, user),
                tallies(form.tallies()),
                needs(form.needs()),
                distributions(form.distributions()));
    }

    private static void requireAfter(Instant start, Instant end, String field) {
        if (!end.isAfter(start)) {
            throw OutreachProblems.endBeforeStart(field);
        }
    }

    private List<SessionMember> team(@Nullable List<UUID> ids, UUID siteId, CurrentUser user) {
        Set<UUID> wanted = new HashSet<>(ids == null || ids.isEmpty() ? List.of(user.id()) : ids);
        Map<UUID, UserAccount> known = users.all().stream()
                .filter(u -> u.enabled() && (u.allSites() || u.siteIds().contains(siteId)))
                .collect(Collectors.toMap(UserAccount::id, Function.identity()));
        List<SessionMember> team = new ArrayList<>();
        for (UUID member : wanted) {
            UserAccount account = known.get(member);
            if (account == null) {
                throw OutreachProblems.teamMemberUnknown();
            }
            team.add(new SessionMember(member, account.displayName()));
        }
        return team;
    }

    /** The counts, those of the same sex and age group added up and zeros left out. */
    private static List<SessionTally> tallies(@Nullable List<SessionTally> given) {
        Map<String, Integer> sums = new java.util.TreeMap<>();
        for (SessionTally tally : Objects.requireNonNullElse(given, List.<SessionTally>of())) {
            if (tally.people() < 0) {
                throw OutreachProblems.countNegative();
            }
            if (tally.people() > MAX_COUNT) {
                throw DomainException.outOfRange("tallies");
            }
            sums.merge(tally.sex() + "|" + tally.ageGroup(), tally.people(), Integer::sum);
        }
        return sums.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e ->
                        new SessionTally(e.getKey().split("\\|")[0], e.getKey().split("\\|")[1], e.getValue()))
                .toList();
    }

    private List<String> needs(@Nullable List<String> given) {
        List<String> needs = Objects.requireNonNullElse(given, List.<String>of()).stream()
                .distinct()
                .toList();
        if (!needs.stream().allMatch(reference::isNeed)) {
            throw OutreachProblems.unknownNeed();
        }
        return needs;
    }

    private List<SessionDistribution> distributions(@Nullable List<SessionDistribution> given) {
        Map<String, Integer> sums = new java.util.TreeMap<>();
        for (SessionDistribution d : Objects.requireNonNullElse(given, List.<SessionDistribution>of())) {
            if (d.quantity() < 0) {
                throw DomainException.invalidField("distributions", OutreachProblems.COUNT_NEGATIVE);
            }
            if (d.quantity() > MAX_COUNT) {
                throw DomainException.outOfRange("distributions");
            }
            if (!reference.isItem(d.item())) {
                throw OutreachProblems.unknownItem();
            }
            sums.merge(d.item(), d.quantity(), Integer::sum);
        }
        return sums.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new SessionDistribution(e.getKey(), e.getValue()))
                .toList();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
