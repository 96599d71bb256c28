package org.passerelle.shelters;

import java.time.LocalDate;
import org.passerelle.shelters.ShelterViews.RoomRule;
import org.passerelle.shelters.ShelterViews.ShelterBed;
import org.passerelle.shelters.ShelterViews.ShelterRoom;
import org.springframework.stereotype.Component;

/**
 * Whether a person may be given a bed from a night on: the bed in service that night, open that
 * night if it is an emergency bed, free from then on, and in a room whose rules admit them (girls
 * only, minors only, adults only).
 */
@Component
class BedRules {

    private final BedRepository beds;
    private final StayRepository stays;

    BedRules(BedRepository beds, StayRepository stays) {
        this.beds = beds;
        this.stays = stays;
    }

    void requireUsable(ShelterBed bed, LocalDate night, boolean minor, String sex) {
        ShelterRoom room = beds.room(bed.roomId()).orElseThrow();
        if (minor && room.rules().contains(RoomRule.ADULTS_ONLY)
                || !minor && room.rules().contains(RoomRule.MINORS_ONLY)) {
            throw ShelterProblems.roomAgeRestricted();
        }
        if (room.rules().contains(RoomRule.GIRLS_ONLY) && sex.equals("MALE")) {
            throw ShelterProblems.roomGirlsOnly();
        }
        if (night.isBefore(bed.inServiceFrom())
                || beds.outageDuring(bed.id(), night, night.plusDays(1)).isPresent()) {
            throw ShelterProblems.bedOutOfService();
        }
        if (bed.emergency() && !beds.openCovers(bed.siteId(), night, night.plusDays(1))) {
            throw ShelterProblems.emergencyBedClosed();
        }
        if (stays.bedHeld(bed.id(), night, null)) {
            throw ShelterProblems.bedTaken();
        }
    }
}
