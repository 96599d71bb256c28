package org.passerelle.care.forms;

/** Where a form version stands: being written, in use for new consultations, or replaced. */
public enum FormStatus {
    DRAFT,
    PUBLISHED,
    RETIRED
}
