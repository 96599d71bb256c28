package org.passerelle.stock;

import org.passerelle.care.PrescriptionSigned;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Dispenses a consultation's prescription from the place its signer named, in the signing
 * transaction: the consultation and what it dispensed are written together or not at all, and the
 * care module knows nothing of stock.
 */
@Component
class SignedPrescriptionListener {

    private final Dispensings dispensings;

    SignedPrescriptionListener(Dispensings dispensings) {
        this.dispensings = dispensings;
    }

    @EventListener
    void on(PrescriptionSigned signed) {
        dispensings.dispenseSigned(signed);
    }
}
