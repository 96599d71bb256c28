package org.passerelle.fhir;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews.Correction;
import org.passerelle.people.PersonViews.LikelyMatch;
import org.passerelle.people.PersonViews.Person;
import org.passerelle.people.PersonViews.PersonDetails;
import org.passerelle.people.PersonViews.Registration;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * {@code Patient} create and update through the people module's own registration and correction,
 * with their rules and audit lines. A registration first asks the registry for likely matches, as
 * the web client does, and names them as warnings of the {@code OperationOutcome} (given when the
 * client prefers it, {@code Prefer: return=OperationOutcome}).
 */
@Component
class PatientWrites {

    private final PersonRegistry registry;
    private final PatientDetails details;
    private final ProblemResponses problems;
    private final LocaleResolver locales;

    PatientWrites(PersonRegistry registry, PatientDetails details, ProblemResponses problems, LocaleResolver locales) {
        this.registry = registry;
        this.details = details;
        this.problems = problems;
        this.locales = locales;
    }

    /**
     * Registers the person {@code patient} describes, with {@code id} when the client chose it (a
     * registration sent again after a lost answer gives the person registered the first time).
     */
    MethodOutcome register(UUID id, Patient patient, RequestDetails request) {
        PersonDetails registered = details.of(patient, null);
        boolean again = registry.exists(id);
        List<LikelyMatch> likely = again ? List.of() : registry.likelyMatches(registered);
        Person person = registry.register(new Registration(id, registered));
        OperationOutcome outcome = saved(person, locale(request));
        for (LikelyMatch match : likely) {
            if (!match.person().id().equals(person.id())) {
                outcome.addIssue(issue(
                                IssueSeverity.WARNING,
                                IssueType.DUPLICATE,
                                FhirProblems.POSSIBLE_DUPLICATE,
                                locale(request))
                        .setDiagnostics("Patient/" + match.person().id() + " (probability "
                                + String.format(Locale.ROOT, "%.2f", match.probability()) + ")"));
            }
        }
        return outcome(person, outcome).setCreated(!again);
    }

    /**
     * Corrects the person at the version the client read ({@code If-Match}): 412 when someone else
     * changed the record since, nothing written.
     */
    MethodOutcome correct(UUID id, long version, Patient patient, RequestDetails request) {
        Person current = registry.get(id);
        Person person = registry.correct(id, new Correction(details.of(patient, current), version));
        return outcome(person, saved(person, locale(request)));
    }

    /** The version an {@code If-Match} names: a number, as the ETag of a read gives it. */
    static long version(IdType id) {
        try {
            return Long.parseLong(id.getVersionIdPart());
        } catch (NumberFormatException notANumber) {
            throw DomainException.invalidInput("If-Match");
        }
    }

    private static MethodOutcome outcome(Person person, OperationOutcome outcome) {
        Patient saved = PatientResources.of(person);
        return new MethodOutcome(saved.getIdElement(), outcome).setResource(saved);
    }

    /** The outcome of a write, naming the version of the Patient saved. */
    private OperationOutcome saved(Person person, Locale locale) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue(issue(IssueSeverity.INFORMATION, IssueType.INFORMATIONAL, FhirProblems.SAVED, locale)
                .setDiagnostics("Patient/" + person.id() + "/_history/" + person.version()));
        return outcome;
    }

    private OperationOutcome.OperationOutcomeIssueComponent issue(
            IssueSeverity severity, IssueType type, String code, Locale locale) {
        var problem = problems.problem(HttpStatus.OK.value(), code, locale);
        return new OperationOutcome.OperationOutcomeIssueComponent()
                .setSeverity(severity)
                .setCode(type)
                .setDetails(new CodeableConcept()
                        .addCoding(new Coding(FhirSystems.PROBLEM, code, problem.getTitle()))
                        .setText(Objects.requireNonNullElse(problem.getDetail(), code)));
    }

    private Locale locale(RequestDetails request) {
        return request instanceof ServletRequestDetails servlet
                ? locales.resolveLocale(servlet.getServletRequest())
                : Locale.ENGLISH;
    }
}
