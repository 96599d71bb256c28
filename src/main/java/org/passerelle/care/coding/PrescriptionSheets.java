package org.passerelle.care.coding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.care.coding.PrescriptionSheet.Line;
import org.passerelle.care.coding.PrescriptionSheet.TimeOfDay;
import org.passerelle.platform.DomainException;
import org.springframework.stereotype.Component;

/**
 * Prints the sheet a person takes home with their medicines: in their language (French, English or
 * Arabic, right to left), each medicine with its form and strength, the dose in the morning, at
 * noon, in the evening and at night under a pictogram of the sun rising, the sun high, the sun
 * setting and the moon (crossed out when none is taken then), for how many days, and the
 * instructions. The PDF is an A4 page (or more), with its fonts embedded. It reads nothing and
 * writes nothing: the caller checks who may print it for whom, and audits the export.
 */
@Component
public class PrescriptionSheets {

    /** The largest dose at one time of day, in any unit, as the prescription table allows. */
    static final BigDecimal MAXIMUM_DOSE = new BigDecimal("9999.99");

    private final MedicineFormulary formulary;

    PrescriptionSheets(MedicineFormulary formulary) {
        this.formulary = formulary;
    }

    /**
     * The sheet as PDF bytes. Refuses, as an invalid field of {@code lines[i]}, a medicine not in
     * the formulary (code {@code unknown-medicine}), a negative or too large dose ({@code
     * out-of-range}) and a number of days out of 1 to 365 ({@code out-of-range}).
     */
    public byte[] render(PrescriptionSheet sheet) {
        List<PrescriptionSheetPdf.PrintedLine> lines = new ArrayList<>();
        for (int i = 0; i < sheet.lines().size(); i++) {
            Line line = sheet.lines().get(i);
            String field = "lines[" + i + "]";
            Medicine medicine = formulary.require(field + ".medicineCode", line.medicineCode());
            for (TimeOfDay time : TimeOfDay.values()) {
                BigDecimal dose = line.dose(time);
                if (dose.signum() < 0 || dose.compareTo(MAXIMUM_DOSE) > 0) {
                    throw DomainException.outOfRange(field + "." + time.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            Integer days = line.days();
            if (days != null && (days < 1 || days > 365)) {
                throw DomainException.outOfRange(field + ".days");
            }
            lines.add(new PrescriptionSheetPdf.PrintedLine(medicine, line));
        }
        return PrescriptionSheetPdf.render(sheet, lines, SheetTexts.of(sheet.language()));
    }
}
