package org.passerelle.stock;

import org.passerelle.access.CurrentUsers;
import org.passerelle.devices.DeviceRevoked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives back to their places the goods set aside for a device when it is revoked, in the transaction
 * that revokes it and as the user who revoked it: a revoked device never hands anything out again.
 */
@Component
class RevokedDeviceListener {

    private final Allowances allowances;
    private final CurrentUsers currentUsers;

    RevokedDeviceListener(Allowances allowances, CurrentUsers currentUsers) {
        this.allowances = allowances;
        this.currentUsers = currentUsers;
    }

    @EventListener
    void on(DeviceRevoked revoked) {
        allowances.releaseRevoked(revoked.deviceId(), currentUsers.current());
    }
}
