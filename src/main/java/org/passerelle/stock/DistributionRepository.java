package org.passerelle.stock;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.stock.StockViews.GroupCount;
import org.passerelle.stock.StockViews.Received;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Distributions: to whom (a person, or a group counted without names); their goods are ledger lines. */
@Repository
class DistributionRepository {

    private final JdbcClient jdbc;

    DistributionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a distribution; false when its id is there already. */
    boolean insert(UUID id, UUID locationId, UUID siteId, @Nullable UUID personId, Instant at, UUID by) {
        return jdbc.sql("""
                        insert into stock.distribution (id, location_id, site_id, person_id, occurred_at, created_by)
                        values (:id, :location, :site, :person, :at, :by) on conflict (id) do nothing
                        """)
                        .param("id", id)
                        .param("location", locationId)
                        .param("site", siteId)
                        .param("person", personId)
                        .param("at", utc(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    void insertCount(UUID id, GroupCount count) {
        jdbc.sql("""
                        insert into stock.distribution_count (distribution_id, sex, age_group, people)
                        values (?, ?, ?, ?)
                        """).params(id, count.sex(), count.ageGroup(), count.people()).update();
    }

    Optional<UUID> locationOf(UUID id) {
        return jdbc.sql("select location_id from stock.distribution where id = ?")
                .param(id)
                .query(UUID.class)
                .optional();
    }

    /**
     * Holds the person's distributions until the transaction ends, so that two distributions to
     * them at once cannot both pass their entitlement.
     */
    void lockPerson(UUID personId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('stock-distribution ' || ?::text, 0))")
                .param(personId)
                .query((row, rowNumber) -> 1)
                .list();
    }

    /** How many of the item the person received since {@code since}. */
    int receivedSince(UUID personId, String itemCode, Instant since) {
        return jdbc.sql("""
                        select coalesce(-sum(m.quantity), 0)::int
                          from stock.distribution d join stock.movement m on m.distribution_id = d.id
                         where d.person_id = ? and m.item_code = ? and d.occurred_at >= ? and d.deleted_at is null
                        """)
                .params(personId, itemCode, utc(since))
                .query(Integer.class)
                .single();
    }

    /** What the person received, newest first. */
    List<Received> receivedBy(UUID personId) {
        return jdbc.sql("""
                        select d.id, m.item_code, -sum(m.quantity)::int as quantity, d.occurred_at, d.site_id
                          from stock.distribution d join stock.movement m on m.distribution_id = d.id
                         where d.person_id = ? and d.deleted_at is null
                         group by d.id, m.item_code, d.occurred_at, d.site_id
                         order by d.occurred_at desc, m.item_code
                         limit 500
                        """)
                .param(personId)
                .query((row, rowNumber) -> new Received(
                        row.getObject("id", UUID.class),
                        row.getString("item_code"),
                        row.getInt("quantity"),
                        row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        row.getObject("site_id", UUID.class)))
                .list();
    }

    /** Leaves the person out of their distributions (erasure): the goods handed out stay counted. */
    void forgetPerson(UUID personId) {
        jdbc.sql("""
                        update stock.distribution
                           set person_id = null, version = version + 1,
                               change_seq = nextval('stock.distribution_change_seq')
                         where person_id = ?
                        """).param(personId).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
