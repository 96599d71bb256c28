package org.passerelle.care.forms;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every
 * code has a message {@code problem.<code>} in each language of {@code messages*.properties}.
 */
public final class FormProblems {

    /** The general code of a form definition that is not sound, with one fault per field. */
    public static final String INVALID_FORM = "invalid-form";

    /** The general code of a submission whose answers break the form's rules, one fault per field. */
    public static final String INVALID_ANSWERS = "invalid-answers";

    public static final String FORM_ALREADY_PUBLISHED = "form-already-published";

    public static final String FORM_NOT_A_DRAFT = "form-not-a-draft";

    private FormProblems() {}

    /** A form version is published or imported again under a version already in use. */
    static DomainException formAlreadyPublished() {
        return DomainException.conflict(FORM_ALREADY_PUBLISHED);
    }

    /** A published form version is discarded as if it were a draft. */
    static DomainException formNotADraft() {
        return DomainException.conflict(FORM_NOT_A_DRAFT);
    }
}
