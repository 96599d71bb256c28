/**
 * The codes care is recorded with: the ICD-10 diagnoses most seen in the field ({@link
 * org.passerelle.care.coding.DiagnosisCatalogue}) with each site's favourites ({@link
 * org.passerelle.care.coding.DiagnosisFavourites}), the formulary of essential medicines ({@link
 * org.passerelle.care.coding.MedicineFormulary}), and the printable dosage sheet given with a
 * prescription ({@link org.passerelle.care.coding.PrescriptionSheets}). The catalogues are resource
 * files under {@code care/}, read and checked once at startup.
 */
@NullMarked
@NamedInterface("coding")
package org.passerelle.care.coding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
