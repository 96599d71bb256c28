package org.passerelle.outbreaks;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.passerelle.outbreaks.OutbreakViews.ClinicalFields;
import org.passerelle.outbreaks.OutbreakViews.Disease;
import org.passerelle.platform.DomainException;

/**
 * The rules a case meets whether recorded or changed: a classification the module knows, no date
 * after today, an onset no later than the outcome, an outcome date only with an outcome, a severity
 * the disease grades, and coordinates on the globe, both or neither.
 */
final class CaseRules {

    static final Set<String> SEXES = Set.of("FEMALE", "MALE", "OTHER", "UNKNOWN");
    static final Set<String> AGE_GROUPS = Set.of("00-04", "05-14", "15-17", "18+", "unknown");
    private static final Set<String> RAPID_TESTS = Set.of("POSITIVE", "NEGATIVE", "NOT_DONE");
    private static final Set<String> LAB_RESULTS = Set.of("POSITIVE", "NEGATIVE", "PENDING", "NOT_DONE");
    private static final Set<String> OUTCOMES = Set.of("IN_CARE", "RECOVERED", "DIED", "TRANSFERRED", "LEFT");

    private CaseRules() {}

    static void check(Disease disease, ClinicalFields fields, LocalDate today) {
        if (!Diseases.CLASSIFICATIONS.contains(fields.classification())) {
            throw OutbreakProblems.unknownClassification();
        }
        notAfter(fields.onsetOn(), today, "onsetOn");
        notAfter(fields.admittedOn(), today, "admittedOn");
        notAfter(fields.outcomeOn(), today, "outcomeOn");
        if (fields.outcomeOn() != null) {
            if (fields.outcome() == null) {
                throw OutbreakProblems.outcomeDateWithoutOutcome();
            }
            if (fields.onsetOn().isAfter(fields.outcomeOn())) {
                throw OutbreakProblems.onsetAfter("onsetOn");
            }
        }
        oneOf(fields.rapidTest(), RAPID_TESTS, "rapidTest");
        oneOf(fields.labResult(), LAB_RESULTS, "labResult");
        oneOf(fields.outcome(), OUTCOMES, "outcome");
        if (fields.severity() != null && !disease.grades(fields.severity())) {
            throw OutbreakProblems.unknownSeverity();
        }
        coordinates(fields.latitude(), fields.longitude());
    }

    /** Latitude and longitude both given, within the globe, or both absent. */
    static void coordinates(@Nullable Double latitude, @Nullable Double longitude) {
        if ((latitude == null) != (longitude == null)) {
            throw OutbreakProblems.coordinatesOutOfRange(latitude == null ? "latitude" : "longitude");
        }
        if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
            throw OutbreakProblems.coordinatesOutOfRange("latitude");
        }
        if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
            throw OutbreakProblems.coordinatesOutOfRange("longitude");
        }
    }

    /** The age group of an age in years, as reporting splits them. */
    static String ageGroup(@Nullable Integer ageYears, @Nullable String given) {
        if (ageYears == null) {
            String group = given == null ? "unknown" : given;
            oneOf(group, AGE_GROUPS, "ageGroup");
            return group;
        }
        if (ageYears < 0 || ageYears > 120) {
            throw DomainException.outOfRange("ageYears");
        }
        return ageYears < 5 ? "00-04" : ageYears < 15 ? "05-14" : ageYears < 18 ? "15-17" : "18+";
    }

    static void oneOf(@Nullable String value, Set<String> allowed, String field) {
        if (value != null && !allowed.contains(value)) {
            throw DomainException.invalidInput(field);
        }
    }

    private static void notAfter(@Nullable LocalDate date, LocalDate today, String field) {
        if (date != null && date.isAfter(today)) {
            throw OutbreakProblems.dateInFuture(field);
        }
    }
}
