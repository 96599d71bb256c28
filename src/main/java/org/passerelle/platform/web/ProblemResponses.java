package org.passerelle.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details with a stable {@code code} and a message in the user's language,
 * for controllers (through {@link ProblemDetailsAdvice}) and for filters that answer on their own.
 */
@Component
public class ProblemResponses {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ProblemResponses(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    public ProblemDetail problem(int status, String code, Locale locale) {
        HttpStatus httpStatus = HttpStatus.valueOf(status);
        ProblemDetail problem = ProblemDetail.forStatus(httpStatus);
        problem.setType(URI.create("urn:passerelle:problem:" + code));
        problem.setTitle(messages.getMessage("problem." + code + ".title", null, httpStatus.getReasonPhrase(), locale));
        problem.setDetail(messages.getMessage("problem." + code, null, httpStatus.getReasonPhrase(), locale));
        problem.setProperty("code", code);
        return problem;
    }

    /** Writes a problem detail as the whole response, from outside Spring MVC. */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code)
            throws IOException {
        ProblemDetail problem = problem(status, code, locales.resolveLocale(request));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
