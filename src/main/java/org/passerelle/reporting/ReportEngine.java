package org.passerelle.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.passerelle.reporting.ReportViews.Figures;
import org.passerelle.reporting.ReportViews.SiteRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes indicators' figures with one pass over each fact relation for the additive measures
 * (rows, head counts: every disaggregation is summed from the same cells) and one query per fact
 * relation for distinct persons (each person counted once in a category, sex and age group taken
 * once per person: age at their first fact of the period).
 */
@Component
class ReportEngine {

    private final JdbcClient jdbc;
    private final Rollups rollups;

    ReportEngine(JdbcClient jdbc, Rollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    List<Figures> compute(List<Indicator> indicators, List<SiteRef> sites, Period period) {
        Map<String, Figures> figures = new HashMap<>();
        Map<String, List<Indicator>> bySource = indicators.stream()
                .collect(Collectors.groupingBy(Indicator::source, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Indicator>> source : bySource.entrySet()) {
            List<Indicator> additive = source.getValue().stream()
                    .filter(i -> i.measure() != Measure.PERSONS)
                    .toList();
            List<Indicator> persons = source.getValue().stream()
                    .filter(i -> i.measure() == Measure.PERSONS)
                    .toList();
            boolean rolledUp = rollups.covers(source.getKey());
            if (!additive.isEmpty()) {
                (rolledUp && wholeMonths(period)
                                ? RolledUpFigures.additive(
                                        jdbc,
                                        source.getKey(),
                                        rollups.additive(source.getKey()),
                                        additive,
                                        sites,
                                        period)
                                : additive(source.getKey(), additive, sites, period))
                        .forEach(f -> figures.put(f.code(), f));
            }
            if (!persons.isEmpty()) {
                Optional<String> tallied = rolledUp ? tallied(period) : Optional.empty();
                Optional<UUID> scope = tallied.isPresent() ? rollups.tallyScope(sites) : Optional.empty();
                (scope.isPresent() && tallied.isPresent()
                                ? RolledUpFigures.tallied(
                                        jdbc, source.getKey(), persons, sites, tallied.get(), scope.get())
                                : rolledUp && calendarYear(period)
                                        ? RolledUpFigures.persons(
                                                jdbc,
                                                source.getKey(),
                                                rollups.persons(source.getKey()),
                                                persons,
                                                sites,
                                                period)
                                        : persons(source.getKey(), persons, sites, period))
                        .forEach(f -> figures.put(f.code(), f));
            }
        }
        return indicators.stream()
                .map(i -> Objects.requireNonNull(figures.get(i.code())))
                .toList();
    }

    /** A fine cell of the additive query: site and dimension values, then one sum per indicator. */
    private record Cell(boolean monthly, String month, UUID siteId, Map<Dimension, String> values, long[] sums) {}

    private List<Figures> additive(String source, List<Indicator> indicators, List<SiteRef> sites, Period period) {
        List<Dimension> columns = columnDimensions(indicators);
        String dims = columns.stream().map(d -> "f." + d.column()).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("select grouping(to_char(f.occurred_on, 'YYYY-MM')) as by_site,"
                + " to_char(f.occurred_on, 'YYYY-MM') as month, f.site_id");
        columns.forEach(
                d -> sql.append(", f.").append(d.column()).append("::text as ").append(d.column()));
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            String what = indicator.measure() == Measure.ATTENDEES ? "sum(f.attendees)" : "count(*)";
            sql.append(", coalesce(")
                    .append(what)
                    .append(" filter (where ")
                    .append(indicator.filter())
                    .append("), 0) as m")
                    .append(i);
        }
        sql.append(" from ")
                .append(source)
                .append(" f where f.site_id = any(?::uuid[]) and f.occurred_on between ? and ?")
                .append(" group by grouping sets ((f.site_id")
                .append(dims.isEmpty() ? "" : ", " + dims)
                .append("), (to_char(f.occurred_on, 'YYYY-MM'), f.site_id))");
        List<Cell> cells = jdbc.sql(sql.toString())
                .params(siteArray(sites), period.from(), period.to())
                .query((rs, row) -> cell(rs, columns, indicators.size()))
                .list();
        Map<UUID, UUID> programmeOf = programmes(sites);
        List<Figures> result = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            long total = 0;
            Map<Dimension, Map<String, Long>> by = emptyBy(indicator);
            Map<String, Long> months = new TreeMap<>();
            for (Cell cell : cells) {
                long value = cell.sums()[i];
                if (cell.monthly()) {
                    months.merge(cell.month(), value, Long::sum);
                    continue;
                }
                total += value;
                for (Dimension d : indicator.disaggregations()) {
                    String category = switch (d) {
                        case SITE -> cell.siteId().toString();
                        case PROGRAMME -> String.valueOf(programmeOf.get(cell.siteId()));
                        default -> cell.values().get(d);
                    };
                    by.computeIfAbsent(d, k -> new TreeMap<>()).merge(category, value, Long::sum);
                }
            }
            by.values().forEach(m -> m.values().removeIf(v -> v == 0));
            months.values().removeIf(v -> v == 0);
            result.add(new Figures(indicator.code(), total, by, months));
        }
        return result;
    }

    private static Cell cell(ResultSet rs, List<Dimension> columns, int measures) throws SQLException {
        boolean monthly = rs.getInt("by_site") == 0;
        Map<Dimension, String> values = new EnumMap<>(Dimension.class);
        if (!monthly) {
            for (Dimension d : columns) {
                String value = rs.getString(d.column());
                values.put(d, value == null ? "unknown" : value);
            }
        }
        long[] sums = new long[measures];
        for (int i = 0; i < measures; i++) {
            sums[i] = rs.getLong("m" + i);
        }
        String month = monthly ? rs.getString("month") : "";
        return new Cell(monthly, month, rs.getObject("site_id", UUID.class), values, sums);
    }

    private List<Figures> persons(String source, List<Indicator> indicators, List<SiteRef> sites, Period period) {
        Set<Dimension> wanted = EnumSet.noneOf(Dimension.class);
        indicators.forEach(i -> wanted.addAll(i.disaggregations()));
        StringBuilder in = new StringBuilder();
        StringBuilder perPerson = new StringBuilder();
        StringBuilder counts = new StringBuilder();
        for (int i = 0; i < indicators.size(); i++) {
            in.append(", (")
                    .append(indicators.get(i).filter())
                    .append(") as in")
                    .append(i);
            perPerson.append(", bool_or(in").append(i).append(") as in").append(i);
            counts.append(", count(*) filter (where in")
                    .append(i)
                    .append(") as m")
                    .append(i);
        }
        String anyFilter = indicators.stream().map(i -> "(" + i.filter() + ")").collect(Collectors.joining(" or "));
        StringBuilder sql = new StringBuilder("with scoped as materialized (select f.person_key, f.site_id,"
                + " s.programme_id, to_char(f.occurred_on, 'YYYY-MM') as month");
        for (Dimension d : List.of(Dimension.SEX, Dimension.AGE_GROUP, Dimension.DISCIPLINE)) {
            sql.append(wanted.contains(d) ? ", f." + d.column() + "::text as " + d.column() : "");
        }
        sql.append(in)
                .append(" from ")
                .append(source)
                .append(" f join unnest(?::uuid[], ?::uuid[]) as s(site_id, programme_id) on s.site_id = f.site_id")
                .append(" where f.site_id = any(?::uuid[]) and f.occurred_on between ? and ?")
                .append(" and f.person_key is not null and (")
                .append(anyFilter)
                .append("))");
        // person-level: one row per person, then total, sex and age group (at the first fact)
        String personColumns = (wanted.contains(Dimension.SEX) ? ", min(sex) as sex" : ", null::text as sex")
                + (wanted.contains(Dimension.AGE_GROUP)
                        ? ", min(age_group) as age_group"
                        : ", null::text as age_group");
        sql.append(" select case when grouping(sex) = 0 then 'SEX' when grouping(age_group) = 0 then 'AGE_GROUP'")
                .append(" else 'TOTAL' end as dim, coalesce(sex, age_group) as category")
                .append(counts)
                .append(" from (select person_key")
                .append(personColumns)
                .append(perPerson)
                .append(" from scoped group by person_key) p group by grouping sets ((), (sex), (age_group))");
        // fact-level: a person counts once in each category they were seen in
        boolean singleProgramme = singleProgramme(sites);
        for (String column : List.of("site_id", "programme_id", "discipline", "month")) {
            if ((column.equals("discipline") && !wanted.contains(Dimension.DISCIPLINE))
                    || (column.equals("programme_id") && singleProgramme)) {
                continue;
            }
            String dim = switch (column) {
                case "site_id" -> "SITE";
                case "programme_id" -> "PROGRAMME";
                case "discipline" -> "DISCIPLINE";
                default -> "MONTH";
            };
            sql.append(" union all select '")
                    .append(dim)
                    .append("', category::text")
                    .append(counts)
                    .append(" from (select ")
                    .append(column)
                    .append(" as category")
                    .append(perPerson)
                    .append(" from scoped group by ")
                    .append(column)
                    .append(", person_key) x group by category");
        }
        List<Object[]> rows = jdbc.sql(sql.toString())
                .params(siteArray(sites), programmeArray(sites), siteArray(sites), period.from(), period.to())
                .query((rs, n) -> {
                    Object[] row = new Object[2 + indicators.size()];
                    row[0] = rs.getString("dim");
                    row[1] = rs.getString("category");
                    for (int i = 0; i < indicators.size(); i++) {
                        row[2 + i] = rs.getLong("m" + i);
                    }
                    return row;
                })
                .list();
        List<Figures> result = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            long total = 0;
            Map<Dimension, Map<String, Long>> by = emptyBy(indicator);
            Map<String, Long> months = new TreeMap<>();
            for (Object[] row : rows) {
                long value = (Long) row[2 + i];
                String dim = (String) row[0];
                String category = row[1] == null ? "unknown" : (String) row[1];
                if (dim.equals("TOTAL")) {
                    total = value;
                } else if (dim.equals("MONTH")) {
                    months.put(category, value);
                } else if (by.containsKey(Dimension.valueOf(dim))) {
                    by.computeIfAbsent(Dimension.valueOf(dim), k -> new TreeMap<>())
                            .merge(category, value, Long::sum);
                }
            }
            if (singleProgramme && indicator.disaggregations().contains(Dimension.PROGRAMME)) {
                by.put(
                        Dimension.PROGRAMME,
                        new TreeMap<>(Map.of(sites.getFirst().programmeId().toString(), total)));
            }
            by.values().forEach(m -> m.values().removeIf(v -> v == 0));
            months.values().removeIf(v -> v == 0);
            result.add(new Figures(indicator.code(), total, by, months));
        }
        return result;
    }

    /** Whether the sites are all of one programme: then a person counts once in it, as in the total. */
    static boolean singleProgramme(List<SiteRef> sites) {
        return sites.stream().map(SiteRef::programmeId).distinct().count() == 1;
    }

    static boolean wholeMonths(Period period) {
        return period.from().getDayOfMonth() == 1
                && period.to().equals(period.to().withDayOfMonth(period.to().lengthOfMonth()));
    }

    /** How the tallies name the period when they keep it: a year (2025), a quarter (2025-Q1), a month (2025-03). */
    static Optional<String> tallied(Period period) {
        if (calendarYear(period)) {
            return Optional.of(String.valueOf(period.from().getYear()));
        }
        if (!wholeMonths(period)) {
            return Optional.empty();
        }
        YearMonth first = YearMonth.from(period.from());
        YearMonth last = YearMonth.from(period.to());
        if (first.equals(last)) {
            return Optional.of(first.toString());
        }
        if ((first.getMonthValue() - 1) % 3 == 0 && last.equals(first.plusMonths(2))) {
            return Optional.of(first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1));
        }
        return Optional.empty();
    }

    static boolean calendarYear(Period period) {
        return period.from().getDayOfYear() == 1
                && period.to().equals(period.from().withDayOfYear(period.from().lengthOfYear()));
    }

    static Map<Dimension, Map<String, Long>> emptyBy(Indicator indicator) {
        Map<Dimension, Map<String, Long>> by = new EnumMap<>(Dimension.class);
        indicator.disaggregations().forEach(d -> by.put(d, new TreeMap<>()));
        return by;
    }

    private static List<Dimension> columnDimensions(List<Indicator> indicators) {
        Set<Dimension> dims = EnumSet.noneOf(Dimension.class);
        indicators.forEach(i ->
                i.disaggregations().stream().filter(d -> d.column() != null).forEach(dims::add));
        return List.copyOf(dims);
    }

    static Map<UUID, UUID> programmes(List<SiteRef> sites) {
        return sites.stream().collect(Collectors.toMap(SiteRef::id, SiteRef::programmeId, (a, b) -> a));
    }

    static String siteArray(List<SiteRef> sites) {
        return sites.stream().map(s -> s.id().toString()).collect(Collectors.joining(",", "{", "}"));
    }

    static String programmeArray(List<SiteRef> sites) {
        return sites.stream().map(s -> s.programmeId().toString()).collect(Collectors.joining(",", "{", "}"));
    }
}
