package org.passerelle.shelters;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.platform.DomainException;
import org.passerelle.shelters.ShelterViews.BedOutage;
import org.passerelle.shelters.ShelterViews.EmergencyOpening;
import org.passerelle.shelters.ShelterViews.NewBedOutage;
import org.passerelle.shelters.ShelterViews.NewEmergencyOpening;
import org.passerelle.shelters.ShelterViews.NewShelterBed;
import org.passerelle.shelters.ShelterViews.NewShelterRoom;
import org.passerelle.shelters.ShelterViews.RoomRule;
import org.passerelle.shelters.ShelterViews.RunEnding;
import org.passerelle.shelters.ShelterViews.ShelterBed;
import org.passerelle.shelters.ShelterViews.ShelterRoom;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory of a shelter: rooms with their rules, beds, beds out of service with a reason, and
 * emergency capacity opened for a run of nights. Nothing is rewritten: an outage or an opening is
 * ended by setting its last night, so the capacity of any past night stays known.
 */
@Service
public class Beds {

    static final String ROOM = "shelter-room";
    static final String BED = "shelter-bed";
    static final String OUTAGE = "shelter-bed-outage";
    static final String OPENING = "shelter-emergency-opening";

    private final BedRepository repository;
    private final ShelterAccess access;
    private final AuditLog audit;

    Beds(BedRepository repository, ShelterAccess access, AuditLog audit) {
        this.repository = repository;
        this.access = access;
        this.audit = audit;
    }

    /** Adds a room; sent again with the same id, answers the room. */
    @Transactional
    public ShelterRoom addRoom(NewShelterRoom command) {
        CurrentUser user = access.requireBedKeeper(command.siteId());
        Set<RoomRule> rules = command.rules() == null || command.rules().isEmpty()
                ? EnumSet.noneOf(RoomRule.class)
                : EnumSet.copyOf(command.rules());
        if (rules.contains(RoomRule.MINORS_ONLY) && rules.contains(RoomRule.ADULTS_ONLY)) {
            throw DomainException.invalidInput("rules");
        }
        try {
            if (!repository.insertRoom(command, command.name().strip(), rules, user.id())) {
                return repository.room(command.id()).orElseThrow(ShelterProblems::idReused);
            }
        } catch (DuplicateKeyException e) {
            throw ShelterProblems.nameTaken();
        }
        audit.record(AuditAction.CREATE, ROOM, command.id());
        return repository.room(command.id()).orElseThrow();
    }

    /** Adds a bed to a room; sent again with the same id, answers the bed. */
    @Transactional
    public ShelterBed addBed(NewShelterBed command) {
        ShelterRoom room = repository.room(command.roomId()).orElseThrow(() -> ShelterProblems.notFound(ROOM));
        CurrentUser user = access.requireBedKeeper(room.siteId());
        LocalDate from = Objects.requireNonNullElseGet(command.inServiceFrom(), access::tonight);
        try {
            if (!repository.insertBed(command, room.siteId(), command.label().strip(), from, user.id())) {
                return repository.bed(command.id()).orElseThrow(ShelterProblems::idReused);
            }
        } catch (DuplicateKeyException e) {
            throw ShelterProblems.nameTaken();
        }
        audit.record(AuditAction.CREATE, BED, command.id());
        return repository.bed(command.id()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<ShelterRoom> rooms(UUID siteId) {
        access.requireBedReader(siteId);
        return repository.rooms(siteId);
    }

    @Transactional(readOnly = true)
    public List<ShelterBed> beds(UUID siteId) {
        access.requireBedReader(siteId);
        return repository.beds(siteId);
    }

    /** Takes a bed out of service for a run of nights, with its reason. */
    @Transactional
    public BedOutage takeOutOfService(UUID bedId, NewBedOutage command) {
        ShelterBed bed = repository.bed(bedId).orElseThrow(() -> ShelterProblems.notFound(BED));
        CurrentUser user = access.requireBedKeeperOrStaff(bed.siteId());
        checkRange(command.from(), command.until());
        try {
            repository.insertOutage(command, bedId, bed.siteId(), user.id());
        } catch (DataIntegrityViolationException e) {
            throw ShelterProblems.outageOverlaps();
        }
        audit.record(AuditAction.CREATE, OUTAGE, command.id());
        return repository.outage(command.id()).orElseThrow();
    }

    /** Puts a bed back in service from the night {@code until}. */
    @Transactional
    public BedOutage endOutage(UUID outageId, RunEnding ending) {
        BedOutage outage = repository.outage(outageId).orElseThrow(() -> ShelterProblems.notFound(OUTAGE));
        ShelterBed bed = repository.bed(outage.bedId()).orElseThrow();
        CurrentUser user = access.requireBedKeeperOrStaff(bed.siteId());
        checkRange(outage.from(), ending.until());
        if (!repository.end("bed_outage", outageId, ending.until(), ending.version(), user.id())) {
            throw DomainException.staleVersion(outage.version());
        }
        audit.record(AuditAction.UPDATE, OUTAGE, outageId);
        return repository.outage(outageId).orElseThrow();
    }

    /** Opens the site's emergency beds for a run of nights (plan grand froid). */
    @Transactional
    public EmergencyOpening open(NewEmergencyOpening command) {
        CurrentUser user = access.requireCapacityOpener(command.siteId());
        checkRange(command.from(), command.until());
        try {
            repository.insertOpening(command, user.id());
        } catch (DuplicateKeyException e) {
            throw ShelterProblems.idReused();
        } catch (DataIntegrityViolationException e) {
            throw ShelterProblems.openingOverlaps();
        }
        audit.record(AuditAction.CREATE, OPENING, command.id());
        return repository.opening(command.id()).orElseThrow();
    }

    /** Closes emergency capacity from the night {@code until}; the nights it was open stay in the history. */
    @Transactional
    public EmergencyOpening close(UUID openingId, RunEnding ending) {
        EmergencyOpening opening = repository.opening(openingId).orElseThrow(() -> ShelterProblems.notFound(OPENING));
        CurrentUser user = access.requireCapacityOpener(opening.siteId());
        checkRange(opening.from(), ending.until());
        if (!repository.end("emergency_opening", openingId, ending.until(), ending.version(), user.id())) {
            throw DomainException.staleVersion(opening.version());
        }
        audit.record(AuditAction.UPDATE, OPENING, openingId);
        return repository.opening(openingId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<EmergencyOpening> openings(UUID siteId) {
        access.requireBedReader(siteId);
        return repository.openings(siteId);
    }

    private static void checkRange(LocalDate from, @org.jspecify.annotations.Nullable LocalDate until) {
        if (until != null && !until.isAfter(from)) {
            throw DomainException.invalidField("until", DomainException.OUT_OF_RANGE);
        }
    }
}
