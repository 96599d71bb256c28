package org.passerelle.care.coding;

import org.passerelle.care.forms.CodeLists;
import org.springframework.stereotype.Component;

/** The code lists of forms: the diagnosis catalogue and the formulary. */
@Component
class CatalogueCodes implements CodeLists {

    private final DiagnosisCatalogue diagnoses;
    private final MedicineFormulary medicines;

    CatalogueCodes(DiagnosisCatalogue diagnoses, MedicineFormulary medicines) {
        this.diagnoses = diagnoses;
        this.medicines = medicines;
    }

    @Override
    public boolean isDiagnosis(String code) {
        return diagnoses.isKnown(code);
    }

    @Override
    public boolean isMedicine(String code) {
        return medicines.isKnown(code);
    }
}
