package org.passerelle.reporting;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every
 * code has a message {@code problem.<code>} in each language of {@code messages*.properties}.
 */
public final class ReportingProblems {

    public static final String BAD_DHIS2_MAPPING = "bad-dhis2-mapping";

    public static final String BAD_EXPORT_FORMAT = "bad-export-format";

    public static final String BAD_LANGUAGE = "bad-language";

    public static final String BAD_PERIOD = "bad-period";

    public static final String BAD_REPORT_TABLE = "bad-report-table";

    public static final String DHIS2_BAD_ANSWER = "dhis2-bad-answer";

    public static final String DHIS2_NOT_CONFIGURED = "dhis2-not-configured";

    public static final String DHIS2_REFUSED_CREDENTIALS = "dhis2-refused-credentials";

    public static final String DHIS2_UNREACHABLE = "dhis2-unreachable";

    public static final String REPORT_OUT_OF_SCOPE = "report-out-of-scope";

    private ReportingProblems() {}

    /** A DHIS2 mapping row names an unknown indicator, disaggregation, category or site, or appears twice. */
    static DomainException badDhis2Mapping(String field) {
        return DomainException.invalidField(field, BAD_DHIS2_MAPPING);
    }

    /** An export is asked in a format other than CSV or XLSX. */
    static DomainException badExportFormat() {
        return DomainException.invalidField("format", BAD_EXPORT_FORMAT);
    }

    /** A report is asked in a language other than French, English or Arabic. */
    static DomainException badLanguage() {
        return DomainException.invalidField("language", BAD_LANGUAGE);
    }

    /** A report's period cannot be read, is reversed or too long, or is not one DHIS2 takes. */
    static DomainException badPeriod(String field) {
        return DomainException.invalidField(field, BAD_PERIOD);
    }

    /** A report table is asked that the report does not have. */
    static DomainException badReportTable() {
        return DomainException.invalidField("table", BAD_REPORT_TABLE);
    }

    /** The DHIS2 server answers with something other than an import summary. */
    static DomainException dhis2BadAnswer() {
        return DomainException.invalid(DHIS2_BAD_ANSWER);
    }

    /** An exchange with DHIS2 is asked before its server, user and password are set. */
    static DomainException dhis2NotConfigured() {
        return DomainException.invalid(DHIS2_NOT_CONFIGURED);
    }

    /** The DHIS2 server refuses the configured user name or password. */
    static DomainException dhis2RefusedCredentials() {
        return DomainException.invalid(DHIS2_REFUSED_CREDENTIALS);
    }

    /** The DHIS2 server does not answer. */
    static DomainException dhis2Unreachable() {
        return DomainException.invalid(DHIS2_UNREACHABLE);
    }

    /** A user asks for a report on a site or programme outside their scope. */
    static DomainException reportOutOfScope() {
        return DomainException.forbidden(REPORT_OUT_OF_SCOPE);
    }
}
