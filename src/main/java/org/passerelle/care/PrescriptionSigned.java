package org.passerelle.care;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A consultation with a prescription was signed (first signature or amendment), published in the
 * signing transaction. The care module does not know what happens next: the stock module, when the
 * signer named a place to dispense from, hands the lines out from it in the same transaction.
 *
 * @param revision 1 for the first signature, one more per amendment
 * @param dispenseFrom the place (of the stock module) the signer asked to dispense from, if any
 * @param lines the prescription's lines, numbered as {@link Prescriptions} numbers them
 */
public record PrescriptionSigned(
        UUID encounterId,
        int revision,
        UUID siteId,
        @Nullable UUID dispenseFrom,
        List<Line> lines) {

    public PrescriptionSigned {
        lines = List.copyOf(lines);
    }

    /**
     * One line of the prescription.
     *
     * @param quantity doses a day times days, rounded up, in the medicine's dose unit; 0 when the
     *     prescription has no number of days
     */
    public record Line(int line, String medicineCode, int quantity) {}
}
