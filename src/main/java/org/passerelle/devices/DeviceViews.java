package org.passerelle.devices;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the devices API takes and answers. */
public final class DeviceViews {

    private DeviceViews() {}

    /**
     * Enrols the device the user is signed in on. Both ids and the token are made by the device, so
     * that sending the same enrolment again (after a lost answer) enrols it once.
     *
     * @param id the enrolment's id, one per user on the installation
     * @param installationId the installation of the web client, shared by the users of one phone
     * @param token 32 random bytes, base64url, that the device shows when it contacts the server;
     *     only its SHA-256 is kept
     */
    public record DeviceEnrolment(
            @NotNull UUID id,
            @NotNull UUID installationId,
            @NotBlank @Size(max = 80) String name,
            @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{43}") String token) {}

    /**
     * An enrolled device, as its user and the administrators see it.
     *
     * @param sites the sites whose records the device may hold; empty when {@code allSites}
     * @param revokedAt when the device was revoked; null while it is enrolled
     */
    public record Device(
            UUID id,
            UUID installationId,
            UUID userId,
            String username,
            String name,
            boolean allSites,
            List<UUID> sites,
            Instant enrolledAt,
            Instant lastContactAt,
            @Nullable Instant revokedAt,
            long version) {}

    /**
     * An enrolment accepted, with what the device needs to work offline.
     *
     * @param offlineAccessDays how long the device may be used without contact with the server
     */
    public record DeviceEnrolled(Device device, int offlineAccessDays) {}

    /** A device's contact with the server: its enrolment id and its token. */
    public record DeviceContact(
            @NotNull UUID id,
            @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{43}") String token) {}

    /** The answer to a contact of an enrolled device: still enrolled, for so many days more offline. */
    public record DeviceContactAnswer(UUID id, Instant contactAt, int offlineAccessDays) {}
}
