package org.passerelle.people;

import org.jspecify.annotations.Nullable;
import org.passerelle.platform.Language;

/**
 * What a patient card shows, in its language, before it is laid out: who issued it, the patient
 * code (as a QR code and in text), the chosen name only when the person asked for it, the contact
 * of the site that printed it, and what to do with it. Never another name, a birth date or anything
 * about the person's health.
 *
 * @param heading the organisation's name, or Passerelle before it is set up
 * @param patientCode the code as stored, eight characters without the dash
 * @param name the chosen name, when the person wants it on the card
 * @param site the printing site's name and city
 * @param phone the printing site's phone, when it has one
 * @param show what to do with the card, in the card's language
 * @param showInFrench the same in French for the staff of any site, when the card is in another language
 * @param cut how to print and cut the card out (printed outside the card)
 */
record PatientCard(
        Language language,
        String title,
        String heading,
        String patientCode,
        String codeLabel,
        @Nullable String name,
        String site,
        @Nullable String phone,
        String show,
        @Nullable String showInFrench,
        String cut) {

    /** Printed before the site's phone number, in every language. */
    static final String PHONE_SYMBOL = "\u260e";

    /** The code as printed: two groups of four. */
    String displayCode() {
        return PatientCode.display(patientCode);
    }
}
