package org.passerelle.outbreaks;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.outbreaks.AnalysisRepository.DayCount;
import org.passerelle.outbreaks.AnalysisRepository.PlaceCount;
import org.passerelle.outbreaks.OutbreakAccess.Scope;
import org.passerelle.outbreaks.OutbreakViews.Disease;
import org.passerelle.outbreaks.OutbreakViews.DiseaseFigures;
import org.passerelle.outbreaks.OutbreakViews.EpiWeek;
import org.passerelle.outbreaks.OutbreakViews.Epicurve;
import org.passerelle.outbreaks.OutbreakViews.OutbreakAlert;
import org.passerelle.outbreaks.OutbreakViews.PlaceFigures;
import org.passerelle.outbreaks.OutbreakViews.PlacePopulation;
import org.passerelle.outbreaks.OutbreakViews.Threshold;
import org.passerelle.platform.DomainException;
import org.passerelle.sites.SiteDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the line lists show: the weekly epidemic curve by ISO week of onset and classification
 * (weeks without cases included), cases and deaths by place with the attack rate where the
 * population is known and the case fatality rate (discarded cases left out of both), and the alerts
 * of the last four ISO weeks, a threshold crossed at a place in a week.
 */
@Service
public class Analysis {

    static final String POPULATION_TYPE = "outbreak-population";
    private static final int ALERT_WEEKS = 4;
    private static final int MAX_WEEKS = 520;

    private final OutbreakAccess access;
    private final Diseases diseases;
    private final AnalysisRepository analysis;
    private final SiteDirectory sites;
    private final AuditLog audit;
    private final Clock clock;

    Analysis(
            OutbreakAccess access,
            Diseases diseases,
            AnalysisRepository analysis,
            SiteDirectory sites,
            AuditLog audit,
            Clock clock) {
        this.access = access;
        this.diseases = diseases;
        this.analysis = analysis;
        this.sites = sites;
        this.audit = audit;
        this.clock = clock;
    }

    /** The epidemic curve between two days of onset (by default the last 26 weeks to today). */
    @Transactional(readOnly = true)
    public Epicurve epicurve(String disease, @Nullable UUID siteId, @Nullable LocalDate from, @Nullable LocalDate to) {
        diseases.require(disease);
        Scope scope = access.requireReader(siteId);
        LocalDate last = to == null ? LocalDate.now(clock) : to;
        LocalDate first = from == null ? last.minusWeeks(25) : from;
        if (first.isAfter(last) || first.plusWeeks(MAX_WEEKS).isBefore(last)) {
            throw DomainException.invalidInput("from");
        }
        Map<LocalDate, EpiWeek> weeks = new LinkedHashMap<>();
        for (LocalDate monday = monday(first); !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            weeks.put(monday, new EpiWeek(isoWeek(monday), monday, zeros()));
        }
        for (DayCount count : analysis.days(disease, scope, first, last)) {
            EpiWeek week = weeks.get(monday(count.onsetOn()));
            if (week != null) {
                week.counts().merge(count.classification(), count.cases(), Integer::sum);
            }
        }
        return new Epicurve(disease, List.copyOf(weeks.values()));
    }

    /** Cases, deaths, attack rates and case fatality by place, and their totals. */
    @Transactional(readOnly = true)
    public DiseaseFigures figures(String disease, @Nullable UUID siteId) {
        diseases.require(disease);
        Scope scope = access.requireReader(siteId);
        List<PlaceFigures> places = new ArrayList<>();
        int cases = 0;
        int deaths = 0;
        for (PlaceCount place : analysis.places(disease, scope)) {
            Integer population = place.population();
            places.add(new PlaceFigures(
                    place.placeId(),
                    place.siteId(),
                    population,
                    place.cases(),
                    place.deaths(),
                    population == null ? null : Figures.percent(place.cases(), population),
                    Figures.percent(place.deaths(), place.cases())));
            cases += place.cases();
            deaths += place.deaths();
        }
        return new DiseaseFigures(disease, cases, deaths, cases == 0 ? null : Figures.percent(deaths, cases), places);
    }

    /** The thresholds crossed in the last four ISO weeks, this one included, in the reader's scope. */
    @Transactional(readOnly = true)
    public List<OutbreakAlert> alerts(@Nullable UUID siteId) {
        Scope scope = access.requireReader(siteId);
        LocalDate since = monday(LocalDate.now(clock)).minusWeeks(ALERT_WEEKS - 1);
        List<OutbreakAlert> alerts = new ArrayList<>();
        for (Disease disease : diseases.all()) {
            for (Threshold threshold : disease.thresholds()) {
                analysis.crossings(disease.code(), threshold.classifications(), threshold.cases(), scope, since)
                        .forEach(crossing -> alerts.add(new OutbreakAlert(
                                disease.code(),
                                threshold.code(),
                                threshold.names(),
                                crossing.siteId(),
                                crossing.placeId(),
                                crossing.week(),
                                crossing.cases())));
            }
        }
        return alerts;
    }

    /** Sets the population of a site or of one of its outreach locations, for its coordinator. */
    @Transactional
    public PlacePopulation setPopulation(PlacePopulation population) {
        CurrentUser user = access.requireCoordinatorAt(population.siteId());
        boolean isSite = population.placeId().equals(population.siteId());
        if (!isSite
                && sites.outreachLocations(population.siteId()).stream()
                        .noneMatch(l -> l.id().equals(population.placeId()))) {
            throw OutbreakProblems.placeOutsideSite();
        }
        analysis.setPopulation(population, clock.instant(), user.id());
        audit.record(AuditAction.UPDATE, POPULATION_TYPE, population.placeId());
        return population;
    }

    @Transactional(readOnly = true)
    public List<PlacePopulation> populations(@Nullable UUID siteId) {
        return analysis.populations(access.requireReader(siteId));
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static String isoWeek(LocalDate day) {
        return String.format(
                "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static Map<String, Integer> zeros() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Diseases.CLASSIFICATIONS.forEach(c -> counts.put(c, 0));
        return counts;
    }
}
