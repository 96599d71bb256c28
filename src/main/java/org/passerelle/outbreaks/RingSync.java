package org.passerelle.outbreaks;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.outbreaks.OutbreakViews.Household;
import org.passerelle.outbreaks.OutbreakViews.NewHousehold;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.CreatedRecords;
import org.passerelle.platform.sync.FieldChange;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.PulledRecords;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case-area response rings and their households as devices hold them: the team going out (the
 * rings' readers among the users whose devices sync: clinicians and coordinators) pulls the rings of
 * its sites, each as {@code GET /api/outbreaks/rings/{id}} answers it, and the
 * households listed in them, so that the households already visited are known on the spot. A ring
 * or household whose case, ring or own record has a tombstone is pulled as erased; those removed
 * with their case by retention are gone with it. Rings open with their case: a push of a ring is
 * refused; a household listed offline is pushed (below).
 */
@Configuration(proxyBeanMethods = false)
class RingSync {

    @Bean
    @Order(25)
    SyncedRecords outbreakRingSync(RingRepository rings, CurrentUsers users, JdbcClient jdbc, JsonMapper json) {
        return new PulledRecords(
                Rings.RECORD_TYPE, "outbreaks.ring", jdbc, rings::heldRings, () -> ringSites(users.current()), json);
    }

    /** The fields of a household a device sends, as {@code POST /api/outbreaks/rings/{ringId}/households}. */
    static final Set<String> HOUSEHOLD_FIELDS = Set.of(
            "marker",
            "people",
            "latitude",
            "longitude",
            "visitedAt",
            "waterTreatment",
            "soap",
            "jerrycan",
            "disinfection",
            "healthPromotion",
            "chlorineAtVisit");

    /**
     * Households are pulled as above, and a household listed on the spot without network is pushed
     * as a creation naming its {@code ringId}: it goes through {@link Rings#visit} (the responder's
     * site, the ring's radius, the chlorine's limits, the ring's first visit, the audit line) and is
     * written once under its id.
     */
    @Bean
    @Order(26)
    SyncedRecords outbreakHouseholdSync(
            Rings visits,
            RingRepository rings,
            CreatedRecords created,
            CurrentUsers users,
            JdbcClient jdbc,
            JsonMapper json) {
        PulledRecords pulled = new PulledRecords(
                Rings.HOUSEHOLD_TYPE,
                "outbreaks.household",
                jdbc,
                rings::heldHouseholds,
                () -> ringSites(users.current()),
                json);
        return new SyncedRecords() {
            @Override
            public String recordType() {
                return Rings.HOUSEHOLD_TYPE;
            }

            @Override
            public Applied apply(Mutation mutation) {
                FieldChange ring = mutation.changes().get("ringId");
                UUID ringId;
                try {
                    ringId = UUID.fromString(ring == null ? "" : ring.value().asString());
                } catch (IllegalArgumentException e) {
                    throw SyncProblems.malformed("ringId");
                }
                Map<String, FieldChange> fields = new HashMap<>(mutation.changes());
                fields.remove("ringId");
                Mutation household = new Mutation(
                        mutation.mutationId(),
                        mutation.recordType(),
                        mutation.recordId(),
                        mutation.operation(),
                        mutation.baseVersion(),
                        mutation.siteId(),
                        mutation.deviceTime(),
                        mutation.deviceId(),
                        fields);
                Household visited = visits.visit(
                        ringId,
                        created.read(
                                household, HOUSEHOLD_FIELDS, Map.of("id", mutation.recordId()), NewHousehold.class));
                return Applied.applied(visited.version(), false, visited.id());
            }

            @Override
            public ChangePage changesSince(Position after, int limit) {
                return pulled.changesSince(after, limit);
            }

            @Override
            public long resolve(UUID recordId, String field, JsonNode value) {
                throw SyncProblems.unknownField(field);
            }
        };
    }

    private static Predicate<UUID> ringSites(CurrentUser user) {
        return site -> OutbreakAccess.readsRingsAt(user, site);
    }
}
