package org.passerelle.care.coding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.Language;

/**
 * What a printed dosage sheet says: for whom, when, in which language, and how to take each
 * medicine.
 *
 * @param personName the name the person is called by, as printed
 * @param patientCode the person's patient code, as printed (such as {@code 7K3M-Q9TX})
 */
public record PrescriptionSheet(
        String personName, String patientCode, LocalDate date, Language language, List<Line> lines) {

    public PrescriptionSheet {
        lines = List.copyOf(lines);
    }

    /**
     * One medicine: how many units (tablets, millilitres, puffs...) to take in the morning, at noon,
     * in the evening and at night, for how many days, and anything else to know.
     */
    public record Line(
            String medicineCode,
            BigDecimal morning,
            BigDecimal noon,
            BigDecimal evening,
            BigDecimal night,
            @Nullable Integer days,
            @Nullable String instructions) {

        /** The dose at a time of day. */
        public BigDecimal dose(TimeOfDay time) {
            return switch (time) {
                case MORNING -> morning;
                case NOON -> noon;
                case EVENING -> evening;
                case NIGHT -> night;
            };
        }
    }

    /** The four times of day a dose is taken at, each printed with its pictogram. */
    public enum TimeOfDay {
        MORNING,
        NOON,
        EVENING,
        NIGHT
    }
}
