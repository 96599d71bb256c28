package org.passerelle.vaccination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.passerelle.platform.sync.PulledRecords;
import org.passerelle.vaccination.VaccinationViews.Campaign;
import org.passerelle.vaccination.VaccinationViews.CampaignTally;
import org.passerelle.vaccination.VaccinationViews.CampaignTarget;
import org.passerelle.vaccination.VaccinationViews.NewCampaign;
import org.passerelle.vaccination.VaccinationViews.NewCampaignTally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns, their targets, the doses counted without names, and what coverage counts. */
@Repository
class CampaignRepository {

    /** What coverage counts in one site and age group: persons or people counted without names. */
    record Count(UUID siteId, String ageGroup, long people) {}

    private record Head(UUID id, String name, String vaccineCode, LocalDate startsOn, LocalDate endsOn, long version) {}

    /** A tally as devices hold it: the tally and its campaign. */
    record SyncedTally(UUID campaignId, CampaignTally tally) {}

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Campaign> find(UUID id) {
        return jdbc.sql("select id, name, vaccine_code, starts_on, ends_on, version from vaccination.campaign"
                        + " where id = ? and deleted_at is null")
                .param(id)
                .query(Head.class)
                .optional()
                .map(head -> withTargets(List.of(head)).getFirst());
    }

    /** The campaigns with a target at one of these sites (at every site when null), newest first. */
    List<Campaign> atSites(@org.jspecify.annotations.Nullable Collection<UUID> sites) {
        String where = sites == null
                ? ""
                : " and exists (select 1 from vaccination.campaign_target t where t.campaign_id = c.id"
                        + " and t.site_id = any(:sites))";
        var query = jdbc.sql("select id, name, vaccine_code, starts_on, ends_on, version from vaccination.campaign c"
                + " where deleted_at is null" + where + " order by starts_on desc, name limit 200");
        if (sites != null) {
            query = query.param("sites", sites.toArray(UUID[]::new));
        }
        return withTargets(query.query(Head.class).list());
    }

    /** Inserts a campaign and its targets; false when its id is taken already. */
    boolean insert(NewCampaign campaign, String name, UUID by) {
        int inserted = jdbc.sql("""
                        insert into vaccination.campaign (id, name, vaccine_code, starts_on, ends_on, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing
                        """)
                .params(campaign.id(), name, campaign.vaccineCode(), campaign.startsOn(), campaign.endsOn(), by, by)
                .update();
        if (inserted == 0) {
            return false;
        }
        for (CampaignTarget target : campaign.targets()) {
            jdbc.sql("insert into vaccination.campaign_target (campaign_id, site_id, age_group, people)"
                            + " values (?, ?, ?, ?)")
                    .params(campaign.id(), target.siteId(), target.ageGroup(), target.people())
                    .update();
        }
        return true;
    }

    /**
     * The distinct persons who received a dose of the campaign, each counted once: at the site and
     * in the age group of their first dose of it.
     */
    List<Count> registered(UUID campaignId) {
        return jdbc.sql("""
                        with firsts as (
                            select distinct on (d.person_id) d.person_id, d.site_id, d.given_on
                              from vaccination.dose d
                             where d.campaign_id = ? and d.deleted_at is null
                             order by d.person_id, d.given_on, d.created_at
                        )
                        select f.site_id, vaccination.age_group(p.birth_date, f.given_on) as age_group,
                               count(*) as people
                          from firsts f
                          left join people.person p on p.id = f.person_id
                         group by 1, 2
                        """).param(campaignId).query(Count.class).list();
    }

    /** The people counted without names, by site and age group. */
    List<Count> tallied(UUID campaignId) {
        return jdbc.sql("""
                        select site_id, case when age_group = 'UNKNOWN' then 'unknown' else age_group end as age_group,
                               sum(people) as people
                          from vaccination.tally
                         where campaign_id = ? and deleted_at is null
                         group by 1, 2
                        """).param(campaignId).query(Count.class).list();
    }

    /** The doses of the campaign given on a day at these sites, registered or counted without names. */
    long dosesOn(UUID campaignId, LocalDate day, Collection<UUID> sites) {
        return jdbc.sql("""
                        select (select count(*) from vaccination.dose
                                 where campaign_id = :campaign and given_on = :day and deleted_at is null
                                   and site_id = any(:sites))
                             + (select coalesce(sum(people), 0) from vaccination.tally
                                 where campaign_id = :campaign and given_on = :day and deleted_at is null
                                   and site_id = any(:sites))
                        """)
                .param("campaign", campaignId)
                .param("day", day)
                .param("sites", sites.toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    Optional<CampaignTally> findTally(UUID id) {
        return jdbc.sql("select id, site_id, given_on, sex, age_group, people from vaccination.tally where id = ?")
                .param(id)
                .query(CampaignTally.class)
                .optional();
    }

    void insertTally(UUID campaignId, NewCampaignTally tally, LocalDate givenOn, UUID by) {
        jdbc.sql("""
                        insert into vaccination.tally (id, campaign_id, site_id, given_on, sex, age_group, people, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        tally.id(),
                        campaignId,
                        tally.siteId(),
                        givenOn,
                        tally.sex(),
                        tally.ageGroup(),
                        tally.people(),
                        by)
                .update();
    }

    /** The campaign's tallies at these sites, newest first. */
    List<CampaignTally> tallies(UUID campaignId, Collection<UUID> sites) {
        return jdbc.sql("select id, site_id, given_on, sex, age_group, people from vaccination.tally"
                        + " where campaign_id = ? and site_id = any(?) and deleted_at is null"
                        + " order by given_on desc, created_at desc limit 500")
                .params(campaignId, sites.toArray(UUID[]::new))
                .query(CampaignTally.class)
                .list();
    }

    /** These campaigns as devices hold them, at the sites of their targets, those removed included. */
    List<PulledRecords.Held> heldCampaigns(List<UUID> ids) {
        Set<UUID> removed = new HashSet<>();
        List<Head> heads = jdbc.sql("select id, name, vaccine_code, starts_on, ends_on, version, deleted_at is not null"
                        + " as removed from vaccination.campaign where id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query((row, n) -> {
                    UUID id = row.getObject("id", UUID.class);
                    if (row.getBoolean("removed")) {
                        removed.add(id);
                    }
                    return new Head(
                            id,
                            row.getString("name"),
                            row.getString("vaccine_code"),
                            row.getObject("starts_on", LocalDate.class),
                            row.getObject("ends_on", LocalDate.class),
                            row.getLong("version"));
                })
                .list();
        return withTargets(heads).stream()
                .map(campaign -> new PulledRecords.Held(
                        campaign.id(),
                        campaign.targets().stream().map(CampaignTarget::siteId).collect(Collectors.toSet()),
                        campaign.version(),
                        removed.contains(campaign.id()),
                        campaign))
                .toList();
    }

    /** These tallies as devices hold them, at their site, those removed with their campaign included. */
    List<PulledRecords.Held> heldTallies(List<UUID> ids) {
        return jdbc.sql("""
                        select t.id, t.campaign_id, t.site_id, t.given_on, t.sex, t.age_group, t.people, t.version,
                               (t.deleted_at is not null or c.deleted_at is not null) as removed
                          from vaccination.tally t join vaccination.campaign c on c.id = t.campaign_id
                         where t.id = any(?)
                        """)
                .param(ids.toArray(UUID[]::new))
                .query((row, n) -> {
                    CampaignTally tally = new CampaignTally(
                            row.getObject("id", UUID.class),
                            row.getObject("site_id", UUID.class),
                            row.getObject("given_on", LocalDate.class),
                            row.getString("sex"),
                            row.getString("age_group"),
                            row.getInt("people"));
                    return new PulledRecords.Held(
                            tally.id(),
                            List.of(tally.siteId()),
                            row.getLong("version"),
                            row.getBoolean("removed"),
                            new SyncedTally(row.getObject("campaign_id", UUID.class), tally));
                })
                .list();
    }

    private List<Campaign> withTargets(List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<CampaignTarget>> targets = new LinkedHashMap<>();
        jdbc.sql("select campaign_id, site_id, age_group, people from vaccination.campaign_target"
                        + " where campaign_id = any(?) order by site_id, age_group")
                .param(heads.stream().map(Head::id).toArray(UUID[]::new))
                .query((row, n) -> targets.computeIfAbsent(
                                row.getObject("campaign_id", UUID.class), id -> new ArrayList<>())
                        .add(new CampaignTarget(
                                row.getObject("site_id", UUID.class),
                                row.getString("age_group"),
                                row.getInt("people"))))
                .list();
        return heads.stream()
                .map(head -> new Campaign(
                        head.id(),
                        head.name(),
                        head.vaccineCode(),
                        head.startsOn(),
                        head.endsOn(),
                        targets.getOrDefault(head.id(), List.of()),
                        head.version()))
                .toList();
    }
}
