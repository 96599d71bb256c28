package org.passerelle.devices;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.passerelle.devices.DeviceViews.Device;
import org.passerelle.devices.DeviceViews.DeviceContact;
import org.passerelle.devices.DeviceViews.DeviceContactAnswer;
import org.passerelle.devices.DeviceViews.DeviceEnrolled;
import org.passerelle.devices.DeviceViews.DeviceEnrolment;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Enrolment, listing and revocation of devices, and a device's contact. */
@RestController
@RequestMapping("/api/devices")
class DevicesController {

    private final Devices devices;

    DevicesController(Devices devices) {
        this.devices = devices;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DeviceEnrolled enrol(@Valid @RequestBody DeviceEnrolment enrolment) {
        return devices.enrol(enrolment);
    }

    @GetMapping
    List<Device> mine() {
        return devices.mine();
    }

    @GetMapping("/all")
    List<Device> all() {
        return devices.all();
    }

    @PostMapping("/{id}/revocation")
    Device revoke(@PathVariable UUID id) {
        return devices.revoke(id);
    }

    /** Open to a device without a signed-in user: the device's token is its credential here. */
    @PostMapping("/contact")
    DeviceContactAnswer contact(@Valid @RequestBody DeviceContact contact) {
        return devices.contact(contact);
    }
}
