package org.passerelle.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUsers;
import org.passerelle.referrals.ReferralReads;
import org.passerelle.referrals.ReferralViews.Referral;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceRequest}: a referral to a service (a PASS, an emergency department, a city doctor,
 * a lawyer...), read by id or searched by patient and date, through the referrals module (a carer
 * who reads the person's general compartment; every read audited).
 */
@Component
class ServiceRequestProvider implements IResourceProvider {

    private static final String SNOMED = "http://snomed.info/sct";

    private final ReferralReads referrals;
    private final CurrentUsers users;

    ServiceRequestProvider(ReferralReads referrals, CurrentUsers users) {
        this.referrals = referrals;
        this.users = users;
    }

    @Override
    public Class<ServiceRequest> getResourceType() {
        return ServiceRequest.class;
    }

    @Read
    public ServiceRequest read(@IdParam IdType id) {
        return of(referrals.get(Ids.of(id, "referral")));
    }

    @Search
    public IBundleProvider search(
            @RequiredParam(name = ServiceRequest.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = ServiceRequest.SP_AUTHORED) @Nullable DateRangeParam authored) {
        List<ServiceRequest> found = referrals.ofPerson(Patients.id(patient)).stream()
                .filter(referral -> Dates.within(authored, referral.sentOn()))
                .map(ServiceRequestProvider::of)
                .toList();
        return new Pages<>(found, page -> page, users);
    }

    static ServiceRequest of(Referral referral) {
        ServiceRequest request = new ServiceRequest();
        request.setIdElement(new IdType("ServiceRequest", referral.id().toString(), Long.toString(referral.version())));
        request.getMeta().addTag(FhirSystems.COMPARTMENT, "general", null);
        request.setStatus(status(referral));
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.addCategory(new CodeableConcept(new Coding(SNOMED, "3457005", "Patient referral")));
        request.setPriority(
                switch (referral.urgency()) {
                    case ROUTINE -> ServiceRequestPriority.ROUTINE;
                    case SOON -> ServiceRequestPriority.URGENT;
                    case URGENT -> ServiceRequestPriority.ASAP;
                });
        request.setCode(new CodeableConcept(
                        new Coding(FhirSystems.SERVICE_KIND, ConsultationRecords.code(referral.serviceKind()), null))
                .setText(referral.serviceName()));
        request.setSubject(new Reference("Patient/" + referral.personId()));
        UUID encounterId = referral.encounterId();
        if (encounterId != null) {
            request.setEncounter(new Reference("Encounter/" + encounterId));
        }
        request.setAuthoredOnElement(new DateTimeType(referral.sentOn().toString()));
        request.addPerformer().setDisplay(referral.serviceName());
        request.addReasonCode().setText(referral.reason());
        request.addLocationReference(new Reference("Location/" + referral.siteId()));
        return request;
    }

    private static ServiceRequestStatus status(Referral referral) {
        return switch (referral.status()) {
            case SENT, ACCEPTED -> ServiceRequestStatus.ACTIVE;
            case ATTENDED, CLOSED -> ServiceRequestStatus.COMPLETED;
            case REFUSED -> ServiceRequestStatus.REVOKED;
            case LOST -> ServiceRequestStatus.UNKNOWN;
        };
    }
}
