package org.passerelle.stock;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.stock.StockViews.Consumption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a place uses and what to order: the average monthly consumption of each item (what was
 * dispensed, distributed or transferred out over the last {@code passerelle.stock.consumption-months}
 * months, 3, divided by them), the months the balance lasts at that pace, and the quantity to order
 * so that the place holds {@code passerelle.stock.target-months} (3) months of use once the order
 * arrives after {@code passerelle.stock.lead-time-months} (1).
 */
@Service
public class Consumptions {

    private final Locations locations;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int months;
    private final int targetMonths;
    private final int leadTimeMonths;

    Consumptions(
            Locations locations,
            JdbcClient jdbc,
            Clock clock,
            @Value("${passerelle.stock.consumption-months:3}") int months,
            @Value("${passerelle.stock.target-months:3}") int targetMonths,
            @Value("${passerelle.stock.lead-time-months:1}") int leadTimeMonths) {
        this.locations = locations;
        this.jdbc = jdbc;
        this.clock = clock;
        this.months = months;
        this.targetMonths = targetMonths;
        this.leadTimeMonths = leadTimeMonths;
    }

    /** Each item held or used at the place lately, by code. */
    @Transactional(readOnly = true)
    public List<Consumption> of(UUID locationId) {
        locations.requireReader();
        UUID place = locations.requireUsable(locationId).id();
        Instant since = OffsetDateTime.now(clock).minus(Period.ofMonths(months)).toInstant();
        return jdbc.sql("""
                        select item_code, sum(held)::int as held, sum(used)::int as used from (
                            select item_code, quantity as held, 0 as used from stock.balance
                             where location_id in (select id from stock.location where id = :place or parent_id = :place)
                            union all
                            select item_code, 0, -quantity from stock.movement
                             where location_id in (select id from stock.location where id = :place or parent_id = :place)
                               and occurred_at >= :since
                               and kind in ('DISPENSING', 'DISTRIBUTION', 'TRANSFER_OUT', 'ADMINISTERED')
                        ) lines group by item_code having sum(held) > 0 or sum(used) > 0 order by item_code
                        """)
                .param("place", place)
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .query((row, number) -> consumption(row.getString("item_code"), row.getInt("held"), row.getInt("used")))
                .list();
    }

    Consumption consumption(String itemCode, int held, int used) {
        double monthly = (double) used / months;
        @Nullable Double monthsOfStock = monthly > 0 ? Math.round(held / monthly * 10) / 10.0 : null;
        int order = (int) Math.max(0, Math.ceil(monthly * (targetMonths + leadTimeMonths)) - held);
        return new Consumption(itemCode, held, Math.round(monthly * 10) / 10.0, monthsOfStock, order);
    }
}
