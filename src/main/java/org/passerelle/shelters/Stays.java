package org.passerelle.shelters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonAccess;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.platform.DomainException;
import org.passerelle.shelters.ShelterViews.BedTransfer;
import org.passerelle.shelters.ShelterViews.HouseholdAdmission;
import org.passerelle.shelters.ShelterViews.ShelterAdmission;
import org.passerelle.shelters.ShelterViews.ShelterBed;
import org.passerelle.shelters.ShelterViews.ShelterStay;
import org.passerelle.shelters.ShelterViews.StayDischarge;
import org.passerelle.shelters.StayRepository.Admitted;
import org.passerelle.shelters.StayRepository.Placement;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stays at a shelter: admission to a bed (or a family's beds, all or none), transfer to another
 * bed, discharge with the destination. The one write path of stays and placements: the staff of the
 * shelter, a person their scope reaches, the bed's rules, and one audit line per change. The
 * database refuses two people in one bed on one night whatever happens between the check and the
 * write.
 */
@Service
public class Stays {

    static final String RECORD_TYPE = "shelter-stay";

    private final StayRepository stays;
    private final BedRepository beds;
    private final BedRules rules;
    private final ShelterAccess access;
    private final PersonAccess personAccess;
    private final PersonRegistry registry;
    private final AuditLog audit;
    private final WaitingList waitingList;

    Stays(
            StayRepository stays,
            BedRepository beds,
            BedRules rules,
            ShelterAccess access,
            PersonAccess personAccess,
            PersonRegistry registry,
            AuditLog audit,
            WaitingList waitingList) {
        this.stays = stays;
        this.beds = beds;
        this.rules = rules;
        this.access = access;
        this.personAccess = personAccess;
        this.registry = registry;
        this.audit = audit;
        this.waitingList = waitingList;
    }

    /** Admits a person to a bed; sent again with the same id, answers the stay. */
    @Transactional
    public ShelterStay admit(ShelterAdmission admission) {
        return admitOne(admission);
    }

    /** Admits a family, each member to their bed, under one household id: all or none. */
    @Transactional
    public List<ShelterStay> admitHousehold(HouseholdAdmission household) {
        UUID householdId = Objects.requireNonNullElseGet(
                household.members().getFirst().householdId(), org.passerelle.platform.Ids::newId);
        List<ShelterStay> admitted = new ArrayList<>();
        for (ShelterAdmission member : household.members()) {
            admitted.add(admitOne(new ShelterAdmission(
                    member.id(),
                    member.personId(),
                    member.bedId(),
                    member.mode(),
                    member.reason(),
                    member.plannedNights(),
                    member.admittedOn(),
                    householdId,
                    member.requestId())));
        }
        return admitted;
    }

    private ShelterStay admitOne(ShelterAdmission admission) {
        ShelterBed bed = beds.lockBed(admission.bedId()).orElseThrow(() -> ShelterProblems.notFound(Beds.BED));
        CurrentUser user = access.requireStaff(bed.siteId());
        personAccess.requireWritable(admission.personId());
        var existing = stays.find(admission.id());
        if (existing.isPresent()) {
            return sameAgain(existing.get(), admission);
        }
        var on = Objects.requireNonNullElseGet(admission.admittedOn(), access::tonight);
        PersonSummary person = person(admission.personId());
        boolean minor = person.age() != null && person.age() < 18;
        rules.requireUsable(bed, on, minor, person.sex().name());
        Admitted admitted = new Admitted(
                admission.id(),
                bed.siteId(),
                admission.personId(),
                admission.householdId(),
                person.sex().name(),
                ageGroup(person.age()),
                minor,
                admission.mode(),
                admission.reason(),
                admission.plannedNights(),
                on,
                admission.requestId());
        try {
            stays.insert(admitted, user.id());
            stays.insertPlacement(admission.id(), bed.id(), bed.siteId(), on, user.id());
        } catch (DataIntegrityViolationException e) {
            throw violation(e);
        }
        personAccess.recordContact(admission.personId(), bed.siteId(), on);
        if (admission.requestId() != null) {
            waitingList.admitted(admission.requestId());
        }
        audit.record(AuditAction.CREATE, RECORD_TYPE, admission.id());
        return stays.find(admission.id()).orElseThrow();
    }

    /** Moves the stay to another bed from a night on; the nights before stay in the first bed. */
    @Transactional
    public ShelterStay transfer(UUID stayId, BedTransfer transfer) {
        ShelterStay stay = requireOpen(stayId, transfer.version());
        CurrentUser user = access.requireStaff(stay.siteId());
        ShelterBed bed = beds.lockBed(transfer.bedId()).orElseThrow(() -> ShelterProblems.notFound(Beds.BED));
        if (!bed.siteId().equals(stay.siteId()) || bed.id().equals(stay.bedId())) {
            throw DomainException.invalidInput("bedId");
        }
        var from = Objects.requireNonNullElseGet(transfer.from(), access::tonight);
        Placement current = currentPlacement(stayId);
        if (from.isBefore(current.from())) {
            throw DomainException.invalidField("from", DomainException.OUT_OF_RANGE);
        }
        PersonSummary person = person(Objects.requireNonNull(stay.personId()));
        rules.requireUsable(
                bed,
                from,
                person.age() != null && person.age() < 18,
                person.sex().name());
        stays.endPlacement(current.id(), from);
        try {
            stays.insertPlacement(stayId, bed.id(), bed.siteId(), from, user.id());
        } catch (DataIntegrityViolationException e) {
            throw violation(e);
        }
        stays.touch(stayId, user.id());
        audit.record(AuditAction.UPDATE, RECORD_TYPE, stayId);
        return stays.find(stayId).orElseThrow();
    }

    /** Ends the stay: the first night not spent there is {@code dischargedOn}; its bed is free from then. */
    @Transactional
    public ShelterStay discharge(UUID stayId, StayDischarge discharge) {
        ShelterStay stay = requireOpen(stayId, discharge.version());
        CurrentUser user = access.requireStaff(stay.siteId());
        var on = Objects.requireNonNullElseGet(discharge.dischargedOn(), access::tonight);
        if (on.isBefore(stay.admittedOn())) {
            throw ShelterProblems.dischargeBeforeAdmission();
        }
        end(stayId, on);
        stays.discharge(stayId, on, discharge.destination(), user.id());
        audit.record(AuditAction.UPDATE, RECORD_TYPE, stayId);
        return stays.find(stayId).orElseThrow();
    }

    /** A person's stays, for a user who may read their file. */
    @Transactional
    public List<ShelterStay> ofPerson(UUID personId) {
        personAccess.requireFile(personId);
        audit.record(AuditAction.READ, RECORD_TYPE, personId);
        return stays.ofPerson(personId);
    }

    /** Frees the stay's beds from the night {@code on}. */
    void end(UUID stayId, java.time.LocalDate on) {
        for (Placement placement : stays.placements(stayId)) {
            if (placement.until() == null || placement.until().isAfter(on)) {
                stays.endPlacement(placement.id(), on);
            }
        }
    }

    ShelterStay requireOpen(UUID stayId, long version) {
        ShelterStay stay = stays.lock(stayId).orElseThrow(() -> ShelterProblems.notFound(RECORD_TYPE));
        access.requireStaff(stay.siteId());
        if (stay.dischargedOn() != null) {
            throw ShelterProblems.stayEnded();
        }
        if (stay.version() != version) {
            throw DomainException.staleVersion(stay.version());
        }
        return stay;
    }

    private Placement currentPlacement(UUID stayId) {
        List<Placement> placements = stays.placements(stayId);
        return placements.stream().filter(p -> p.until() == null).findFirst().orElseThrow(ShelterProblems::stayEnded);
    }

    static String ageGroup(@org.jspecify.annotations.Nullable Integer age) {
        if (age == null) {
            return "unknown";
        }
        return age < 5 ? "00-04" : age < 15 ? "05-14" : age < 18 ? "15-17" : "18+";
    }

    private static DomainException violation(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("stay_open_per_person")) {
            return ShelterProblems.alreadyStaying();
        }
        if (message.contains("stay_pkey")) {
            return ShelterProblems.idReused();
        }
        return ShelterProblems.bedTaken();
    }

    private ShelterStay sameAgain(ShelterStay existing, ShelterAdmission admission) {
        if (!Objects.equals(existing.personId(), admission.personId())) {
            throw ShelterProblems.idReused();
        }
        return existing;
    }

    private PersonSummary person(UUID personId) {
        Map<UUID, PersonSummary> found = registry.summariesForWorkList(List.of(personId));
        PersonSummary person = found.get(personId);
        if (person == null) {
            throw DomainException.notFound("person");
        }
        return person;
    }
}
