package org.passerelle.platform.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.passerelle.platform.sync.SettledChanges.ChangedRow;

/**
 * The changes a pull keeps from a page of rows of a person's records: each row read once for the
 * page (whose it is, where it was recorded, whether it was removed), a removed row pulled as erased
 * by the users who work where it was recorded, a live one pulled by the users who may write the
 * person's file, its view built for the page's kept rows at once, and the page kept in the rows'
 * order.
 *
 * <pre>{@code
 * List<SyncedChange> kept = HeldChanges.of(recordType(), rows, changes::referrals,
 *         persons::writableAmong, user::mayWorkAt, this::upserts);
 * return SettledChanges.page(rows, kept, after, limit);
 * }</pre>
 */
public final class HeldChanges {

    /** What a pull first reads of a changed row. */
    public interface Held {

        UUID id();

        UUID personId();

        UUID siteId();

        boolean removed();
    }

    private HeldChanges() {}

    /**
     * The changes to pull among {@code rows}, in their order.
     *
     * @param read the rows' {@link Held} parts, by id, removed rows included (one query)
     * @param writableAmong the persons, among those given, whose file the user may write
     * @param mayWorkAt whether the user works at a site
     * @param upserts the changes of the live rows kept, by id (built for all of them at once); a row
     *     missing from the answer is left out of the page
     */
    public static <H extends Held> List<SyncedChange> of(
            String recordType,
            List<ChangedRow> rows,
            Function<List<UUID>, Map<UUID, H>> read,
            Function<List<UUID>, Set<UUID>> writableAmong,
            Predicate<UUID> mayWorkAt,
            Function<List<H>, Map<UUID, SyncedChange>> upserts) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, H> held = read.apply(rows.stream().map(ChangedRow::id).toList());
        Set<UUID> writable = writableAmong.apply(held.values().stream()
                .filter(one -> !one.removed())
                .map(Held::personId)
                .distinct()
                .toList());
        List<H> live = rows.stream()
                .map(row -> held.get(row.id()))
                .filter(one -> one != null && !one.removed() && writable.contains(one.personId()))
                .toList();
        Map<UUID, SyncedChange> upserted = live.isEmpty() ? Map.of() : upserts.apply(live);
        List<SyncedChange> page = new ArrayList<>();
        for (ChangedRow row : rows) {
            H one = held.get(row.id());
            if (one == null) {
                continue;
            }
            if (one.removed()) {
                if (mayWorkAt.test(one.siteId())) {
                    page.add(SyncedChange.erased(recordType, one.id()));
                }
            } else {
                SyncedChange change = upserted.get(one.id());
                if (change != null) {
                    page.add(change);
                }
            }
        }
        return page;
    }
}
