package org.passerelle.care.forms;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Forms: those a care worker records with, and the writing and publishing of new ones. */
@RestController
@RequestMapping("/api/forms")
class FormController {

    /** A form version as the client receives it. */
    record FormView(
            String code,
            int version,
            FormStatus status,
            boolean builtIn,
            FormDefinition definition,
            Instant createdAt,
            @Nullable Instant publishedAt) {

        static FormView of(FormVersion form) {
            return new FormView(
                    form.code(),
                    form.version(),
                    form.status(),
                    form.builtIn(),
                    form.definition(),
                    form.createdAt(),
                    form.publishedAt());
        }
    }

    private final FormLibrary library;

    FormController(FormLibrary library) {
        this.library = library;
    }

    /** The published forms the current user records with. */
    @GetMapping
    List<FormView> usable() {
        return library.usable().stream().map(FormView::of).toList();
    }

    /** Every form's newest and published versions, for coordinators and administrators. */
    @GetMapping("/catalogue")
    List<FormView> catalogue() {
        return library.catalogue().stream().map(FormView::of).toList();
    }

    @GetMapping("/{code}/versions")
    List<FormView> versions(@PathVariable String code) {
        return library.versions(code).stream().map(FormView::of).toList();
    }

    @GetMapping("/{code}/versions/{version}")
    FormView version(@PathVariable String code, @PathVariable int version) {
        return FormView.of(library.version(code, version));
    }

    /** Checks a definition without saving it; answers with the definition as understood. */
    @PostMapping("/check")
    FormDefinition check(@RequestBody JsonNode definition) {
        return library.check(definition);
    }

    /** Saves a definition as its form's draft (a new form or its next version). */
    @PostMapping("/drafts")
    @ResponseStatus(HttpStatus.CREATED)
    FormView saveDraft(@RequestBody JsonNode definition) {
        return FormView.of(library.saveDraft(definition));
    }

    @PostMapping("/{code}/versions/{version}/publication")
    FormView publish(@PathVariable String code, @PathVariable int version) {
        return FormView.of(library.publish(code, version));
    }

    @DeleteMapping("/{code}/versions/{version}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void discard(@PathVariable String code, @PathVariable int version) {
        library.discardDraft(code, version);
    }
}
