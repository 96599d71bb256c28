package org.passerelle.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A module's refusal as FHIR says it: the HTTP status of the JSON API and an {@code
 * OperationOutcome} whose issue carries the same stable code and the message in the user's
 * language. A refusal is logged as the API logs it (method, path of ids, code, user name).
 */
@Interceptor
final class DomainFailures {

    private static final Logger log = LoggerFactory.getLogger(DomainFailures.class);

    private final ProblemResponses problems;
    private final LocaleResolver locales;

    DomainFailures(ProblemResponses problems, LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public @Nullable BaseServerResponseException translate(Throwable thrown, HttpServletRequest request) {
        DomainException failure = domainCause(thrown);
        if (failure == null) {
            return null;
        }
        if (failure.kind() == DomainException.Kind.FORBIDDEN) {
            String user = Objects.requireNonNullElse(request.getRemoteUser(), "anonymous");
            log.warn(
                    "Access refused: {} {} ({}) for {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    failure.code(),
                    user);
        }
        BaseServerResponseException answer = answer(failure);
        ProblemDetail problem =
                problems.problem(answer.getStatusCode(), failure.code(), locales.resolveLocale(request));
        String text = Objects.requireNonNullElse(problem.getDetail(), failure.code());
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(issueType(failure))
                .setDetails(new CodeableConcept()
                        .addCoding(new Coding(FhirSystems.PROBLEM, failure.code(), problem.getTitle()))
                        .setText(text));
        if (failure.details().get("field") instanceof String field) {
            outcome.getIssueFirstRep().addExpression(field);
        }
        answer.setOperationOutcome(outcome);
        return answer;
    }

    private static @Nullable DomainException domainCause(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException failure) {
                return failure;
            }
        }
        return null;
    }

    private static BaseServerResponseException answer(DomainException failure) {
        String code = failure.code();
        return switch (failure.kind()) {
            case NOT_FOUND -> new ResourceNotFoundException(code);
            case CONFLICT ->
                DomainException.STALE_VERSION.equals(code)
                        ? new PreconditionFailedException(code)
                        : new ResourceVersionConflictException(code);
            case INVALID -> new InvalidRequestException(code);
            case FORBIDDEN -> new ForbiddenOperationException(code);
            case UNAUTHENTICATED -> new AuthenticationException(code);
            case THROTTLED -> new UnclassifiedServerFailureException(429, code);
            case UNAVAILABLE -> new UnclassifiedServerFailureException(503, code);
        };
    }

    private static IssueType issueType(DomainException failure) {
        return switch (failure.kind()) {
            case NOT_FOUND -> IssueType.NOTFOUND;
            case CONFLICT -> IssueType.CONFLICT;
            case INVALID -> IssueType.INVALID;
            case FORBIDDEN -> IssueType.FORBIDDEN;
            case UNAUTHENTICATED -> IssueType.LOGIN;
            case THROTTLED -> IssueType.THROTTLED;
            case UNAVAILABLE -> IssueType.TRANSIENT;
        };
    }
}
