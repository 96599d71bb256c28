package org.passerelle.care.coding;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What the API shows of the catalogues. Labels come in the three languages, so that a client switches language without asking again. */
final class CodingViews {

    private CodingViews() {}

    /** A diagnosis, and whether it is one of the current site's favourites. */
    record DiagnosisView(String code, String chapter, String block, Labels labels, boolean favourite) {

        static DiagnosisView of(Diagnosis diagnosis, boolean favourite) {
            return new DiagnosisView(
                    diagnosis.code(), diagnosis.chapter(), diagnosis.block(), diagnosis.labels(), favourite);
        }
    }

    /** A chapter and how many diagnoses of the catalogue it holds. */
    record ChapterView(String numeral, String first, String last, Labels title, long diagnoses) {}

    record Names(String fr, String en) {}

    @Schema(name = "MedicineFormView")
    record FormView(String code, Labels labels) {}

    record UnitView(String code, Labels one, Labels other) {}

    record MedicineView(String code, String atc, Names name, FormView form, String strength, UnitView unit) {

        static MedicineView of(Medicine medicine) {
            return new MedicineView(
                    medicine.code(),
                    medicine.atc(),
                    new Names(medicine.nameFr(), medicine.nameEn()),
                    new FormView(medicine.form().code(), medicine.form().labels()),
                    medicine.strength(),
                    new UnitView(
                            medicine.unit().code(),
                            medicine.unit().one(),
                            medicine.unit().other()));
        }
    }

    /** The whole list of a site's favourites, in order. */
    record FavouriteList(
            @NotNull @Size(max = DiagnosisFavourites.MAXIMUM)
            List<@NotNull String> codes) {}
}
