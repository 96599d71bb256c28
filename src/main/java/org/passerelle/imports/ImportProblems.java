package org.passerelle.imports;

import java.util.Map;
import org.passerelle.platform.DomainException;

/**
 * The codes of the failures of a bulk import and of the reasons a row is refused, each with a
 * message {@code problem.<code>} in each language of {@code messages*.properties}. A refused
 * upload, mapping or import changes nothing.
 */
public final class ImportProblems {

    /** Neither a CSV file nor an XLSX workbook. */
    public static final String FILE_TYPE = "import-file-type";

    /** No header, or a header and no row. */
    public static final String FILE_EMPTY = "import-file-empty";

    public static final String TOO_MANY_ROWS = "import-too-many-rows";

    /** The mapping names a column the file does not have. */
    public static final String UNKNOWN_COLUMN = "import-unknown-column";

    /** The mapping gives no column for the person's name. */
    public static final String NAME_NOT_MAPPED = "import-name-not-mapped";

    /** The import has already run, or is running. */
    public static final String ALREADY_RUN = "import-already-run";

    /** Linking a row to a person who was not found likely to be them. */
    public static final String LINK_NOT_PROPOSED = "import-link-not-proposed";

    /** Rows are refused with these codes, or the people module's birth-date codes. */
    public static final String ROW_NAME_MISSING = "import-row-name-missing";

    public static final String ROW_NAME_INVALID = "import-row-name-invalid";
    public static final String ROW_SEX_UNKNOWN = "import-row-sex-unknown";
    public static final String ROW_BIRTH_DATE_INVALID = "import-row-birth-date-invalid";
    public static final String ROW_AGE_INVALID = "import-row-age-invalid";
    public static final String ROW_PHONE_INVALID = "import-row-phone-invalid";
    public static final String ROW_LANGUAGE_UNKNOWN = "import-row-language-unknown";
    public static final String ROW_COUNTRY_UNKNOWN = "import-row-country-unknown";
    public static final String ROW_SITE_UNKNOWN = "import-row-site-unknown";
    public static final String ROW_YES_NO_INVALID = "import-row-yes-no-invalid";

    private ImportProblems() {}

    static DomainException fileType() {
        return DomainException.invalid(FILE_TYPE);
    }

    static DomainException fileEmpty() {
        return DomainException.invalid(FILE_EMPTY);
    }

    static DomainException tooManyRows(int most) {
        return new ImportException(DomainException.Kind.INVALID, TOO_MANY_ROWS, Map.of("most", most));
    }

    static DomainException unknownColumn(String field) {
        return DomainException.invalidField(field, UNKNOWN_COLUMN);
    }

    static DomainException nameNotMapped() {
        return DomainException.invalidField("columns", NAME_NOT_MAPPED);
    }

    static DomainException alreadyRun() {
        return DomainException.conflict(ALREADY_RUN);
    }

    static DomainException linkNotProposed(String field) {
        return DomainException.invalidField(field, LINK_NOT_PROPOSED);
    }

    /** A failure with details of its own. */
    private static final class ImportException extends DomainException {
        ImportException(Kind kind, String code, Map<String, Object> details) {
            super(kind, code, details);
        }
    }
}
