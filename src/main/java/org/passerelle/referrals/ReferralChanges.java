package org.passerelle.referrals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.sync.HeldChanges.Held;
import org.passerelle.referrals.ReferralViews.AccompanimentOutcome;
import org.passerelle.referrals.ReferralViews.Transport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a device's pull needs to know of the referrals and accompaniments changed since its
 * position: whose they are, where they were recorded and whether they were removed, read for a
 * page at once (removed rows included, so that devices learn of the tombstones).
 */
@Repository
class ReferralChanges {

    /** A referral as the pull first sees it. */
    record HeldReferral(UUID id, UUID personId, UUID siteId, boolean removed) implements Held {}

    /** An accompaniment as stored, with the referral and person it belongs to. */
    record HeldAccompaniment(
            UUID id,
            UUID referralId,
            UUID personId,
            UUID siteId,
            LocalDate occurredOn,
            String companions,
            Transport transport,
            int minutes,
            AccompanimentOutcome outcome,
            byte @Nullable [] note,
            long version,
            boolean removed)
            implements Held {}

    private final JdbcClient jdbc;

    ReferralChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, HeldReferral> referrals(List<UUID> ids) {
        Map<UUID, HeldReferral> held = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            select id, person_id, site_id, deleted_at is not null as removed
                              from referrals.referral where id = any(?)
                            """)
                    .param(ids.toArray(UUID[]::new))
                    .query(HeldReferral.class)
                    .list()
                    .forEach(row -> held.put(row.id(), row));
        }
        return held;
    }

    Map<UUID, HeldAccompaniment> accompaniments(List<UUID> ids) {
        Map<UUID, HeldAccompaniment> held = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            select id, referral_id, person_id, site_id, occurred_on, companions, transport, minutes,
                                   outcome, note, version, deleted_at is not null as removed
                              from referrals.accompaniment where id = any(?)
                            """)
                    .param(ids.toArray(UUID[]::new))
                    .query(HeldAccompaniment.class)
                    .list()
                    .forEach(row -> held.put(row.id(), row));
        }
        return held;
    }
}
