package org.passerelle.devices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Reauthentication;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.devices.DeviceRepository.NewDevice;
import org.passerelle.devices.DeviceRepository.StoredDevice;
import org.passerelle.devices.DeviceViews.Device;
import org.passerelle.devices.DeviceViews.DeviceContact;
import org.passerelle.devices.DeviceViews.DeviceContactAnswer;
import org.passerelle.devices.DeviceViews.DeviceEnrolled;
import org.passerelle.devices.DeviceViews.DeviceEnrolment;
import org.passerelle.platform.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrols, lists and revokes the devices users work offline on. Enrolling and revoking need a recent
 * confirmation of who the user is; every enrolment and revocation is audited. A device may be used
 * offline for {@code passerelle.devices.offline-access} (14 days by default) after its last contact.
 */
@Service
public class Devices {

    static final String RECORD_TYPE = "device";

    private final DeviceRepository devices;
    private final CurrentUsers currentUsers;
    private final Reauthentication reauthentication;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final int offlineAccessDays;

    Devices(
            DeviceRepository devices,
            CurrentUsers currentUsers,
            Reauthentication reauthentication,
            AuditLog audit,
            Clock clock,
            ApplicationEventPublisher events,
            @Value("${passerelle.devices.offline-access:14d}") Duration offlineAccess) {
        this.devices = devices;
        this.currentUsers = currentUsers;
        this.reauthentication = reauthentication;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.offlineAccessDays = Math.toIntExact(Math.max(1, offlineAccess.toDays()));
    }

    /**
     * Enrols the device the current user works on, for their sites; the same enrolment sent again
     * answers the device already enrolled. An earlier live enrolment of the user on the same
     * installation (its store was lost) is revoked.
     */
    @Transactional
    public DeviceEnrolled enrol(DeviceEnrolment enrolment) {
        CurrentUser user = currentUsers.current();
        reauthentication.requireRecent();
        byte[] tokenHash = hash(enrolment.token());
        StoredDevice existing = devices.find(enrolment.id()).orElse(null);
        if (existing != null) {
            return again(existing, enrolment, user, tokenHash);
        }
        devices.liveEnrolment(enrolment.installationId(), user.id()).ifPresent(earlier -> {
            devices.revoke(earlier, user.id(), clock.instant());
            audit.record(AuditAction.UPDATE, RECORD_TYPE, earlier);
            events.publishEvent(new DeviceRevoked(earlier));
        });
        devices.insert(new NewDevice(
                enrolment.id(),
                enrolment.installationId(),
                user.id(),
                user.username(),
                enrolment.name().strip(),
                user.allSites(),
                user.allSites() ? List.of() : user.siteIds().stream().sorted().toList(),
                tokenHash,
                clock.instant()));
        audit.record(AuditAction.CREATE, RECORD_TYPE, enrolment.id());
        return new DeviceEnrolled(devices.find(enrolment.id()).orElseThrow().device(), offlineAccessDays);
    }

    private DeviceEnrolled again(StoredDevice existing, DeviceEnrolment enrolment, CurrentUser user, byte[] tokenHash) {
        Device device = existing.device();
        boolean same = device.userId().equals(user.id())
                && device.installationId().equals(enrolment.installationId())
                && MessageDigest.isEqual(existing.tokenHash(), tokenHash);
        if (!same) {
            throw DeviceProblems.enrolledByOther();
        }
        if (device.revokedAt() != null) {
            throw DeviceProblems.revoked();
        }
        return new DeviceEnrolled(device, offlineAccessDays);
    }

    /** The current user's devices, revoked ones included. */
    @Transactional(readOnly = true)
    public List<Device> mine() {
        return devices.ofUser(currentUsers.current().id());
    }

    /** Every device, for administrators. */
    @Transactional(readOnly = true)
    public List<Device> all() {
        CurrentUser user = currentUsers.current();
        if (!user.hasRole(Role.ADMINISTRATOR)) {
            throw DomainException.roleNotAllowed();
        }
        return devices.all();
    }

    /**
     * Revokes a device, for its user or an administrator who confirmed who they are in the last
     * few minutes; the device wipes its store at its next contact.
     */
    @Transactional
    public Device revoke(UUID id) {
        CurrentUser user = currentUsers.current();
        Device device = devices.find(id).map(StoredDevice::device).orElseThrow(DeviceProblems::notFound);
        if (!device.userId().equals(user.id()) && !user.hasRole(Role.ADMINISTRATOR)) {
            throw DeviceProblems.notFound();
        }
        reauthentication.requireRecent();
        if (!devices.revoke(id, user.id(), clock.instant())) {
            throw DeviceProblems.alreadyRevoked();
        }
        audit.record(AuditAction.DELETE, RECORD_TYPE, id);
        events.publishEvent(new DeviceRevoked(id));
        return devices.find(id).orElseThrow().device();
    }

    /**
     * A device's contact, with or without a signed-in user: refuses with {@code device-revoked} a
     * revoked device (which then wipes itself), and with {@code not-found} an unknown device or a
     * wrong token; otherwise notes the contact, which opens a new offline period.
     */
    @Transactional
    public DeviceContactAnswer contact(DeviceContact contact) {
        StoredDevice stored = devices.find(contact.id()).orElseThrow(DeviceProblems::notFound);
        if (!MessageDigest.isEqual(stored.tokenHash(), hash(contact.token()))) {
            throw DeviceProblems.notFound();
        }
        if (stored.device().revokedAt() != null) {
            throw DeviceProblems.revoked();
        }
        Instant now = clock.instant();
        devices.contacted(contact.id(), now);
        return new DeviceContactAnswer(contact.id(), now, offlineAccessDays);
    }

    /**
     * For the modules that set things aside for a device (stock allowances): the devices enrolled
     * and not revoked that may hold the records of a site, whoever their users are.
     */
    @Transactional(readOnly = true)
    public List<Device> activeAt(UUID siteId) {
        return devices.all().stream()
                .filter(device -> device.revokedAt() == null)
                .filter(device -> device.allSites() || device.sites().contains(siteId))
                .toList();
    }

    /**
     * For the modules a device talks to (sync): refuses with {@code device-revoked} a device that is
     * unknown, revoked, or enrolled for another user, so that the device wipes its store.
     */
    @Transactional(readOnly = true)
    public void requireEnrolled(UUID deviceId, UUID userId) {
        Device device = devices.find(deviceId).map(StoredDevice::device).orElseThrow(DeviceProblems::revoked);
        if (!device.userId().equals(userId) || device.revokedAt() != null) {
            throw DeviceProblems.revoked();
        }
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(Base64.getUrlDecoder().decode(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
