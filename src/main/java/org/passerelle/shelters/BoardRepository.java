package org.passerelle.shelters;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passerelle.shelters.ShelterViews.NightOccupancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Night-by-night figures of a shelter. They count what the indicators' fact views count
 * ({@code night_fact}, {@code capacity_fact}), but per night directly: each run of nights (a
 * placement, a bed in service, an outage, an opening) adds one from its first night and takes it back
 * from the night after, and a running sum over the nights asked gives each night's count, so that
 * five years of a shelter read a few thousand runs rather than one row per bed and night.
 */
@Repository
class BoardRepository {

    private final JdbcClient jdbc;

    BoardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<NightOccupancy> occupancy(UUID siteId, LocalDate from, LocalDate until) {
        return jdbc.sql("""
                        with period as (
                                 select daterange(:from::date, :until::date) as asked, current_date + 1 as tomorrow),
                             -- The runs of nights that change a count, each cut to the period asked: the
                             -- nights slept (placements, to tonight when open-ended), the nights marked
                             -- absent or no-show within a placement, the beds in service (to tonight), the
                             -- nights they were out of service, and the emergency openings.
                             runs as (
                                 select 'slept' as kind, false as emergency,
                                        (case when upper_inf(p.nights) then daterange(lower(p.nights), greatest(lower(p.nights), tomorrow))
                                              else p.nights end) * asked as nights
                                   from shelters.placement p
                                   join shelters.stay s on s.id = p.stay_id and s.deleted_at is null
                                  cross join period
                                  where p.site_id = :site and p.deleted_at is null and p.nights && asked
                                 union all
                                 select 'away', false, daterange(a.night, a.night + 1) * asked
                                   from shelters.placement p
                                   join shelters.stay s on s.id = p.stay_id and s.deleted_at is null
                                   join shelters.night a on a.stay_id = p.stay_id and a.status <> 'PRESENT'
                                  cross join period
                                  where p.site_id = :site and p.deleted_at is null and p.nights && asked
                                    and a.night <@ asked
                                    and (case when upper_inf(p.nights) then daterange(lower(p.nights), greatest(lower(p.nights), tomorrow))
                                              else p.nights end) @> a.night
                                 union all
                                 select 'bed', b.emergency, daterange(b.in_service_from, greatest(b.in_service_from, tomorrow)) * asked
                                   from shelters.bed b
                                  cross join period
                                  where b.site_id = :site and b.deleted_at is null
                                 union all
                                 select 'out', b.emergency, o.nights * daterange(b.in_service_from, greatest(b.in_service_from, tomorrow)) * asked
                                   from shelters.bed_outage o
                                   join shelters.bed b on b.id = o.bed_id and b.deleted_at is null
                                  cross join period
                                  where b.site_id = :site and o.deleted_at is null and o.nights && asked
                                 union all
                                 select 'open', false, e.nights * asked
                                   from shelters.emergency_opening e
                                  cross join period
                                  where e.site_id = :site and e.deleted_at is null and e.nights && asked),
                             -- Each run adds one from its first night and takes it back from the night after.
                             steps as (
                                 select step.night,
                                        sum(step.delta) filter (where kind = 'slept') as slept,
                                        sum(step.delta) filter (where kind = 'away') as away,
                                        sum(step.delta) filter (where kind = 'bed' and not emergency) as beds,
                                        sum(step.delta) filter (where kind = 'out' and not emergency) as out,
                                        sum(step.delta) filter (where kind = 'bed' and emergency) as emergency_beds,
                                        sum(step.delta) filter (where kind = 'out' and emergency) as emergency_out,
                                        sum(step.delta) filter (where kind = 'open') as open
                                   from runs
                                  cross join lateral (values (lower(runs.nights), 1), (upper(runs.nights), -1)) step(night, delta)
                                  where not isempty(runs.nights)
                                  group by step.night),
                             counts as (
                                 select d::date as night,
                                        sum(coalesce(s.slept, 0)) over nights as slept,
                                        sum(coalesce(s.away, 0)) over nights as away,
                                        sum(coalesce(s.beds, 0)) over nights as beds,
                                        sum(coalesce(s.out, 0)) over nights as out,
                                        sum(coalesce(s.emergency_beds, 0)) over nights as emergency_beds,
                                        sum(coalesce(s.emergency_out, 0)) over nights as emergency_out,
                                        sum(coalesce(s.open, 0)) over nights as open
                                   from generate_series(:from::date, :until::date - 1, interval '1 day') d
                                   left join steps s on s.night = d::date
                                 window nights as (order by d))
                        select night,
                               beds - out + case when open > 0 then emergency_beds - emergency_out else 0 end as capacity,
                               slept - away as slept,
                               open > 0 as open
                          from counts
                         order by night
                        """)
                .param("site", siteId)
                .param("from", from)
                .param("until", until)
                .query((row, number) -> new NightOccupancy(
                        row.getObject("night", LocalDate.class),
                        row.getInt("capacity"),
                        row.getInt("slept"),
                        row.getBoolean("open")))
                .list();
    }
}
