package org.passerelle.devices;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every code
 * has a message {@code problem.<code>} in each language of {@code messages*.properties}.
 */
public final class DeviceProblems {

    /** The device was revoked: the web client wipes what it holds when it receives this code. */
    public static final String DEVICE_REVOKED = "device-revoked";

    public static final String DEVICE_ENROLLED_BY_OTHER = "device-enrolled-by-other";

    public static final String DEVICE_ALREADY_REVOKED = "device-already-revoked";

    private DeviceProblems() {}

    /** A revoked (or unknown) device contacts the server, or its user tries to use it. */
    static DomainException revoked() {
        return DomainException.forbidden(DEVICE_REVOKED);
    }

    /** An enrolment id already used for another user, another installation or another token. */
    static DomainException enrolledByOther() {
        return DomainException.conflict(DEVICE_ENROLLED_BY_OTHER);
    }

    /** A device is revoked a second time. */
    static DomainException alreadyRevoked() {
        return DomainException.conflict(DEVICE_ALREADY_REVOKED);
    }

    /** The device is unknown, its token is wrong, or the user may not see it. */
    static DomainException notFound() {
        return DomainException.notFound(Devices.RECORD_TYPE);
    }
}
