package org.passerelle.shelters;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.platform.DomainException;
import org.passerelle.shelters.ShelterViews.Attendance;
import org.passerelle.shelters.ShelterViews.AttendanceMark;
import org.passerelle.shelters.ShelterViews.Destination;
import org.passerelle.shelters.ShelterViews.ShelterStay;
import org.passerelle.shelters.ShelterViews.StayAbsence;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who slept where: a night marked present or absent (one tap on the board), an announced absence
 * over several nights (the bed kept), and the release of the beds of nightly guests who are neither
 * present nor excused at the release hour: their stay ends that night with the destination
 * {@code NO_SHOW}, so that the bed can be given to someone else tonight.
 */
@Service
public class Attendances {

    static final String RECORD_TYPE = "shelter-night";

    private final StayRepository stays;
    private final Stays stayService;
    private final ShelterAccess access;
    private final Nights nights;
    private final Clock clock;
    private final AuditLog audit;

    Attendances(
            StayRepository stays, Stays stayService, ShelterAccess access, Nights nights, Clock clock, AuditLog audit) {
        this.stays = stays;
        this.stayService = stayService;
        this.access = access;
        this.nights = nights;
        this.clock = clock;
        this.audit = audit;
    }

    /** Marks a night of a stay present or absent; the same mark sent again changes nothing. */
    @Transactional
    public ShelterStay mark(UUID stayId, AttendanceMark mark) {
        ShelterStay stay = stays.lock(stayId).orElseThrow(() -> ShelterProblems.notFound(Stays.RECORD_TYPE));
        CurrentUser user = access.requireStaff(stay.siteId());
        if (mark.status() == Attendance.NO_SHOW) {
            throw DomainException.invalidInput("status");
        }
        if (stays.markRecorded(mark.id())) {
            return stay;
        }
        LocalDate night = Objects.requireNonNullElseGet(mark.night(), nights::tonight);
        requireWithin(stay, night, night.plusDays(1));
        stays.mark(mark.id(), stayId, night, mark.status(), clock.instant(), user.id());
        stays.touch(stayId, user.id());
        audit.record(AuditAction.UPDATE, RECORD_TYPE, stayId);
        return stays.find(stayId).orElseThrow();
    }

    /** An announced absence: the nights [from, until) marked absent, the bed kept. */
    @Transactional
    public ShelterStay absent(UUID stayId, StayAbsence absence) {
        ShelterStay stay = stayService.requireOpen(stayId, absence.version());
        CurrentUser user = access.requireStaff(stay.siteId());
        if (!absence.until().isAfter(absence.from())
                || absence.from().plusDays(366).isBefore(absence.until())) {
            throw DomainException.outOfRange("until");
        }
        requireWithin(stay, absence.from(), absence.until());
        for (LocalDate night = absence.from(); night.isBefore(absence.until()); night = night.plusDays(1)) {
            stays.mark(
                    org.passerelle.platform.Ids.newId(), stayId, night, Attendance.ABSENT, clock.instant(), user.id());
        }
        stays.touch(stayId, user.id());
        audit.record(AuditAction.UPDATE, RECORD_TYPE, stayId);
        return stays.find(stayId).orElseThrow();
    }

    /**
     * After tonight's release hour, ends the stays of nightly guests not marked for tonight: the bed
     * is free tonight. Run every minute, and before the bed board is shown; returns how many.
     */
    @Transactional
    public int releaseNoShows() {
        if (!nights.releaseDue()) {
            return 0;
        }
        LocalDate night = nights.tonight();
        int released = 0;
        for (ShelterStay stay : stays.unmarkedNightly(night)) {
            stays.mark(
                    org.passerelle.platform.Ids.newId(), stay.id(), night, Attendance.NO_SHOW, clock.instant(), null);
            stayService.end(stay.id(), night);
            stays.discharge(stay.id(), night, Destination.NO_SHOW, null);
            audit.recordBySystem(AuditAction.UPDATE, Stays.RECORD_TYPE, stay.id(), "NO_SHOW_RELEASED");
            released++;
        }
        return released;
    }

    @Scheduled(fixedDelayString = "${passerelle.shelters.release-check:PT1M}", initialDelayString = "PT1M")
    void releaseOnSchedule() {
        releaseNoShows();
    }

    private static void requireWithin(ShelterStay stay, LocalDate from, LocalDate until) {
        if (from.isBefore(stay.admittedOn()) || stay.dischargedOn() != null && until.isAfter(stay.dischargedOn())) {
            throw ShelterProblems.nightOutsideStay();
        }
    }
}
