package org.passerelle.shelters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.care.FollowUpViews.FollowUp;
import org.passerelle.care.FollowUpViews.Standing;
import org.passerelle.care.FollowUps;
import org.passerelle.people.PersonAccess;
import org.passerelle.shelters.ShelterViews.ShelterStay;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-ups due of a shelter's residents tonight, whatever the site that enrolled them, for its
 * staff: read through care's public API, so that each person's file is checked and only the
 * programmes whose compartment the user's role opens are shown.
 */
@Service
public class ResidentFollowUps {

    private static final Set<Standing> DUE = EnumSet.of(Standing.OVERDUE, Standing.DUE_SOON, Standing.NOT_PLANNED);

    /** A resident's follow-up due, with the stay that makes them a resident. */
    public record ResidentFollowUp(UUID stayId, FollowUp followUp) {}

    private final StayRepository stays;
    private final ShelterAccess access;
    private final Nights nights;
    private final PersonAccess personAccess;
    private final FollowUps followUps;

    ResidentFollowUps(
            StayRepository stays, ShelterAccess access, Nights nights, PersonAccess personAccess, FollowUps followUps) {
        this.stays = stays;
        this.access = access;
        this.nights = nights;
        this.personAccess = personAccess;
        this.followUps = followUps;
    }

    /** Overdue first, then due within a week, then with no visit planned. */
    @Transactional(readOnly = true)
    public List<ResidentFollowUp> due(UUID siteId) {
        CurrentUser user = access.requireStaff(siteId);
        List<ResidentFollowUp> due = new ArrayList<>();
        for (ShelterStay stay : stays.onNight(siteId, nights.tonight())) {
            if (stay.personId() == null
                    || personAccess.fileIfReached(stay.personId()).isEmpty()
                    || user.compartments().isEmpty()) {
                continue;
            }
            followUps.ofPerson(stay.personId()).stream()
                    .filter(followUp -> DUE.contains(followUp.standing()))
                    .forEach(followUp -> due.add(new ResidentFollowUp(stay.id(), followUp)));
        }
        due.sort(Comparator.comparing(
                        (ResidentFollowUp entry) -> entry.followUp().standing() != Standing.OVERDUE)
                .thenComparing(entry -> entry.followUp().standing() != Standing.DUE_SOON));
        return due;
    }
}
