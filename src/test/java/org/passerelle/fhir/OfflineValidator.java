package org.passerelle.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * HAPI's instance validator against the R4 core definitions, with no terminology server: the
 * code systems FHIR defines are checked in memory, common external ones (BCP 47 languages, UCUM,
 * ISO countries) by HAPI's own lists, Passerelle's own code systems and extension from the
 * definitions the application ships under {@code fhir/}, and the LOINC and ICD-10 codes Passerelle
 * uses as fragments of those code systems (the LOINC codes of the forms' measurements, written
 * out in the tests' {@code fhir/}, and the diagnosis catalogue's ICD-10 codes).
 */
final class OfflineValidator {

    private static final List<String> DEFINITIONS = List.of(
            "fhir/StructureDefinition-estimated-age.json",
            "fhir/CodeSystem-discipline.json",
            "fhir/CodeSystem-compartment.json",
            "fhir/CodeSystem-vaccine.json",
            "fhir/CodeSystem-service-kind.json",
            "fhir/CodeSystem-loinc-vital-signs.json");

    private static volatile FhirValidator validator;

    private OfflineValidator() {}

    static FhirContext context() {
        return FhirContext.forR4Cached();
    }

    /** The errors and warnings HAPI finds in a resource given as JSON. */
    static List<String> problems(String json) {
        IBaseResource resource = context().newJsonParser().parseResource(json);
        return validator().validateWithResult(resource).getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.WARNING.ordinal())
                .map(OfflineValidator::describe)
                .toList();
    }

    /** Only the errors: what makes a resource not valid R4. */
    static List<String> errors(String json) {
        IBaseResource resource = context().newJsonParser().parseResource(json);
        return validator().validateWithResult(resource).getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(OfflineValidator::describe)
                .toList();
    }

    private static String describe(SingleValidationMessage message) {
        return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
    }

    private static FhirValidator validator() {
        FhirValidator built = validator;
        if (built == null) {
            synchronized (OfflineValidator.class) {
                built = validator;
                if (built == null) {
                    built = build();
                    validator = built;
                }
            }
        }
        return built;
    }

    private static FhirValidator build() {
        FhirServerConfiguration.useWoodstox();
        FhirContext context = context();
        PrePopulatedValidationSupport local = new PrePopulatedValidationSupport(context);
        for (String definition : DEFINITIONS) {
            local.addResource(context.newJsonParser().parseResource(read(definition)));
        }
        local.addCodeSystem(icd10());
        ValidationSupportChain chain = new ValidationSupportChain(
                local,
                new DefaultProfileValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        instanceValidator.setAnyExtensionsAllowed(false);
        instanceValidator.setNoTerminologyChecks(false);
        return context.newValidator().registerValidatorModule(instanceValidator);
    }

    /** The ICD-10 codes of Passerelle's catalogue, with their English titles, as a fragment of ICD-10. */
    private static CodeSystem icd10() {
        CodeSystem icd10 = new CodeSystem();
        icd10.setUrl(ConditionProvider.ICD_10);
        icd10.setName("Icd10Subset");
        icd10.setStatus(Enumerations.PublicationStatus.ACTIVE);
        icd10.setContent(CodeSystem.CodeSystemContentMode.FRAGMENT);
        read("care/icd10.tsv")
                .lines()
                .filter(line -> !line.startsWith("#") && !line.startsWith("code\t"))
                .map(line -> line.split("\t", -1))
                .forEach(columns -> icd10.addConcept().setCode(columns[0]).setDisplay(columns[4]));
        return icd10;
    }

    private static String read(String resource) {
        try (InputStream in = OfflineValidator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
