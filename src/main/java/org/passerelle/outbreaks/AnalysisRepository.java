package org.passerelle.outbreaks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.outbreaks.OutbreakAccess.Scope;
import org.passerelle.outbreaks.OutbreakViews.PlacePopulation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The counts behind the epidemic curve, attack rates, case fatality and alerts. */
@Repository
class AnalysisRepository {

    /** Cases of one classification with their onset on one day. */
    record DayCount(LocalDate onsetOn, String classification, int cases) {}

    /** Cases (discarded left out) and deaths at one place, with its population when known. */
    record PlaceCount(
            UUID placeId,
            UUID siteId,
            int cases,
            int deaths,
            @Nullable Integer population) {}

    /** Cases counted towards a threshold at one place in one ISO week. */
    record Crossing(UUID siteId, UUID placeId, String week, int cases) {}

    private static final String SCOPE = " and deleted_at is null and (:all or site_id = any(:sites))";

    private final JdbcClient jdbc;

    AnalysisRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The cases by day of onset and classification, from the counts the database keeps with every
     * change of a case ({@code case_day_count}), so that a curve reads days, not cases.
     */
    List<DayCount> days(String disease, Scope scope, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select onset_on, classification, sum(cases)::integer
                          from outbreaks.case_day_count
                         where disease = :disease and onset_on between :from and :to and cases > 0""" + sites(scope) + """
                         group by 1, 2
                        """)
                .param("disease", disease)
                .param("from", from)
                .param("to", to)
                .param("sites", scope.sites().toArray(UUID[]::new))
                .query((rs, row) -> new DayCount(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getInt(3)))
                .list();
    }

    List<PlaceCount> places(String disease, Scope scope) {
        return jdbc.sql("""
                        select c.place_id, c.site_id, c.cases, c.deaths, p.population
                          from (select coalesce(outreach_location_id, site_id) as place_id, site_id,
                                       count(*)::integer as cases,
                                       count(*) filter (where outcome = 'DIED')::integer as deaths
                                  from outbreaks.outbreak_case
                                 where disease = :disease and classification <> 'DISCARDED'""" + SCOPE + """
                                 group by 1, 2) c
                          left join outbreaks.place_population p on p.place_id = c.place_id
                         order by c.cases desc, c.place_id
                        """)
                .param("disease", disease)
                .param("all", scope.all())
                .param("sites", scope.sites().toArray(UUID[]::new))
                .query((rs, row) -> new PlaceCount(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getObject(5, Integer.class)))
                .list();
    }

    List<Crossing> crossings(String disease, List<String> classifications, int cases, Scope scope, LocalDate since) {
        return jdbc.sql("""
                        select site_id, place_id, to_char(onset_on, 'IYYY-"W"IW'), sum(cases)::integer
                          from outbreaks.case_day_count
                         where disease = :disease and classification = any(:classifications)
                           and onset_on >= :since""" + sites(scope) + """
                         group by 1, 2, 3 having sum(cases) >= :cases order by 3 desc, 1, 2
                        """)
                .param("disease", disease)
                .param("classifications", classifications.toArray(String[]::new))
                .param("since", since)
                .param("cases", cases)
                .param("sites", scope.sites().toArray(UUID[]::new))
                .query((rs, row) -> new Crossing(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4)))
                .list();
    }

    /**
     * The scope's condition on sites, written by the code: none for a reader of every site, so that
     * the plan never carries a condition that a parameter alone decides.
     */
    private static String sites(Scope scope) {
        return scope.all() ? "" : " and site_id = any(:sites)";
    }

    void setPopulation(PlacePopulation population, Instant at, UUID by) {
        jdbc.sql("""
                        insert into outbreaks.place_population (place_id, site_id, population, set_at, set_by)
                        values (?, ?, ?, ?, ?)
                        on conflict (place_id) do update
                           set population = excluded.population, set_at = excluded.set_at, set_by = excluded.set_by
                        """)
                .params(population.placeId(), population.siteId(), population.population(), CaseRepository.utc(at), by)
                .update();
    }

    List<PlacePopulation> populations(Scope scope) {
        return jdbc.sql("""
                        select place_id, site_id, population from outbreaks.place_population
                         where (:all or site_id = any(:sites)) order by site_id, place_id
                        """)
                .param("all", scope.all())
                .param("sites", scope.sites().toArray(UUID[]::new))
                .query((rs, row) ->
                        new PlacePopulation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3)))
                .list();
    }
}
