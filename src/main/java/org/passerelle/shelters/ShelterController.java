package org.passerelle.shelters;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.shelters.ShelterViews.Absence;
import org.passerelle.shelters.ShelterViews.Admission;
import org.passerelle.shelters.ShelterViews.AttendanceMark;
import org.passerelle.shelters.ShelterViews.Bed;
import org.passerelle.shelters.ShelterViews.Discharge;
import org.passerelle.shelters.ShelterViews.Ending;
import org.passerelle.shelters.ShelterViews.HouseholdAdmission;
import org.passerelle.shelters.ShelterViews.NewBed;
import org.passerelle.shelters.ShelterViews.NewOpening;
import org.passerelle.shelters.ShelterViews.NewOutage;
import org.passerelle.shelters.ShelterViews.NewRoom;
import org.passerelle.shelters.ShelterViews.NightOccupancy;
import org.passerelle.shelters.ShelterViews.Opening;
import org.passerelle.shelters.ShelterViews.Outage;
import org.passerelle.shelters.ShelterViews.Room;
import org.passerelle.shelters.ShelterViews.Stay;
import org.passerelle.shelters.ShelterViews.Transfer;
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

    ShelterController(Beds beds, Stays stays, Attendances attendances, BedBoard board) {
        this.beds = beds;
        this.stays = stays;
        this.attendances = attendances;
        this.board = board;
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
    List<Room> rooms(@PathVariable UUID siteId) {
        return beds.rooms(siteId);
    }

    @GetMapping("/sites/{siteId}/beds")
    List<Bed> beds(@PathVariable UUID siteId) {
        return beds.beds(siteId);
    }

    @GetMapping("/sites/{siteId}/emergency-openings")
    List<Opening> openings(@PathVariable UUID siteId) {
        return beds.openings(siteId);
    }

    @PostMapping("/rooms")
    @ResponseStatus(HttpStatus.CREATED)
    Room addRoom(@Valid @RequestBody NewRoom room) {
        return beds.addRoom(room);
    }

    @PostMapping("/beds")
    @ResponseStatus(HttpStatus.CREATED)
    Bed addBed(@Valid @RequestBody NewBed bed) {
        return beds.addBed(bed);
    }

    @PostMapping("/beds/{bedId}/outages")
    @ResponseStatus(HttpStatus.CREATED)
    Outage takeOutOfService(@PathVariable UUID bedId, @Valid @RequestBody NewOutage outage) {
        return beds.takeOutOfService(bedId, outage);
    }

    @PostMapping("/outages/{outageId}/end")
    Outage endOutage(@PathVariable UUID outageId, @Valid @RequestBody Ending ending) {
        return beds.endOutage(outageId, ending);
    }

    @PostMapping("/emergency-openings")
    @ResponseStatus(HttpStatus.CREATED)
    Opening open(@Valid @RequestBody NewOpening opening) {
        return beds.open(opening);
    }

    @PostMapping("/emergency-openings/{openingId}/close")
    Opening close(@PathVariable UUID openingId, @Valid @RequestBody Ending ending) {
        return beds.close(openingId, ending);
    }

    @PostMapping("/admissions")
    @ResponseStatus(HttpStatus.CREATED)
    Stay admit(@Valid @RequestBody Admission admission) {
        return stays.admit(admission);
    }

    @PostMapping("/households")
    @ResponseStatus(HttpStatus.CREATED)
    List<Stay> admitHousehold(@Valid @RequestBody HouseholdAdmission household) {
        return stays.admitHousehold(household);
    }

    @PostMapping("/stays/{stayId}/transfer")
    Stay transfer(@PathVariable UUID stayId, @Valid @RequestBody Transfer transfer) {
        return stays.transfer(stayId, transfer);
    }

    @PostMapping("/stays/{stayId}/absence")
    Stay absent(@PathVariable UUID stayId, @Valid @RequestBody Absence absence) {
        return attendances.absent(stayId, absence);
    }

    @PostMapping("/stays/{stayId}/attendance")
    Stay mark(@PathVariable UUID stayId, @Valid @RequestBody AttendanceMark mark) {
        return attendances.mark(stayId, mark);
    }

    @PostMapping("/stays/{stayId}/discharge")
    Stay discharge(@PathVariable UUID stayId, @Valid @RequestBody Discharge discharge) {
        return stays.discharge(stayId, discharge);
    }

    /** A person's stays, for their page. */
    @GetMapping("/people/{personId}/stays")
    List<Stay> ofPerson(@PathVariable UUID personId) {
        return stays.ofPerson(personId);
    }
}
