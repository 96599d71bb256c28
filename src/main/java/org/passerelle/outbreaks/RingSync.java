package org.passerelle.outbreaks;

import java.util.UUID;
import java.util.function.Predicate;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.platform.sync.PulledRecords;
import org.passerelle.platform.sync.SyncedRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case-area response rings and their households as devices hold them: the team going out (the
 * rings' readers among the users whose devices sync: clinicians and coordinators) pulls the rings of
 * its sites, each as {@code GET /api/outbreaks/rings/{id}} answers it, and the
 * households listed in them, so that the households already visited are known on the spot. A ring
 * or household whose case, ring or own record has a tombstone is pulled as erased; those removed
 * with their case by retention are gone with it. Rings open and households are listed online for
 * now: a push is refused.
 */
@Configuration(proxyBeanMethods = false)
class RingSync {

    @Bean
    @Order(25)
    SyncedRecords outbreakRingSync(RingRepository rings, CurrentUsers users, JdbcClient jdbc, JsonMapper json) {
        return new PulledRecords(
                Rings.RECORD_TYPE, "outbreaks.ring", jdbc, rings::heldRings, () -> ringSites(users.current()), json);
    }

    @Bean
    @Order(26)
    SyncedRecords outbreakHouseholdSync(RingRepository rings, CurrentUsers users, JdbcClient jdbc, JsonMapper json) {
        return new PulledRecords(
                Rings.HOUSEHOLD_TYPE,
                "outbreaks.household",
                jdbc,
                rings::heldHouseholds,
                () -> ringSites(users.current()),
                json);
    }

    private static Predicate<UUID> ringSites(CurrentUser user) {
        return site -> OutbreakAccess.readsRingsAt(user, site);
    }
}
