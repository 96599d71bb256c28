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

    /** Cases of one classification with their onset in one ISO week. */
    record WeekCount(String week, LocalDate weekStart, String classification, int cases) {}

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

    List<WeekCount> weeks(String disease, Scope scope, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select to_char(onset_on, 'IYYY-"W"IW') as week, date_trunc('week', onset_on)::date as start,
                               classification, count(*)::integer as cases
                          from outbreaks.outbreak_case
                         where disease = :disease and onset_on between :from and :to""" + SCOPE + """
                         group by 1, 2, 3 order by 2, 3
                        """)
                .param("disease", disease)
                .param("from", from)
                .param("to", to)
                .param("all", scope.all())
                .param("sites", scope.sites().toArray(UUID[]::new))
                .query((rs, row) ->
                        new WeekCount(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getInt(4)))
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
                        select site_id, coalesce(outreach_location_id, site_id), to_char(onset_on, 'IYYY-"W"IW'),
                               count(*)::integer
                          from outbreaks.outbreak_case
                         where disease = :disease and classification = any(:classifications)
                           and onset_on >= :since""" + SCOPE + """
                         group by 1, 2, 3 having count(*) >= :cases order by 3 desc, 1, 2
                        """)
                .param("disease", disease)
                .param("classifications", classifications.toArray(String[]::new))
                .param("since", since)
                .param("cases", cases)
                .param("all", scope.all())
                .param("sites", scope.sites().toArray(UUID[]::new))
                .query((rs, row) -> new Crossing(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4)))
                .list();
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
