package org.passerelle.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.passerelle.access.CurrentUsers;
import org.passerelle.care.EncounterViews.Encounter;
import org.passerelle.care.coding.MedicineFormulary;
import org.passerelle.people.PersonRegistry;
import org.passerelle.platform.DomainException;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/$everything}: a person's record as far as the user reaches it, for subject access
 * and hand-over: the Patient (refused as a read would be), then the consultations and what they
 * recorded, the vaccine doses and the referrals, each part read through its module as a search would
 * read it; a part the user's role does not read is left out rather than refusing the whole.
 */
@Component
class Everything {

    private final PersonRegistry registry;
    private final EncounterProvider encounters;
    private final ConsultationRecords consultations;
    private final ConditionProvider conditions;
    private final ImmunizationProvider immunizations;
    private final ServiceRequestProvider referrals;
    private final MedicineFormulary formulary;
    private final CurrentUsers users;
    private final Clock clock;

    Everything(
            PersonRegistry registry,
            EncounterProvider encounters,
            ConsultationRecords consultations,
            ConditionProvider conditions,
            ImmunizationProvider immunizations,
            ServiceRequestProvider referrals,
            MedicineFormulary formulary,
            CurrentUsers users,
            Clock clock) {
        this.registry = registry;
        this.encounters = encounters;
        this.consultations = consultations;
        this.conditions = conditions;
        this.immunizations = immunizations;
        this.referrals = referrals;
        this.formulary = formulary;
        this.users = users;
        this.clock = clock;
    }

    IBundleProvider of(UUID personId) {
        List<IBaseResource> everything = new ArrayList<>();
        everything.add(PatientResources.of(registry.get(personId)));
        ReferenceParam patient = new ReferenceParam("Patient/" + personId);
        everything.addAll(readable(() -> all(encounters.search(patient, null, null))));
        LocalDate today = LocalDate.now(clock);
        for (Encounter encounter : readable(() -> consultations.ofPatient(personId))) {
            everything.addAll(VitalSigns.of(encounter));
            everything.addAll(conditions.of(encounter));
            everything.addAll(MedicationRequests.of(encounter, formulary, today));
        }
        everything.addAll(readable(() -> all(immunizations.search(patient, null))));
        everything.addAll(readable(() -> all(referrals.search(patient, null))));
        return new Pages<>(everything, page -> page, users);
    }

    private static List<IBaseResource> all(IBundleProvider found) {
        return found.getResources(0, found.size());
    }

    /** The part, or nothing when the user's role does not read it. */
    private static <T> List<T> readable(Supplier<List<T>> part) {
        try {
            return part.get();
        } catch (DomainException refused) {
            if (refused.kind() == DomainException.Kind.FORBIDDEN) {
                return List.of();
            }
            throw refused;
        }
    }
}
