package org.passerelle.shelters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.shelters.ShelterViews.Attendance;
import org.passerelle.shelters.ShelterViews.BedOutage;
import org.passerelle.shelters.ShelterViews.BedState;
import org.passerelle.shelters.ShelterViews.BoardBed;
import org.passerelle.shelters.ShelterViews.BoardRoom;
import org.passerelle.shelters.ShelterViews.NightOccupancy;
import org.passerelle.shelters.ShelterViews.Resident;
import org.passerelle.shelters.ShelterViews.RoomRule;
import org.passerelle.shelters.ShelterViews.ShelterBed;
import org.passerelle.shelters.ShelterViews.ShelterRoom;
import org.passerelle.shelters.ShelterViews.ShelterStay;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bed board of a shelter for one night: every room and bed, who holds it and whether they are
 * there, beds free in all and by room rule, the arrivals expected, tonight's count. Each resident
 * shown is recorded as read (through the person registry's work list).
 */
@Service
public class BedBoard {

    private final BedRepository beds;
    private final StayRepository stays;
    private final ShelterAccess access;
    private final Attendances attendances;
    private final WaitingList waitingList;
    private final PersonRegistry registry;
    private final Nights nights;
    private final BoardRepository figures;

    BedBoard(
            BedRepository beds,
            StayRepository stays,
            ShelterAccess access,
            Attendances attendances,
            WaitingList waitingList,
            PersonRegistry registry,
            Nights nights,
            BoardRepository figures) {
        this.beds = beds;
        this.stays = stays;
        this.access = access;
        this.attendances = attendances;
        this.waitingList = waitingList;
        this.registry = registry;
        this.nights = nights;
        this.figures = figures;
    }

    /** The board of the site for a night (tonight when none is given), after tonight's no-shows were released. */
    @Transactional
    public ShelterViews.BedBoard of(UUID siteId, @Nullable LocalDate night) {
        access.requireStaff(siteId);
        attendances.releaseNoShows();
        LocalDate on = Objects.requireNonNullElseGet(night, nights::tonight);
        boolean open = beds.openCovers(siteId, on, on.plusDays(1));
        Map<UUID, BedOutage> outages = new HashMap<>();
        beds.outagesOn(siteId, on).forEach(outage -> outages.put(outage.bedId(), outage));
        Map<UUID, ShelterStay> byBed = new HashMap<>();
        stays.onNight(siteId, on).forEach(stay -> byBed.put(Objects.requireNonNull(stay.bedId()), stay));
        Map<UUID, Attendance> marks = stays.marks(siteId, on);
        Map<UUID, PersonSummary> persons = registry.summariesForWorkList(byBed.values().stream()
                .map(ShelterStay::personId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        Map<UUID, List<BoardBed>> bedsByRoom = new HashMap<>();
        for (ShelterBed bed : beds.beds(siteId)) {
            if (bed.inServiceFrom().isAfter(on)) {
                continue;
            }
            ShelterStay stay = byBed.get(bed.id());
            BedOutage outage = outages.get(bed.id());
            BedState state = stay != null
                    ? BedState.OCCUPIED
                    : outage != null
                            ? BedState.OUT_OF_SERVICE
                            : bed.emergency() && !open ? BedState.CLOSED : BedState.FREE;
            bedsByRoom
                    .computeIfAbsent(bed.roomId(), id -> new ArrayList<>())
                    .add(new BoardBed(
                            bed.id(),
                            bed.label(),
                            bed.emergency(),
                            state,
                            outage == null ? null : outage.reason(),
                            stay == null ? null : resident(stay, persons, marks)));
        }
        return board(siteId, on, open, bedsByRoom);
    }

    private ShelterViews.BedBoard board(UUID siteId, LocalDate on, boolean open, Map<UUID, List<BoardBed>> bedsByRoom) {
        List<BoardRoom> rooms = new ArrayList<>();
        Map<RoomRule, Integer> freeByRule = new EnumMap<>(RoomRule.class);
        int capacity = 0;
        int occupied = 0;
        int present = 0;
        int free = 0;
        for (ShelterRoom room : beds.rooms(siteId)) {
            List<BoardBed> roomBeds = bedsByRoom.getOrDefault(room.id(), List.of());
            rooms.add(new BoardRoom(room.id(), room.name(), room.rules(), roomBeds));
            for (BoardBed bed : roomBeds) {
                if (bed.state() == BedState.FREE || bed.state() == BedState.OCCUPIED) {
                    capacity++;
                }
                if (bed.state() == BedState.OCCUPIED) {
                    occupied++;
                    if (bed.resident() != null && bed.resident().tonight() == Attendance.PRESENT) {
                        present++;
                    }
                }
                if (bed.state() == BedState.FREE) {
                    free++;
                    room.rules().forEach(rule -> freeByRule.merge(rule, 1, Integer::sum));
                }
            }
        }
        return new ShelterViews.BedBoard(
                siteId,
                on,
                open,
                capacity,
                occupied,
                present,
                free,
                freeByRule,
                nights.releaseAt(),
                rooms,
                waitingList.expected(siteId));
    }

    /** The capacity and the nights slept of each night of [from, until), from the fact views. */
    @Transactional(readOnly = true)
    public List<NightOccupancy> occupancy(UUID siteId, LocalDate from, LocalDate until) {
        access.requireBedReader(siteId);
        if (!until.isAfter(from) || from.plusYears(6).isBefore(until)) {
            throw org.passerelle.platform.DomainException.outOfRange("until");
        }
        return figures.occupancy(siteId, from, until);
    }

    private static Resident resident(ShelterStay stay, Map<UUID, PersonSummary> persons, Map<UUID, Attendance> marks) {
        PersonSummary person = stay.personId() == null ? null : persons.get(stay.personId());
        return new Resident(
                stay.id(),
                Objects.requireNonNull(stay.personId()),
                person == null ? "" : person.chosenName(),
                person == null ? "UNKNOWN" : person.sex().name(),
                person == null ? null : person.age(),
                stay.mode(),
                stay.admittedOn(),
                stay.plannedNights(),
                marks.get(stay.id()),
                stay.version());
    }
}
