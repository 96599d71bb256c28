package org.passerelle.shelters;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.InlineText;

/** The commands and views of the shelters' API. A night is named by the day it begins. */
public final class ShelterViews {

    private ShelterViews() {}

    /** What a room is kept for; a bed's room decides who may sleep in it. */
    public enum RoomRule {
        GIRLS_ONLY,
        MINORS_ONLY,
        ADULTS_ONLY,
        FAMILIES,
        ACCESSIBLE
    }

    public enum OutageReason {
        BROKEN,
        CLEANING,
        PESTS,
        SAFETY,
        OTHER
    }

    public enum OpeningReason {
        COLD_WEATHER,
        HEAT_WAVE,
        STORM,
        INFLUX,
        OTHER
    }

    /** Stays recorded by entry and exit, or night by night (emergency shelters: a bed for tonight). */
    public enum Mode {
        STAY,
        NIGHTLY
    }

    public enum AdmissionReason {
        SLEEPING_OUTSIDE,
        MEDICAL,
        VIOLENCE,
        UNACCOMPANIED_MINOR,
        FAMILY,
        WEATHER,
        DISCHARGED_FROM_HOSPITAL,
        OTHER
    }

    public enum Destination {
        FAMILY,
        ASE,
        ACCOMMODATION_115,
        LONG_TERM_HOUSING,
        HOSPITAL,
        OTHER_SHELTER,
        LEFT_WITHOUT_NOTICE,
        NO_SHOW,
        EXCLUDED,
        OTHER
    }

    public enum Attendance {
        PRESENT,
        ABSENT,
        NO_SHOW
    }

    public enum BedState {
        FREE,
        OCCUPIED,
        OUT_OF_SERVICE,
        /** An emergency bed on a night no emergency opening covers. */
        CLOSED
    }

    public record NewShelterRoom(
            @NotNull UUID id,
            @NotNull UUID siteId,
            @NotBlank @Size(max = 80) @InlineText String name,
            @Nullable Set<RoomRule> rules) {}

    public record ShelterRoom(UUID id, UUID siteId, String name, Set<RoomRule> rules, long version) {}

    /** A bed, in service from {@code inServiceFrom} (today when left out). */
    public record NewShelterBed(
            @NotNull UUID id,
            @NotNull UUID roomId,
            @NotBlank @Size(max = 40) @InlineText String label,
            boolean emergency,
            @Nullable LocalDate inServiceFrom) {}

    public record ShelterBed(
            UUID id,
            UUID roomId,
            UUID siteId,
            String label,
            boolean emergency,
            LocalDate inServiceFrom,
            long version) {}

    /** A bed out of service from the night {@code from} until the night before {@code until} (open when left out). */
    public record NewBedOutage(
            @NotNull UUID id,
            @NotNull LocalDate from,
            @Nullable LocalDate until,
            @NotNull OutageReason reason) {}

    public record BedOutage(
            UUID id, UUID bedId, LocalDate from, @Nullable LocalDate until, OutageReason reason, long version) {}

    /** Emergency capacity opened from the night {@code from}, until further notice when {@code until} is left out. */
    public record NewEmergencyOpening(
            @NotNull UUID id,
            @NotNull UUID siteId,
            @NotNull LocalDate from,
            @Nullable LocalDate until,
            @NotNull OpeningReason reason) {}

    public record EmergencyOpening(
            UUID id, UUID siteId, LocalDate from, @Nullable LocalDate until, OpeningReason reason, long version) {}

    /** Ends an outage or an opening: {@code until} is the first night back to normal. */
    public record RunEnding(@NotNull LocalDate until, long version) {}

    /**
     * Admits a person to a bed from the night {@code admittedOn} (tonight when left out). The members
     * of a family share a {@code householdId}.
     */
    public record ShelterAdmission(
            @NotNull UUID id,
            @NotNull UUID personId,
            @NotNull UUID bedId,
            @NotNull Mode mode,
            @NotNull AdmissionReason reason,
            @Nullable @Min(1) @Max(366) Integer plannedNights,
            @Nullable LocalDate admittedOn,
            @Nullable UUID householdId,
            @Nullable UUID requestId) {}

    /** A family admitted together, each to their bed, all or none. */
    public record HouseholdAdmission(
            @NotNull @Size(min = 1, max = 20) List<@NotNull ShelterAdmission> members) {}

    public record ShelterStay(
            UUID id,
            UUID siteId,
            @Nullable UUID personId,
            @Nullable UUID householdId,
            Mode mode,
            AdmissionReason reason,
            @Nullable Integer plannedNights,
            LocalDate admittedOn,
            @Nullable LocalDate dischargedOn,
            @Nullable Destination destination,
            @Nullable UUID bedId,
            long version) {}

    /** Moves a stay to another bed from the night {@code from} (tonight when left out). */
    public record BedTransfer(@NotNull UUID bedId, @Nullable LocalDate from, long version) {}

    /** An announced absence, the bed kept: the nights from {@code from} to the night before {@code until}. */
    public record StayAbsence(
            @NotNull LocalDate from, @NotNull LocalDate until, long version) {}

    /** Ends a stay: {@code dischargedOn} (today when left out) is the first night not spent there. */
    public record StayDischarge(
            @NotNull Destination destination, @Nullable LocalDate dischargedOn, long version) {}

    /** Tonight's attendance (or a given night's), one tap on the board; {@code id} is the device's. */
    public record AttendanceMark(
            @NotNull UUID id,
            @NotNull Attendance status,
            @Nullable LocalDate night) {}

    public record Resident(
            UUID stayId,
            UUID personId,
            String chosenName,
            String sex,
            @Nullable Integer age,
            Mode mode,
            LocalDate admittedOn,
            @Nullable Integer plannedNights,
            @Nullable Attendance tonight,
            long version) {}

    public record BoardBed(
            UUID id,
            String label,
            boolean emergency,
            BedState state,
            @Nullable OutageReason outage,
            @Nullable Resident resident) {}

    public record BoardRoom(UUID id, String name, Set<RoomRule> rules, List<BoardBed> beds) {}

    /** An accepted offer whose person has not arrived yet. */
    public record ExpectedArrival(
            UUID requestId,
            @Nullable UUID personId,
            @Nullable String chosenName,
            @Nullable UUID bedId,
            int householdSize) {}

    /**
     * A shelter's night at a glance: capacity (beds that may be slept in tonight), beds held, people
     * present, free beds in all and by room rule, the hour no-shows lose their bed.
     */
    public record BedBoard(
            UUID siteId,
            LocalDate night,
            boolean emergencyOpen,
            int capacity,
            int occupied,
            int present,
            int free,
            Map<RoomRule, Integer> freeByRule,
            LocalTime releaseAt,
            List<BoardRoom> rooms,
            List<ExpectedArrival> expected) {}

    /** One night's figures of a shelter. */
    public record NightOccupancy(LocalDate night, int capacity, int slept, boolean emergencyOpen) {}
}
