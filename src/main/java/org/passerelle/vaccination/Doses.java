package org.passerelle.vaccination;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passerelle.access.Compartment;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonAccess;
import org.passerelle.platform.DomainException;
import org.passerelle.vaccination.VaccinationViews.Campaign;
import org.passerelle.vaccination.VaccinationViews.NewVaccineDose;
import org.passerelle.vaccination.VaccinationViews.Vaccine;
import org.passerelle.vaccination.VaccinationViews.VaccineDose;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path of the doses on a person's file. Clinicians record a dose of a person they
 * care for, in routine care or in a campaign: a vaccine of the catalogue, a dose number within its
 * schedule that follows the doses already given, no sooner than the vaccine's minimum interval
 * after the previous dose, never in the future. A refused dose writes nothing; each write has its
 * audit line, and the site that gave the dose has then seen the person.
 */
@Service
public class Doses {

    static final String RECORD_TYPE = "vaccination-dose";

    private final DoseRepository doses;
    private final CampaignRepository campaigns;
    private final VaccineCatalogue catalogue;
    private final PersonAccess personAccess;
    private final CurrentUsers currentUsers;
    private final AuditLog audit;
    private final Clock clock;

    Doses(
            DoseRepository doses,
            CampaignRepository campaigns,
            VaccineCatalogue catalogue,
            PersonAccess personAccess,
            CurrentUsers currentUsers,
            AuditLog audit,
            Clock clock) {
        this.doses = doses;
        this.campaigns = campaigns;
        this.catalogue = catalogue;
        this.personAccess = personAccess;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a dose; sent again with the same id, answers the dose as it is. */
    @Transactional
    public VaccineDose record(NewVaccineDose command) {
        if (!currentUsers.current().hasRole(Role.CLINICIAN)) {
            throw DomainException.roleNotAllowed();
        }
        CurrentUser user = personAccess.requireWritable(command.personId());
        var existing = doses.find(command.id());
        if (existing.isPresent()) {
            return sameAgain(existing.get(), command);
        }
        Vaccine vaccine = catalogue.require(command.vaccineCode());
        if (command.doseNumber() > vaccine.doses()) {
            throw VaccinationProblems.doseBeyondSchedule();
        }
        LocalDate givenOn = command.givenOn() == null ? LocalDate.now(clock) : command.givenOn();
        if (givenOn.isAfter(LocalDate.now(clock))) {
            throw VaccinationProblems.inFuture("givenOn");
        }
        UUID siteId = command.siteId() == null ? user.requireCurrentSite() : command.siteId();
        if (!user.mayWorkAt(siteId)) {
            throw VaccinationProblems.siteOutsideScope();
        }
        if (command.campaignId() != null) {
            requireWithinCampaign(command.campaignId(), vaccine, givenOn, siteId);
        }
        followsSchedule(command, vaccine, givenOn);
        VaccineDose dose = new VaccineDose(
                command.id(),
                command.personId(),
                vaccine.code(),
                command.doseNumber(),
                blankToNull(command.lot()),
                givenOn,
                siteId,
                command.campaignId(),
                user.displayName(),
                1);
        if (doses.idTaken(command.id())) {
            throw VaccinationProblems.idReused();
        }
        try {
            doses.insert(dose, user.id());
        } catch (DuplicateKeyException e) {
            throw VaccinationProblems.doseAlreadyGiven();
        }
        personAccess.recordContact(command.personId(), siteId, givenOn);
        audit.record(AuditAction.CREATE, RECORD_TYPE, dose.id());
        return dose;
    }

    /** The doses on a person's file, newest first, for a carer who reaches it; the read is audited. */
    @Transactional
    public List<VaccineDose> ofPerson(UUID personId) {
        CurrentUser user = currentUsers.current();
        if (!user.caresForPeople()) {
            throw DomainException.roleNotAllowed();
        }
        if (!personAccess.requireFile(personId).opens(Compartment.GENERAL)) {
            throw DomainException.roleNotAllowed();
        }
        audit.record(AuditAction.READ, RECORD_TYPE, personId);
        return doses.ofPerson(personId);
    }

    /**
     * One dose, for a carer who reaches the person's file, as {@link #ofPerson} gives it (the FHIR
     * facade's {@code Immunization} read); the read is audited.
     */
    @Transactional
    public VaccineDose get(UUID id) {
        VaccineDose dose = doses.find(id).orElseThrow(VaccinationProblems::doseNotFound);
        if (!currentUsers.current().caresForPeople()
                || !personAccess.requireFile(dose.personId()).opens(Compartment.GENERAL)) {
            throw DomainException.roleNotAllowed();
        }
        audit.record(AuditAction.READ, RECORD_TYPE, id);
        return dose;
    }

    /** Removes a dose recorded by mistake, read at {@code version}; a later dose must be removed first. */
    @Transactional
    public void remove(UUID id, long version) {
        if (!currentUsers.current().hasRole(Role.CLINICIAN)) {
            throw DomainException.roleNotAllowed();
        }
        VaccineDose dose = doses.find(id).orElseThrow(VaccinationProblems::doseNotFound);
        personAccess.requireWritable(dose.personId());
        if (dose.version() != version) {
            throw DomainException.staleVersion(dose.version());
        }
        if (doses.laterDoseExists(dose.personId(), dose.vaccineCode(), dose.doseNumber())) {
            throw VaccinationProblems.doseSkipped();
        }
        doses.remove(id, version);
        audit.record(AuditAction.DELETE, RECORD_TYPE, id);
    }

    private void requireWithinCampaign(UUID campaignId, Vaccine vaccine, LocalDate givenOn, UUID siteId) {
        Campaign campaign = campaigns.find(campaignId).orElseThrow(VaccinationProblems::campaignNotFound);
        if (!campaign.vaccineCode().equals(vaccine.code())) {
            throw VaccinationProblems.outsideCampaign("vaccineCode");
        }
        if (givenOn.isBefore(campaign.startsOn()) || givenOn.isAfter(campaign.endsOn())) {
            throw VaccinationProblems.outsideCampaign("givenOn");
        }
        if (campaign.targets().stream().noneMatch(target -> target.siteId().equals(siteId))) {
            throw VaccinationProblems.outsideCampaign("siteId");
        }
    }

    /** VaccineDose N follows dose N - 1, given at least the vaccine's interval before, and is not there yet. */
    private void followsSchedule(NewVaccineDose command, Vaccine vaccine, LocalDate givenOn) {
        List<VaccineDose> given = doses.ofVaccineLocked(command.personId(), vaccine.code());
        int number = command.doseNumber();
        if (given.stream().anyMatch(dose -> dose.doseNumber() == number)) {
            throw VaccinationProblems.doseAlreadyGiven();
        }
        if (number == 1) {
            return;
        }
        VaccineDose previous = given.stream()
                .filter(dose -> dose.doseNumber() == number - 1)
                .findFirst()
                .orElseThrow(VaccinationProblems::doseSkipped);
        LocalDate earliest = previous.givenOn().plusDays(vaccine.daysBefore(number));
        if (givenOn.isBefore(earliest)) {
            throw VaccinationProblems.tooSoon(vaccine.daysBefore(number), earliest.toString());
        }
    }

    private static VaccineDose sameAgain(VaccineDose existing, NewVaccineDose command) {
        if (!existing.personId().equals(command.personId())
                || !existing.vaccineCode().equals(command.vaccineCode())
                || existing.doseNumber() != command.doseNumber()) {
            throw VaccinationProblems.idReused();
        }
        return existing;
    }

    private static @org.jspecify.annotations.Nullable String blankToNull(
            @org.jspecify.annotations.Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
