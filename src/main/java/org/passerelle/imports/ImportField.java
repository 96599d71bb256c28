package org.passerelle.imports;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A field of the registry a column of the file may hold, with the header names (French and
 * English, folded: lower case, no accents, words joined by single spaces) it is guessed from.
 */
public enum ImportField {
    /** The name the person uses, whole, when the file has no separate given and family names. */
    FULL_NAME("nom complet", "nom et prenom", "nom prenom", "full name", "name", "chosen name", "nom usuel"),
    GIVEN_NAME("prenom", "prenoms", "given name", "first name", "firstname", "forename"),
    FAMILY_NAME("nom", "nom de famille", "family name", "last name", "lastname", "surname"),
    /** Other names, aliases or spellings, separated by a semicolon or a slash. */
    OTHER_NAMES("alias", "aliases", "autres noms", "other names", "surnom", "nickname", "autre orthographe"),
    /** The name in its original script (Arabic, Tigrinya...). */
    ORIGINAL_SCRIPT_NAME("nom en arabe", "nom ecriture d origine", "original script", "name in arabic", "nom arabe"),
    SEX("sexe", "sex", "genre", "gender"),
    /** A birth date: a day, a month (MM/YYYY) or a year alone, each kept with its precision. */
    BIRTH_DATE("date de naissance", "naissance", "date naissance", "ddn", "birth date", "date of birth", "dob"),
    BIRTH_YEAR("annee de naissance", "annee naissance", "birth year", "year of birth"),
    /** An age in years estimated on the day of the import, when no birth date is known. */
    AGE("age", "age estime", "estimated age", "age declare"),
    PHONE("telephone", "tel", "portable", "phone", "mobile", "phone number", "numero de telephone"),
    /** Languages as ISO 639 codes or names, separated by commas, semicolons or slashes. */
    LANGUAGES("langues", "langue", "languages", "language", "langues parlees", "spoken languages"),
    /** The country of origin as an ISO 3166 code or its name in French or English. */
    COUNTRY_OF_ORIGIN("pays d origine", "pays", "nationalite", "country of origin", "country", "nationality"),
    /** The name of the site the person was registered at; the importer's site when empty. */
    SITE("site", "lieu", "structure", "centre", "center", "site name"),
    /** Whether the person is an unaccompanied minor (yes/no, oui/non, 1/0). */
    UNACCOMPANIED_MINOR("mna", "mineur non accompagne", "unaccompanied minor", "uasc");

    private final List<String> headers;

    ImportField(String... headers) {
        this.headers = List.of(headers);
    }

    /** The field a column is likely to hold, from its header, if any. */
    public static Optional<ImportField> guess(String header) {
        String folded = fold(header);
        for (ImportField field : values()) {
            if (field.headers.contains(folded)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** Lower case, no accents, words of letters and digits joined by single spaces. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
