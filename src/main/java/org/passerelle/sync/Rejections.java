package org.passerelle.sync;

import java.util.List;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.FieldFaults;
import org.passerelle.platform.web.ProblemResponses;
import org.passerelle.sync.SyncViews.MutationInput;
import org.passerelle.sync.SyncViews.MutationProblem;
import org.passerelle.sync.SyncViews.MutationResult;
import org.passerelle.sync.SyncViews.Outcome;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The result of a rejected mutation: the problem's code, its message in the user's language, and
 * the field at fault (the first, when the answers of a form break several rules).
 */
@Component
class Rejections {

    private final ProblemResponses problems;

    Rejections(ProblemResponses problems) {
        this.problems = problems;
    }

    MutationResult rejected(MutationInput input, DomainException e) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case UNAUTHENTICATED -> 401;
            case THROTTLED -> 429;
            case UNAVAILABLE -> 503;
        };
        ProblemDetail problem = problems.problem(status, e.code(), LocaleContextHolder.getLocale());
        Object field = e instanceof FieldFaults faults
                ? faults.faults().getFirst().field()
                : e.details().get("field");
        return new MutationResult(
                input.mutationId(),
                input.recordId(),
                Outcome.REJECTED,
                null,
                null,
                List.of(),
                new MutationProblem(
                        e.code(),
                        String.valueOf(problem.getTitle()),
                        String.valueOf(problem.getDetail()),
                        field instanceof String name ? name : null),
                false);
    }
}
