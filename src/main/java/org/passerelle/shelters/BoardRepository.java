package org.passerelle.shelters;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passerelle.shelters.ShelterViews.NightOccupancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Night-by-night figures of a shelter, read from the same fact views as the indicators. */
@Repository
class BoardRepository {

    private final JdbcClient jdbc;

    BoardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<NightOccupancy> occupancy(UUID siteId, LocalDate from, LocalDate until) {
        return jdbc.sql("""
                        with capacity as (
                                 select occurred_on, count(*) as beds from shelters.capacity_fact
                                  where site_id = :site and occurred_on >= :from and occurred_on < :until
                                  group by occurred_on),
                             slept as (
                                 select occurred_on, count(*) as persons from shelters.night_fact
                                  where site_id = :site and occurred_on >= :from and occurred_on < :until
                                  group by occurred_on)
                        select d::date as night, coalesce(c.beds, 0) as capacity, coalesce(s.persons, 0) as slept,
                               exists(select 1 from shelters.emergency_opening e
                                       where e.site_id = :site and e.deleted_at is null and e.nights @> d::date) as open
                          from generate_series(:from::date, :until::date - 1, interval '1 day') d
                          left join capacity c on c.occurred_on = d::date
                          left join slept s on s.occurred_on = d::date
                         order by d
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
