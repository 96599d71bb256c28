package org.passerelle.reporting;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A reporting period: a month ({@code 2026-03}), a quarter ({@code 2026-Q1}), a year ({@code
 * 2026}) or custom dates, both included.
 *
 * @param code the code it was given by, or {@code from/to} for custom dates
 */
public record Period(Kind kind, String code, LocalDate from, LocalDate to) {

    public enum Kind {
        MONTH,
        QUARTER,
        YEAR,
        CUSTOM
    }

    /** The longest custom period: ten years. */
    static final long MAX_DAYS = 3660;

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    /** The period named by {@code code}, or the custom dates {@code from} to {@code to}; refuses anything else. */
    public static Period of(@Nullable String code, @Nullable LocalDate from, @Nullable LocalDate to) {
        if (code != null && !code.isBlank()) {
            return parse(code.strip()).orElseThrow(() -> ReportingProblems.badPeriod("period"));
        }
        if (from == null || to == null) {
            throw ReportingProblems.badPeriod("period");
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw ReportingProblems.badPeriod("to");
        }
        return new Period(Kind.CUSTOM, from + "/" + to, from, to);
    }

    static Optional<Period> parse(String code) {
        try {
            Matcher m = YEAR.matcher(code);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                return Optional.of(new Period(Kind.YEAR, code, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            }
            m = QUARTER.matcher(code);
            if (m.matches()) {
                YearMonth first = YearMonth.of(Integer.parseInt(m.group(1)), 3 * Integer.parseInt(m.group(2)) - 2);
                return Optional.of(new Period(
                        Kind.QUARTER, code, first.atDay(1), first.plusMonths(2).atEndOfMonth()));
            }
            m = MONTH.matcher(code);
            if (m.matches()) {
                YearMonth month = YearMonth.parse(code);
                return Optional.of(new Period(Kind.MONTH, code, month.atDay(1), month.atEndOfMonth()));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The period as DHIS2 names it ({@code 202603}, {@code 2026Q1}, {@code 2026}); none for custom dates. */
    public Optional<String> dhis2() {
        return switch (kind) {
            case MONTH -> Optional.of(code.replace("-", ""));
            case QUARTER -> Optional.of(code.replace("-", ""));
            case YEAR -> Optional.of(code);
            case CUSTOM -> Optional.empty();
        };
    }

    /** The period as ADX names it: its first day and ISO 8601 duration ({@code 2026-03-01/P1M}). */
    public String adx() {
        return switch (kind) {
            case MONTH -> from + "/P1M";
            case QUARTER -> from + "/P3M";
            case YEAR -> from + "/P1Y";
            case CUSTOM -> from + "/P" + (ChronoUnit.DAYS.between(from, to) + 1) + "D";
        };
    }
}
