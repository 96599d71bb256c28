package org.passerelle.vaccination;

import java.util.UUID;
import java.util.function.Predicate;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.platform.sync.PulledRecords;
import org.passerelle.platform.sync.SyncedRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaigns and the doses counted without names as devices hold them: the devices of those who give
 * doses (clinicians and coordinators) pull the campaigns with a target at one of their sites (as
 * {@code GET /api/vaccination/campaigns/{id}} answers them), so that a campaign dose can be recorded
 * offline, and the tallies of their sites, each with its campaign's id. A removed campaign or tally,
 * and the tallies of a removed campaign, are pulled as erased. Both are set up online: a push is
 * refused.
 */
@Configuration(proxyBeanMethods = false)
class CampaignSync {

    @Bean
    @Order(27)
    SyncedRecords vaccinationCampaignSync(
            CampaignRepository campaigns, CurrentUsers users, JdbcClient jdbc, JsonMapper json) {
        return new PulledRecords(
                Campaigns.RECORD_TYPE,
                "vaccination.campaign",
                jdbc,
                campaigns::heldCampaigns,
                () -> vaccinatorSites(users.current()),
                json);
    }

    @Bean
    @Order(28)
    SyncedRecords vaccinationTallySync(
            CampaignRepository campaigns, CurrentUsers users, JdbcClient jdbc, JsonMapper json) {
        return new PulledRecords(
                Campaigns.TALLY,
                "vaccination.tally",
                jdbc,
                campaigns::heldTallies,
                () -> vaccinatorSites(users.current()),
                json);
    }

    private static Predicate<UUID> vaccinatorSites(CurrentUser user) {
        boolean vaccinates = user.hasAnyRole(Role.CLINICIAN, Role.COORDINATOR);
        return site -> vaccinates && user.mayWorkAt(site);
    }
}
