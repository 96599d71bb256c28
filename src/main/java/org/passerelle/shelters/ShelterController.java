package org.passerelle.shelters;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.shelters.ShelterViews.AttendanceMark;
import org.passerelle.shelters.ShelterViews.BedOutage;
import org.passerelle.shelters.ShelterViews.BedTransfer;
import org.passerelle.shelters.ShelterViews.EmergencyOpening;
import org.passerelle.shelters.ShelterViews.HouseholdAdmission;
import org.passerelle.shelters.ShelterViews.NewBedOutage;
import org.passerelle.shelters.ShelterViews.NewEmergencyOpening;
import org.passerelle.shelters.ShelterViews.NewShelterBed;
import org.passerelle.shelters.ShelterViews.NewShelterRoom;
import org.passerelle.shelters.ShelterViews.NightOccupancy;
import org.passerelle.shelters.ShelterViews.RunEnding;
import org.passerelle.shelters.ShelterViews.ShelterAdmission;
import org.passerelle.shelters.ShelterViews.ShelterBed;
import org.passerelle.shelters.ShelterViews.ShelterRoom;
import org.passerelle.shelters.ShelterViews.ShelterStay;
import org.passerelle.shelters.ShelterViews.StayAbsence;
import org.passerelle.shelters.ShelterViews.StayDischarge;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rooms, beds, emergency capacity, stays, attendance and the bed board of shelters. */
@RestController
@RequestMapping("/api/shelters")
class ShelterController {

    private final Beds beds;
    private final Stays stays;
    private final Attendances attendances;
    private final BedBoard board;
    private final ResidentFollowUps followUps;

    ShelterController(Beds beds, Stays stays, Attendances attendances, BedBoard board, ResidentFollowUps followUps) {
        this.beds = beds;
        this.stays = stays;
        this.attendances = attendances;
        this.board = board;
        this.followUps = followUps;
    }

    /** The follow-ups due of the shelter's residents tonight, in the user's compartments. */
    @GetMapping("/sites/{siteId}/follow-ups-due")
    List<ResidentFollowUps.ResidentFollowUp> followUpsDue(@PathVariable UUID siteId) {
        return followUps.due(siteId);
    }

    @GetMapping("/sites/{siteId}/board")
    ShelterViews.BedBoard board(@PathVariable UUID siteId, @RequestParam @Nullable LocalDate night) {
        return board.of(siteId, night);
    }

    @GetMapping("/sites/{siteId}/occupancy")
    List<NightOccupancy> occupancy(
            @PathVariable UUID siteId, @RequestParam LocalDate from, @RequestParam LocalDate until) {
        return board.occupancy(siteId, from, until);
    }

    @GetMapping("/sites/{siteId}/rooms")
    List<ShelterRoom> rooms(@PathVariable UUID siteId) {
        return beds.rooms(siteId);
    }

    @GetMapping("/sites/{siteId}/beds")
    List<ShelterBed> beds(@PathVariable UUID siteId) {
        return beds.beds(siteId);
    }

    @GetMapping("/sites/{siteId}/emergency-openings")
    List<EmergencyOpening> openings(@PathVariable UUID siteId) {
        return beds.openings(siteId);
    }

    @PostMapping("/rooms")
    @ResponseStatus(HttpStatus.CREATED)
    ShelterRoom addRoom(@Valid @RequestBody NewShelterRoom room) {
        return beds.addRoom(room);
    }

    @PostMapping("/beds")
    @ResponseStatus(HttpStatus.CREATED)
    ShelterBed addBed(@Valid @RequestBody NewShelterBed bed) {
        return beds.addBed(bed);
    }

    @PostMapping("/beds/{bedId}/outages")
    @ResponseStatus(HttpStatus.CREATED)
    BedOutage takeOutOfService(@PathVariable UUID bedId, @Valid @RequestBody NewBedOutage outage) {
        return beds.takeOutOfService(bedId, outage);
    }

    @PostMapping("/outages/{outageId}/end")
    BedOutage endOutage(@PathVariable UUID outageId, @Valid @RequestBody RunEnding ending) {
        return beds.endOutage(outageId, ending);
    }

    @PostMapping("/emergency-openings")
    @ResponseStatus(HttpStatus.CREATED)
    EmergencyOpening open(@Valid @RequestBody NewEmergencyOpening opening) {
        return beds.open(opening);
    }

    @PostMapping("/emergency-openings/{openingId}/close")
    EmergencyOpening close(@PathVariable UUID openingId, @Valid @RequestBody RunEnding ending) {
        return beds.close(openingId, ending);
    }

    @PostMapping("/admissions")
    @ResponseStatus(HttpStatus.CREATED)
    ShelterStay admit(@Valid @RequestBody ShelterAdmission admission) {
        return stays.admit(admission);
    }

    @PostMapping("/households")
    @ResponseStatus(HttpStatus.CREATED)
    List<ShelterStay> admitHousehold(@Valid @RequestBody HouseholdAdmission household) {
        return stays.admitHousehold(household);
    }

    @PostMapping("/stays/{stayId}/transfer")
    ShelterStay transfer(@PathVariable UUID stayId, @Valid @RequestBody BedTransfer transfer) {
        return stays.transfer(stayId, transfer);
    }

    @PostMapping("/stays/{stayId}/absence")
    ShelterStay absent(@PathVariable UUID stayId, @Valid @RequestBody StayAbsence absence) {
        return attendances.absent(stayId, absence);
    }

    @PostMapping("/stays/{stayId}/attendance")
    ShelterStay mark(@PathVariable UUID stayId, @Valid @RequestBody AttendanceMark mark) {
        return attendances.mark(stayId, mark);
    }

    @PostMapping("/stays/{stayId}/discharge")
    ShelterStay discharge(@PathVariable UUID stayId, @Valid @RequestBody StayDischarge discharge) {
        return stays.discharge(stayId, discharge);
    }

    /** A person's stays, for their page. */
    @GetMapping("/people/{personId}/stays")
    List<ShelterStay> ofPerson(@PathVariable UUID personId) {
        return stays.ofPerson(personId);
    }
}
