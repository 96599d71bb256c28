package org.passerelle.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.FieldFaults;
import org.passerelle.platform.web.PlainTextDeserializer.InvalidCharactersException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Maps every failure the API reports to an RFC 9457 problem detail with a stable {@code code} and
 * a {@code detail} in the user's language (from {@code Accept-Language}: French, English or Arabic).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final MessageSource messages;
    private final ProblemResponses problems;

    ProblemDetailsAdvice(MessageSource messages, ProblemResponses problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, HttpServletRequest request) {
        if (e.kind() == DomainException.Kind.FORBIDDEN) {
            logRefusal(request, e.code());
        } else if (e.kind() == DomainException.Kind.THROTTLED) {
            log.warn(
                    "Attempts throttled: {} {} from {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    request.getRemoteAddr());
        }
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        ProblemDetail problem = problem(status, e.code());
        e.details().forEach(problem::setProperty);
        if (e instanceof FieldFaults faults) {
            problem.setProperty(
                    "fieldErrors",
                    faults.faults().stream().map(this::fieldProblem).toList());
        } else if (e.details().get("field") instanceof String field) {
            problem.setProperty("fieldErrors", List.of(new FieldProblem(field, e.code(), detail(problem, e.code()))));
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (e.details().get("retryAfterSeconds") instanceof Long seconds) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return response.body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input");
        List<FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(this::fieldProblem)
                .toList();
        problem.setProperty("fieldErrors", fields);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidCharactersException invalid) {
                return ResponseEntity.badRequest().body(invalidCharacters(invalid));
            }
        }
        log.debug("Unreadable request: {}", e.getClass().getSimpleName());
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "unreadable-input"));
    }

    /**
     * The other failures Spring MVC reports itself (wrong content type, wrong method, missing
     * parameter): the same problem details, with a stable code, in the user's language.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String code = switch (status.value()) {
            case 404 -> DomainException.NOT_FOUND;
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> status.is5xxServerError() ? "internal-error" : "unreadable-input";
        };
        return super.handleExceptionInternal(
                e, problem(HttpStatus.valueOf(status.value()), code), headers, status, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatchedParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "unreadable-input");
    }

    /**
     * Spring MVC cannot even read the headers of a request whose content type is a wildcard such as
     * {@code *}{@code /*}: that is the client's mistake, not the server's.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e, HttpServletRequest request) {
        if (hasWildcardContentType(request)) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
        }
        return unexpected(e);
    }

    private static boolean hasWildcardContentType(HttpServletRequest request) {
        try {
            MediaType type =
                    request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
            return type != null && (type.isWildcardType() || type.isWildcardSubtype());
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /**
     * A form body sent to a JSON endpoint is read as parameters before anything else: Tomcat refuses
     * one that is not valid UTF-8, the firewall one with control characters in a parameter's name.
     */
    @ExceptionHandler({InvalidParameterException.class, RequestRejectedException.class})
    ProblemDetail unreadableParameters(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "unreadable-input");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e, HttpServletRequest request) {
        logRefusal(request, "forbidden");
        return problem(HttpStatus.FORBIDDEN, "forbidden");
    }

    /**
     * Every refused request is logged for security monitoring: method, path (which holds record
     * ids, never personal data of the people served), the refusal's code and the user name.
     */
    private static void logRefusal(HttpServletRequest request, String code) {
        String user = Objects.requireNonNullElse(request.getRemoteUser(), "anonymous");
        log.warn("Access refused: {} {} ({}) for {}", request.getMethod(), request.getRequestURI(), code, user);
    }

    /**
     * Anything unexpected: the message of a database or library exception may quote the data that
     * caused it, so only the exception's type and stack frames reach the log, under an incident id
     * that the user can report.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder frames = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            frames.append(cause.getClass().getName()).append(" at ");
            StackTraceElement[] trace = cause.getStackTrace();
            for (int i = 0; i < Math.min(trace.length, 8); i++) {
                frames.append(trace[i]).append(i < trace.length - 1 ? " < " : "");
            }
            frames.append("; ");
        }
        log.error("Unexpected failure, incident {}: {}", incident, frames);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");
        problem.setProperty("incident", incident);
        return problem;
    }

    /** Names the field, as Bean Validation would ({@code details.otherNames[0].name}), holding the refused text. */
    private ProblemDetail invalidCharacters(InvalidCharactersException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-characters");
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : e.getPath()) {
            if (step.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        problem.setProperty(
                "fieldErrors",
                List.of(new FieldProblem(
                        field.toString(), "invalid-characters", detail(problem, "invalid-characters"))));
        return problem;
    }

    private FieldProblem fieldProblem(FieldFaults.Fault fault) {
        Locale locale = LocaleContextHolder.getLocale();
        String message = messages.getMessage(
                "problem." + fault.code(),
                fault.arguments().toArray(),
                messages.getMessage("validation.Invalid", null, locale),
                locale);
        return new FieldProblem(fault.field(), fault.code(), Objects.requireNonNullElse(message, fault.code()));
    }

    private FieldProblem fieldProblem(FieldError error) {
        String constraint = error.getCode() == null ? "Invalid" : error.getCode();
        Locale locale = LocaleContextHolder.getLocale();
        String message = messages.getMessage(
                "validation." + constraint, null, messages.getMessage("validation.Invalid", null, locale), locale);
        return new FieldProblem(error.getField(), constraint, Objects.requireNonNullElse(message, constraint));
    }

    /** The problem's message, which every problem made here has; its code otherwise. */
    private static String detail(ProblemDetail problem, String code) {
        return Objects.requireNonNullElse(problem.getDetail(), code);
    }

    private ProblemDetail problem(HttpStatus status, String code) {
        return problems.problem(status.value(), code, LocaleContextHolder.getLocale());
    }

    /** One invalid field: its JSON path, the failed constraint and a message for the user. */
    record FieldProblem(String field, String code, String message) {}
}
