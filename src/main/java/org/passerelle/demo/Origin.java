package org.passerelle.demo;

import java.util.List;
import org.passerelle.people.PersonViews.Script;

/**
 * A country of origin of the people served, with the names and languages met among them.
 *
 * @param country ISO 3166 alpha-2 code
 * @param weight relative share among the people served
 * @param singleNamePercent share of people who give one name only
 * @param familyFirstPercent share whose papers put the family name first
 * @param script the script names are originally written in ({@code LATIN} when no other)
 * @param scriptLanguage ISO 639 code of the language of names in that script
 */
record Origin(
        String country,
        int weight,
        Naming naming,
        int singleNamePercent,
        int familyFirstPercent,
        Script script,
        String scriptLanguage,
        List<Language> languages,
        List<String> maleNames,
        List<String> femaleNames,
        List<String> familyNames) {

    /** How the parts of a full name are chosen. */
    enum Naming {
        /** A given name then a family name. */
        GIVEN_FAMILY,
        /** A given name then the father's given name. */
        PATRONYMIC,
        /** A given name, then the father's and the grandfather's given names. */
        PATRONYMIC_CHAIN
    }

    /** A language spoken by this share of the people of this origin. */
    record Language(String code, int percent) {}
}
