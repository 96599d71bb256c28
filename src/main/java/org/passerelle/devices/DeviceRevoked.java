package org.passerelle.devices;

import java.util.UUID;

/**
 * A device was revoked (by its user, an administrator, or by a new enrolment of the same user on the
 * same installation), published in the transaction that revokes it, so that what was set aside for
 * the device goes back in the same transaction.
 */
public record DeviceRevoked(UUID deviceId) {}
