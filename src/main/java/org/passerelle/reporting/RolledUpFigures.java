package org.passerelle.reporting;

import java.sql.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.passerelle.reporting.ReportViews.Figures;
import org.passerelle.reporting.ReportViews.SiteRef;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Figures read from the roll-ups: additive ones over whole months, distinct persons over a calendar year. */
final class RolledUpFigures {

    private RolledUpFigures() {}

    private record Cell(UUID siteId, String month, String[] values, long[] counts) {}

    static List<Figures> additive(
            JdbcClient jdbc,
            String source,
            List<Indicator> order,
            List<Indicator> indicators,
            List<SiteRef> sites,
            Period period) {
        List<Cell> cells = jdbc.sql("""
                        select site_id, to_char(month, 'YYYY-MM') as month, sex, age_group, discipline, visit, counts
                          from reporting.additive_month
                         where source = ? and site_id = any(?::uuid[]) and month between ? and ?
                        """)
                .params(
                        source,
                        ReportEngine.siteArray(sites),
                        period.from(),
                        period.to().withDayOfMonth(1))
                .query((rs, n) -> {
                    Array array = rs.getArray("counts");
                    Long[] counts = (Long[]) array.getArray();
                    long[] values = new long[counts.length];
                    for (int i = 0; i < counts.length; i++) {
                        values[i] = counts[i] == null ? 0 : counts[i];
                    }
                    return new Cell(
                            rs.getObject("site_id", UUID.class),
                            rs.getString("month"),
                            new String[] {
                                rs.getString("sex"),
                                rs.getString("age_group"),
                                rs.getString("discipline"),
                                rs.getString("visit")
                            },
                            values);
                })
                .list();
        Map<UUID, UUID> programmeOf = ReportEngine.programmes(sites);
        List<Figures> result = new ArrayList<>();
        for (Indicator indicator : indicators) {
            int position = order.indexOf(indicator);
            long total = 0;
            Map<Dimension, Map<String, Long>> by = ReportEngine.emptyBy(indicator);
            Map<String, Long> months = new TreeMap<>();
            for (Cell cell : cells) {
                long value = cell.counts()[position];
                if (value == 0) {
                    continue;
                }
                total += value;
                months.merge(cell.month(), value, Long::sum);
                for (Dimension d : indicator.disaggregations()) {
                    String category = switch (d) {
                        case SITE -> cell.siteId().toString();
                        case PROGRAMME -> String.valueOf(programmeOf.get(cell.siteId()));
                        case SEX -> Objects.requireNonNullElse(cell.values()[0], "unknown");
                        case AGE_GROUP -> Objects.requireNonNullElse(cell.values()[1], "unknown");
                        case DISCIPLINE -> Objects.requireNonNullElse(cell.values()[2], "unknown");
                        case VISIT -> Objects.requireNonNullElse(cell.values()[3], "unknown");
                    };
                    by.computeIfAbsent(d, k -> new TreeMap<>()).merge(category, value, Long::sum);
                }
            }
            result.add(new Figures(indicator.code(), total, by, months));
        }
        return result;
    }

    /**
     * Distinct persons over a calendar year or a month ({@code tallied}: 2025 or 2025-03), read from
     * the tallies of a programme or the organisation.
     */
    static List<Figures> tallied(
            JdbcClient jdbc,
            String source,
            List<Indicator> indicators,
            List<SiteRef> sites,
            String tallied,
            UUID scope) {
        record Tally(String indicator, String dimension, String category, long persons) {}
        List<Tally> tallies = jdbc.sql("""
                        select indicator, dimension, category, persons from reporting.person_tally
                         where source = :source and period = :period and scope = :scope and indicator = any(:codes)
                        """)
                .param("source", source)
                .param("period", tallied)
                .param("scope", scope)
                .param("codes", indicators.stream().map(Indicator::code).toArray(String[]::new))
                .query(Tally.class)
                .list();
        boolean singleProgramme = ReportEngine.singleProgramme(sites);
        List<Figures> result = new ArrayList<>();
        for (Indicator indicator : indicators) {
            long total = 0;
            Map<Dimension, Map<String, Long>> by = ReportEngine.emptyBy(indicator);
            Map<String, Long> months = new TreeMap<>();
            for (Tally tally : tallies) {
                if (!tally.indicator().equals(indicator.code()) || tally.persons() == 0) {
                    continue;
                }
                switch (tally.dimension()) {
                    case "TOTAL" -> total = tally.persons();
                    case "MONTH" -> months.put(tally.category(), tally.persons());
                    default -> {
                        Dimension dimension = Dimension.valueOf(tally.dimension());
                        if (indicator.disaggregations().contains(dimension)) {
                            by.computeIfAbsent(dimension, d -> new TreeMap<>()).put(tally.category(), tally.persons());
                        }
                    }
                }
            }
            if (singleProgramme && indicator.disaggregations().contains(Dimension.PROGRAMME) && total > 0) {
                by.put(
                        Dimension.PROGRAMME,
                        new TreeMap<>(Map.of(sites.getFirst().programmeId().toString(), total)));
            }
            result.add(new Figures(indicator.code(), total, by, months));
        }
        return result;
    }

    static List<Figures> persons(
            JdbcClient jdbc,
            String source,
            List<Indicator> order,
            List<Indicator> indicators,
            List<SiteRef> sites,
            Period period) {
        int year = period.from().getYear();
        boolean singleProgramme = ReportEngine.singleProgramme(sites);
        StringBuilder perPerson = new StringBuilder();
        StringBuilder select = new StringBuilder();
        for (Indicator indicator : indicators) {
            int k = order.indexOf(indicator) + 1;
            perPerson
                    .append(", min(ages[")
                    .append(k)
                    .append("]) as a")
                    .append(k)
                    .append(", bit_or(disciplines[")
                    .append(k)
                    .append("]) as d")
                    .append(k)
                    .append(", bit_or(months[")
                    .append(k)
                    .append("]) as m")
                    .append(k);
            String code = "'" + indicator.code() + "'";
            select.append(select.isEmpty() ? "" : " union all ")
                    .append("select ")
                    .append(code)
                    .append(" as code, 'TOTAL' as dim, null::text as category, count(*) as n")
                    .append(" from pp where m")
                    .append(k)
                    .append(" <> 0")
                    .append(" union all select ")
                    .append(code)
                    .append(", 'SEX', sex, count(*) from pp where m")
                    .append(k)
                    .append(" <> 0 group by sex")
                    .append(" union all select ")
                    .append(code)
                    .append(", 'AGE_GROUP', a")
                    .append(k)
                    .append(", count(*) from pp where m")
                    .append(k)
                    .append(" <> 0 group by a")
                    .append(k)
                    .append(" union all select ")
                    .append(code)
                    .append(", 'DISCIPLINE', d.name, count(*) from pp cross join unnest(")
                    .append(Rollups.DISCIPLINES)
                    .append(") with ordinality as d(name, n) where d")
                    .append(k)
                    .append(" & (1 << (d.n::int - 1)) <> 0 group by d.name")
                    .append(" union all select ")
                    .append(code)
                    .append(", 'MONTH', to_char(make_date(")
                    .append(year)
                    .append(", mo, 1), 'YYYY-MM'), count(*) from pp cross join generate_series(1, 12) as mo where m")
                    .append(k)
                    .append(" & (1 << (mo - 1)) <> 0 group by mo")
                    .append(" union all select ")
                    .append(code)
                    .append(", 'SITE', site_id::text, count(*) from p where months[")
                    .append(k)
                    .append("] <> 0 group by site_id")
                    .append(
                            singleProgramme
                                    ? ""
                                    : " union all select " + code
                                            + ", 'PROGRAMME', programme_id::text, count(*) from (select distinct programme_id, person_key"
                                            + " from p where months[" + k + "] <> 0) d group by programme_id");
        }
        String sql =
                "with p as materialized (select y.person_key, y.site_id, s.programme_id, y.sex, y.ages, y.disciplines, y.months"
                        + " from reporting.person_year y join unnest(?::uuid[], ?::uuid[]) as s(site_id, programme_id) on s.site_id = y.site_id"
                        + " where y.source = ? and y.year = ? and y.site_id = any(?::uuid[])),"
                        + " pp as materialized (select person_key, min(sex) as sex" + perPerson
                        + " from p group by person_key) "
                        + select;
        List<Object[]> rows = jdbc.sql(sql)
                .params(
                        ReportEngine.siteArray(sites),
                        ReportEngine.programmeArray(sites),
                        source,
                        year,
                        ReportEngine.siteArray(sites))
                .query((rs, n) -> new Object[] {
                    rs.getString("code"), rs.getString("dim"), rs.getString("category"), rs.getLong("n")
                })
                .list();
        List<Figures> result = new ArrayList<>();
        for (Indicator indicator : indicators) {
            long total = 0;
            Map<Dimension, Map<String, Long>> by = ReportEngine.emptyBy(indicator);
            Map<String, Long> months = new TreeMap<>();
            for (Object[] row : rows) {
                if (!indicator.code().equals(row[0])) {
                    continue;
                }
                String dim = (String) row[1];
                String category = row[2] == null ? "unknown" : (String) row[2];
                long value = (Long) row[3];
                if (dim.equals("TOTAL")) {
                    total = value;
                } else if (dim.equals("MONTH")) {
                    months.put(category, value);
                } else if (indicator.disaggregations().contains(Dimension.valueOf(dim))) {
                    by.computeIfAbsent(Dimension.valueOf(dim), d -> new TreeMap<>())
                            .merge(category, value, Long::sum);
                }
            }
            if (singleProgramme && indicator.disaggregations().contains(Dimension.PROGRAMME)) {
                by.put(
                        Dimension.PROGRAMME,
                        new TreeMap<>(Map.of(sites.getFirst().programmeId().toString(), total)));
            }
            by.values().forEach(m -> m.values().removeIf(v -> v == 0));
            result.add(new Figures(indicator.code(), total, by, months));
        }
        return result;
    }
}
