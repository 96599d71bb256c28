package org.passerelle.shelters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SettledChanges.ChangedRow;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedChange;
import org.passerelle.platform.sync.SyncedRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shelter's rooms, beds, beds out of service and emergency openings as its devices hold them, so
 * that the bed board can be read offline: pulled by the staff and bed keepers of the shelter sites
 * they work at (removed ones as erased). They are set up online: a push is refused.
 */
@Configuration(proxyBeanMethods = false)
class ShelterSync {

    @Bean
    @Order(30)
    SyncedRecords shelterRoomSync(SyncReads reads, CurrentUsers users, JsonMapper json) {
        return new PulledOnly(Beds.ROOM, "room", reads::rooms, ShelterSync::readsBeds, reads, users, json);
    }

    @Bean
    @Order(31)
    SyncedRecords shelterBedSync(SyncReads reads, CurrentUsers users, JsonMapper json) {
        return new PulledOnly(Beds.BED, "bed", reads::beds, ShelterSync::readsBeds, reads, users, json);
    }

    @Bean
    @Order(32)
    SyncedRecords shelterOutageSync(SyncReads reads, CurrentUsers users, JsonMapper json) {
        return new PulledOnly(Beds.OUTAGE, "bed_outage", reads::outages, ShelterSync::readsBeds, reads, users, json);
    }

    @Bean
    @Order(33)
    SyncedRecords shelterOpeningSync(SyncReads reads, CurrentUsers users, JsonMapper json) {
        return new PulledOnly(
                Beds.OPENING, "emergency_opening", reads::openings, ShelterSync::readsBeds, reads, users, json);
    }

    /** Whoever may see a shelter's rooms and beds: its staff and those who keep its beds. */
    static boolean readsBeds(CurrentUser user) {
        return user.caresForPeople() || ShelterAccess.BED_KEEPERS.stream().anyMatch(user::hasRole);
    }

    /** A table devices pull the changed rows of, at the sites the user works at; pushing it is refused. */
    static class PulledOnly implements SyncedRecords {

        private final String recordType;
        private final String table;
        private final Function<List<UUID>, List<SyncReads.Held>> read;
        private final Predicate<CurrentUser> holds;
        private final SyncReads reads;
        private final CurrentUsers users;
        private final JsonMapper json;

        PulledOnly(
                String recordType,
                String table,
                Function<List<UUID>, List<SyncReads.Held>> read,
                Predicate<CurrentUser> holds,
                SyncReads reads,
                CurrentUsers users,
                JsonMapper json) {
            this.recordType = recordType;
            this.table = table;
            this.read = read;
            this.holds = holds;
            this.reads = reads;
            this.users = users;
            this.json = json;
        }

        @Override
        public String recordType() {
            return recordType;
        }

        @Override
        public Applied apply(Mutation mutation) {
            throw SyncProblems.malformed("recordType");
        }

        /** The rows of the table changed after {@code after} that these devices hold, removed or not. */
        String filter() {
            return "true";
        }

        @Override
        public ChangePage changesSince(Position after, int limit) {
            List<ChangedRow> rows = reads.changed(table, filter(), after, limit);
            CurrentUser user = users.current();
            Map<UUID, SyncReads.Held> held = new HashMap<>();
            if (holds.test(user)) {
                read.apply(rows.stream().map(ChangedRow::id).toList()).forEach(one -> held.put(one.id(), one));
            }
            List<SyncedChange> changes = new ArrayList<>();
            for (ChangedRow row : rows) {
                SyncReads.Held one = held.get(row.id());
                if (one != null && user.mayWorkAt(one.siteId())) {
                    changes.add(
                            one.removed()
                                    ? SyncedChange.erased(recordType, one.id())
                                    : SyncedChange.upsert(
                                            recordType, one.id(), one.version(), json.valueToTree(one.value())));
                }
            }
            return SettledChanges.page(rows, changes, after, limit);
        }

        @Override
        public long resolve(UUID recordId, String field, JsonNode value) {
            throw SyncProblems.unknownField(field);
        }
    }
}
