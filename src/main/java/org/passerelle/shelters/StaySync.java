package org.passerelle.shelters;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.CreatedRecords;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedRecords;
import org.passerelle.shelters.ShelterViews.Attendance;
import org.passerelle.shelters.ShelterViews.AttendanceMark;
import org.passerelle.shelters.ShelterViews.ShelterAdmission;
import org.passerelle.shelters.ShelterViews.ShelterStay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stays and attendance as a shelter's devices hold them. The staff of a shelter pull its stays not
 * ended a week ago, each with its current bed and its marks of the last week: with the rooms and
 * beds, that is tonight's bed board. An admission made offline is pushed through {@link
 * Stays#admit} (same rules, scope and audit line as online, written once under its id): when another
 * device gave the same bed for one of those nights and reached the server first, it keeps the bed and
 * this admission is refused with {@code shelter-bed-taken} naming {@code bedId}, for the device to
 * offer another bed; never two people in one bed. A tap of attendance made offline is pushed
 * through {@link Attendances#mark} under the tap's id; it comes back to the devices with its stay.
 */
@Configuration(proxyBeanMethods = false)
class StaySync {

    static final Set<String> ADMISSION_FIELDS =
            Set.of("personId", "bedId", "mode", "reason", "plannedNights", "admittedOn", "householdId", "requestId");
    static final Set<String> MARK_FIELDS = Set.of("stayId", "status", "night");

    /** The nights back a device keeps a stay ended and its marks. */
    static final int WEEK = 7;

    /** A tap of attendance as a device sends it: the tap's id, the stay, the mark and its night. */
    record SyncedMark(
            @NotNull UUID id,
            @NotNull UUID stayId,
            @NotNull Attendance status,
            @Nullable LocalDate night) {}

    @Bean
    @Order(34)
    SyncedRecords shelterStaySync(
            Stays stays, Nights nights, CreatedRecords created, SyncReads reads, CurrentUsers users, JsonMapper json) {
        return new ShelterSync.PulledOnly(
                Stays.RECORD_TYPE,
                "stay",
                ids -> reads.stays(ids, nights.tonight().minusDays(WEEK)),
                CurrentUser::caresForPeople,
                reads,
                users,
                json) {

            @Override
            String filter() {
                return "discharged_on is null or discharged_on >= date '"
                        + nights.tonight().minusDays(WEEK) + "'";
            }

            @Override
            public Applied apply(Mutation mutation) {
                ShelterAdmission admission = created.read(
                        mutation, ADMISSION_FIELDS, Map.of("id", mutation.recordId()), ShelterAdmission.class);
                ShelterStay stay = stays.admit(admission);
                return Applied.applied(stay.version(), false, admission.personId());
            }
        };
    }

    @Bean
    @Order(35)
    SyncedRecords shelterNightSync(Attendances attendances, CreatedRecords created) {
        return new SyncedRecords() {
            @Override
            public String recordType() {
                return Attendances.RECORD_TYPE;
            }

            @Override
            public Applied apply(Mutation mutation) {
                SyncedMark mark =
                        created.read(mutation, MARK_FIELDS, Map.of("id", mutation.recordId()), SyncedMark.class);
                ShelterStay stay =
                        attendances.mark(mark.stayId(), new AttendanceMark(mark.id(), mark.status(), mark.night()));
                return Applied.applied(stay.version(), false, Objects.requireNonNullElse(stay.personId(), stay.id()));
            }

            /** Marks reach the devices with their stay. */
            @Override
            public ChangePage changesSince(Position after, int limit) {
                return new ChangePage(List.of(), after, false);
            }

            @Override
            public long resolve(UUID recordId, String field, JsonNode value) {
                throw SyncProblems.unknownField(field);
            }
        };
    }
}
