package org.passerelle.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.passerelle.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

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
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
        };
        ProblemDetail problem = problem(status, e.code());
        e.details().forEach(problem::setProperty);
        if (e.details().get("field") instanceof String field) {
            problem.setProperty("fieldErrors", List.of(new FieldProblem(field, e.code(), problem.getDetail())));
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
        log.debug("Unreadable request: {}", e.getClass().getSimpleName());
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "unreadable-input"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatchedParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "unreadable-input");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden");
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

    private FieldProblem fieldProblem(FieldError error) {
        String constraint = error.getCode() == null ? "Invalid" : error.getCode();
        Locale locale = LocaleContextHolder.getLocale();
        String message = messages.getMessage(
                "validation." + constraint, null, messages.getMessage("validation.Invalid", null, locale), locale);
        return new FieldProblem(error.getField(), constraint, message);
    }

    private ProblemDetail problem(HttpStatus status, String code) {
        return problems.problem(status.value(), code, LocaleContextHolder.getLocale());
    }

    /** One invalid field: its JSON path, the failed constraint and a message for the user. */
    record FieldProblem(String field, String code, String message) {}
}
