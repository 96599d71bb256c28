package org.passerelle.vaccination;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.platform.DomainException;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.vaccination.VaccinationViews.Campaign;
import org.passerelle.vaccination.VaccinationViews.CampaignCoverage;
import org.passerelle.vaccination.VaccinationViews.CampaignTally;
import org.passerelle.vaccination.VaccinationViews.CampaignTarget;
import org.passerelle.vaccination.VaccinationViews.NewCampaign;
import org.passerelle.vaccination.VaccinationViews.NewCampaignTally;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vaccination campaigns: set by a coordinator (a vaccine, its dates, and the people it aims to
 * reach at each site and in each age group), their live coverage, and the doses counted without
 * names at their sites where registration is not possible. Every role sees the campaigns of its
 * sites; clinicians and coordinators count doses without names.
 */
@Service
public class Campaigns {

    static final String RECORD_TYPE = "vaccination-campaign";
    static final String TALLY = "vaccination-tally";

    private final CampaignRepository campaigns;
    private final VaccineCatalogue catalogue;
    private final SiteDirectory sites;
    private final CurrentUsers currentUsers;
    private final AuditLog audit;
    private final Clock clock;

    Campaigns(
            CampaignRepository campaigns,
            VaccineCatalogue catalogue,
            SiteDirectory sites,
            CurrentUsers currentUsers,
            AuditLog audit,
            Clock clock) {
        this.campaigns = campaigns;
        this.catalogue = catalogue;
        this.sites = sites;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sets a campaign; sent again with the same id, answers the campaign as it is. */
    @Transactional
    public Campaign create(NewCampaign command) {
        CurrentUser user = currentUsers.current();
        if (!user.hasAnyRole(Role.COORDINATOR, Role.ADMINISTRATOR)) {
            throw DomainException.roleNotAllowed();
        }
        catalogue.require(command.vaccineCode());
        if (command.endsOn().isBefore(command.startsOn())) {
            throw VaccinationProblems.campaignEndsBeforeStart();
        }
        Set<String> cells = new HashSet<>();
        for (CampaignTarget target : command.targets()) {
            if (!sites.exists(target.siteId()) || !cells.add(target.siteId() + target.ageGroup())) {
                throw DomainException.invalidInput("targets");
            }
            if (!user.mayWorkAt(target.siteId())) {
                throw VaccinationProblems.siteOutsideScope();
            }
        }
        String name = command.name().strip();
        if (name.isEmpty()) {
            throw DomainException.invalidInput("name");
        }
        if (!campaigns.insert(command, name, user.id())) {
            Campaign existing = campaigns.find(command.id()).orElseThrow(VaccinationProblems::idReused);
            if (!existing.vaccineCode().equals(command.vaccineCode())) {
                throw VaccinationProblems.idReused();
            }
            return existing;
        }
        audit.record(AuditAction.CREATE, RECORD_TYPE, command.id());
        return campaigns.find(command.id()).orElseThrow();
    }

    /** The campaigns with a site of the user's, newest first. */
    @Transactional(readOnly = true)
    public List<Campaign> mine() {
        CurrentUser user = currentUsers.current();
        return campaigns.atSites(user.allSites() ? null : user.siteIds());
    }

    /** A campaign with a site of the user's: 404 otherwise. */
    @Transactional(readOnly = true)
    public Campaign get(UUID id) {
        return requireVisible(id);
    }

    /**
     * The campaign's coverage now at the user's sites: distinct persons vaccinated (each once, at
     * the site and in the age group of their first dose of the campaign) and people counted
     * without names, against the target of each site and age group.
     */
    @Transactional(readOnly = true)
    public CampaignCoverage coverage(UUID id) {
        CurrentUser user = currentUsers.current();
        Campaign campaign = requireVisible(id);
        List<UUID> visible = campaign.targets().stream()
                .map(CampaignTarget::siteId)
                .distinct()
                .filter(user::mayWorkAt)
                .toList();
        long today = campaigns.dosesOn(id, LocalDate.now(clock), visible);
        return CoverageTable.of(campaign, visible, campaigns.registered(id), campaigns.tallied(id), today);
    }

    /** Counts doses given without names; sent again with the same id, answers the tally as it is. */
    @Transactional
    public CampaignTally tally(UUID campaignId, NewCampaignTally command) {
        CurrentUser user = currentUsers.current();
        if (!user.hasAnyRole(Role.CLINICIAN, Role.COORDINATOR)) {
            throw DomainException.roleNotAllowed();
        }
        Campaign campaign = requireVisible(campaignId);
        if (!user.mayWorkAt(command.siteId())) {
            throw VaccinationProblems.siteOutsideScope();
        }
        if (campaign.targets().stream().noneMatch(target -> target.siteId().equals(command.siteId()))) {
            throw VaccinationProblems.outsideCampaign("siteId");
        }
        LocalDate givenOn = command.givenOn() == null ? LocalDate.now(clock) : command.givenOn();
        if (givenOn.isAfter(LocalDate.now(clock))) {
            throw VaccinationProblems.inFuture("givenOn");
        }
        if (givenOn.isBefore(campaign.startsOn()) || givenOn.isAfter(campaign.endsOn())) {
            throw VaccinationProblems.outsideCampaign("givenOn");
        }
        var existing = campaigns.findTally(command.id());
        if (existing.isPresent()) {
            if (existing.get().people() != command.people()
                    || !existing.get().siteId().equals(command.siteId())) {
                throw VaccinationProblems.idReused();
            }
            return existing.get();
        }
        campaigns.insertTally(campaignId, command, givenOn, user.id());
        audit.record(AuditAction.CREATE, TALLY, command.id());
        return campaigns.findTally(command.id()).orElseThrow();
    }

    /** The campaign's doses counted without names at the user's sites, newest first. */
    @Transactional(readOnly = true)
    public List<CampaignTally> tallies(UUID campaignId) {
        CurrentUser user = currentUsers.current();
        Campaign campaign = requireVisible(campaignId);
        List<UUID> visible = campaign.targets().stream()
                .map(CampaignTarget::siteId)
                .distinct()
                .filter(user::mayWorkAt)
                .toList();
        return campaigns.tallies(campaignId, visible);
    }

    private Campaign requireVisible(UUID id) {
        CurrentUser user = currentUsers.current();
        Campaign campaign = campaigns.find(id).orElseThrow(VaccinationProblems::campaignNotFound);
        if (campaign.targets().stream().noneMatch(target -> user.mayWorkAt(target.siteId()))) {
            throw VaccinationProblems.campaignNotFound();
        }
        return campaign;
    }
}
