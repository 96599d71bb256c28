package org.passerelle.fhir;

import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUsers;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.people.Sex;
import org.springframework.stereotype.Component;

/**
 * {@code Patient}: read by id, and search by name (Passerelle's own search, which finds spelling
 * variants, other names and names in another script), patient code, birth date and gender. Only
 * persons whose file the user reaches are returned, read (and audited) a page at a time when that
 * page is asked for.
 */
@Component
class PatientProvider implements IResourceProvider {

    /** As many persons as the registry's search gives at most; pages are cut from them. */
    private static final int MOST_FOUND = 100;

    private final PersonRegistry registry;
    private final CurrentUsers users;
    private final Everything everything;
    private final PatientWrites writes;

    PatientProvider(PersonRegistry registry, CurrentUsers users, Everything everything, PatientWrites writes) {
        this.registry = registry;
        this.users = users;
        this.everything = everything;
        this.writes = writes;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        return PatientResources.of(registry.get(Ids.of(id, "person")));
    }

    /**
     * {@code POST Patient}: registers a person at the user's current site, as the API does, with a
     * new id and patient code. A client that must be able to send a registration again chooses the
     * id itself and uses {@link #update} without {@code If-Match}.
     */
    @Create
    public MethodOutcome create(@ResourceParam Patient patient, RequestDetails request) {
        return writes.register(org.passerelle.platform.Ids.newId(), patient, request);
    }

    /**
     * {@code PUT Patient/{id}}: with {@code If-Match} (the version a read gave), corrects the person
     * at that version, 412 when it changed since; without, registers the person with the id the
     * client chose, or gives them again when the same registration is sent again (409 when another
     * person has that id or the details differ: a correction names its version).
     */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Patient patient, RequestDetails request) {
        UUID personId = Ids.of(id, "person");
        if (!id.hasVersionIdPart()) {
            return writes.register(personId, patient, request);
        }
        return writes.correct(personId, PatientWrites.version(id), patient, request);
    }

    /**
     * {@code GET Patient/{id}/$everything}: the person's record as far as the user reaches it, for
     * subject access and hand-over (the id only in the URL).
     */
    @Operation(name = "$everything", idempotent = true, bundleType = BundleTypeEnum.SEARCHSET)
    public IBundleProvider everything(@IdParam IdType id) {
        return everything.of(Ids.of(id, "person"));
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Patient.SP_NAME) @Nullable StringParam name,
            @OptionalParam(name = Patient.SP_IDENTIFIER) @Nullable TokenParam identifier,
            @OptionalParam(name = Patient.SP_BIRTHDATE) @Nullable DateRangeParam birthDate,
            @OptionalParam(name = Patient.SP_GENDER) @Nullable TokenParam gender,
            RequestDetails request) {
        if (request.getRequestType() == RequestTypeEnum.GET
                && (name != null || identifier != null || birthDate != null)) {
            throw FhirProblems.searchByPost();
        }
        String query = query(name, identifier);
        List<PersonSummary> found = registry.search(new PersonViews.Search(query, sex(gender), null, null, MOST_FOUND));
        List<UUID> ids = new ArrayList<>();
        for (PersonSummary person : found) {
            if (person.inScope()
                    && (identifier == null || query.equalsIgnoreCase(person.patientCode()))
                    && BirthDates.admits(birthDate, person.birthDate())) {
                ids.add(person.id());
            }
        }
        return new Pages<>(ids, this::read, users);
    }

    /**
     * A page of persons found, read at once through the registry (one access check, one audit
     * statement); those erased, merged away or out of reach since the search are left out.
     */
    private List<IBaseResource> read(List<UUID> ids) {
        return registry.getAll(ids).stream()
                .<IBaseResource>map(PatientResources::of)
                .toList();
    }

    /** What the registry's search is given: the name typed, or the patient code. */
    private static String query(@Nullable StringParam name, @Nullable TokenParam identifier) {
        if (name != null && (name.isExact() || name.isContains())) {
            throw FhirProblems.unsupportedSearch(Patient.SP_NAME);
        }
        if (identifier != null) {
            if (identifier.getSystem() != null
                    && !identifier.getSystem().isEmpty()
                    && !FhirSystems.PATIENT_CODE.equals(identifier.getSystem())) {
                throw FhirProblems.unsupportedSearch(Patient.SP_IDENTIFIER);
            }
            return identifier.getValue() == null ? "" : identifier.getValue();
        }
        return name == null || name.getValue() == null ? "" : name.getValue();
    }

    private static @Nullable Sex sex(@Nullable TokenParam gender) {
        if (gender == null || gender.getValue() == null) {
            return null;
        }
        return switch (gender.getValue()) {
            case "female" -> Sex.FEMALE;
            case "male" -> Sex.MALE;
            case "other" -> Sex.OTHER;
            case "unknown" -> Sex.UNKNOWN;
            default -> throw FhirProblems.unsupportedSearch(Patient.SP_GENDER);
        };
    }
}
