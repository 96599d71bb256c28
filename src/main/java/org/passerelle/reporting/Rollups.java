package org.passerelle.reporting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The roll-ups of reporting's own facts: additive figures per site, month and disaggregation cell
 * ({@code additive_month}), and each person's facts per site and calendar year ({@code
 * person_year}) for distinct persons over a year. They are rebuilt from the facts for the site-months
 * and persons a change touched, in the same transaction, so they are exactly as right as the facts.
 * Indicators over other modules' sources are counted from the source itself.
 */
@Component
class Rollups {

    static final Set<String> SOURCES = Set.of("reporting.encounter_fact", "reporting.registration_fact");
    static final String DISCIPLINES = "array['MEDICAL','NURSING','MENTAL_HEALTH','SOCIAL','LEGAL']";

    /** A site and the first day of a month. */
    record SiteMonth(UUID siteId, LocalDate month) {}

    private final JdbcClient jdbc;
    private final IndicatorCatalogue catalogue;

    Rollups(JdbcClient jdbc, IndicatorCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    boolean covers(String source) {
        return SOURCES.contains(source);
    }

    /** The additive indicators of a source, in the order of the roll-up's counts. */
    List<Indicator> additive(String source) {
        return catalogue.all().stream()
                .filter(i -> i.source().equals(source) && i.measure() != Measure.PERSONS)
                .toList();
    }

    /** The indicators of a source counting persons, in the order of the roll-up's arrays. */
    List<Indicator> persons(String source) {
        return catalogue.all().stream()
                .filter(i -> i.source().equals(source) && i.measure() == Measure.PERSONS)
                .toList();
    }

    /** Rebuilds the roll-ups when the catalogue changed since they were built. */
    void rebuildIfCatalogueChanged() {
        long signature = catalogue.all().stream()
                .filter(i -> covers(i.source()))
                .map(i -> i.code() + i.source() + i.measure() + i.filter() + i.disaggregations())
                .collect(Collectors.joining("|"))
                .hashCode();
        long stored = jdbc.sql("select last_seq from reporting.refresh_state where source = 'catalogue'")
                .query(Long.class)
                .single();
        if (stored != signature) {
            rebuildAll();
            jdbc.sql("update reporting.refresh_state set last_seq = ? where source = 'catalogue'")
                    .param(signature)
                    .update();
        }
    }

    void rebuildAll() {
        jdbc.sql("truncate reporting.additive_month, reporting.person_year").update();
        for (String source : SOURCES) {
            // written in the order reports read them, so that a programme's year is on few pages
            if (!additive(source).isEmpty()) {
                jdbc.sql(additiveInsert(source, "true") + " order by 2, 3").update();
            }
            if (!persons(source).isEmpty()) {
                jdbc.sql(personInsert(source, "true") + " order by 3, 4").update();
            }
        }
        jdbc.sql("analyze reporting.additive_month").update();
        jdbc.sql("analyze reporting.person_year").update();
    }

    /** The site-months of a source's facts of these consultations or persons. */
    List<SiteMonth> siteMonths(String source, String encounterIds, String personKeys) {
        String select = "select distinct site_id, date_trunc('month', occurred_on)::date as month from " + source;
        if (source.equals("reporting.encounter_fact")) {
            return jdbc.sql(select + " where encounter_id = any(?::uuid[]) or person_key = any(?::uuid[])")
                    .params(encounterIds, personKeys)
                    .query(SiteMonth.class)
                    .list();
        }
        return jdbc.sql(select + " where person_key = any(?::uuid[])")
                .param(personKeys)
                .query(SiteMonth.class)
                .list();
    }

    void refreshSiteMonths(String source, Collection<SiteMonth> siteMonths) {
        if (siteMonths.isEmpty() || additive(source).isEmpty()) {
            return;
        }
        String sites = siteMonths.stream().map(s -> s.siteId().toString()).collect(Collectors.joining(",", "{", "}"));
        String months = siteMonths.stream().map(s -> s.month().toString()).collect(Collectors.joining(",", "{", "}"));
        jdbc.sql("delete from reporting.additive_month a using unnest(?::uuid[], ?::date[]) as sm(site_id, month)"
                        + " where a.source = ? and a.site_id = sm.site_id and a.month = sm.month")
                .params(sites, months, source)
                .update();
        jdbc.sql(additiveInsert(
                        source,
                        "exists (select 1 from unnest(:sites::uuid[], :months::date[]) as sm(site_id, month)"
                                + " where sm.site_id = f.site_id and f.occurred_on >= sm.month"
                                + " and f.occurred_on < sm.month + interval '1 month')"))
                .param("sites", sites)
                .param("months", months)
                .update();
    }

    void refreshPersons(String personKeys) {
        jdbc.sql("delete from reporting.person_year where person_key = any(?::uuid[])")
                .param(personKeys)
                .update();
        for (String source : SOURCES) {
            if (!persons(source).isEmpty()) {
                jdbc.sql(personInsert(source, "f.person_key = any(:persons::uuid[])"))
                        .param("persons", personKeys)
                        .update();
            }
        }
    }

    private String additiveInsert(String source, String condition) {
        List<Indicator> indicators = additive(source);
        EnumSet<Dimension> dims = EnumSet.noneOf(Dimension.class);
        indicators.forEach(i -> dims.addAll(i.disaggregations()));
        String counts = indicators.stream()
                .map(i -> (i.measure() == Measure.ATTENDEES ? "coalesce(sum(f.attendees)" : "coalesce(count(*)")
                        + " filter (where " + i.filter() + "), 0)")
                .collect(Collectors.joining(", "));
        return "insert into reporting.additive_month (source, site_id, month, sex, age_group, discipline, visit, counts)"
                + " select '" + source + "', f.site_id, date_trunc('month', f.occurred_on)::date, "
                + column(dims, Dimension.SEX) + ", " + column(dims, Dimension.AGE_GROUP) + ", "
                + column(dims, Dimension.DISCIPLINE) + ", " + column(dims, Dimension.VISIT) + ", array[" + counts
                + "]::bigint[] from " + source + " f where " + condition + " group by 1, 2, 3, 4, 5, 6, 7";
    }

    private String personInsert(String source, String condition) {
        List<Indicator> indicators = persons(source);
        boolean hasDiscipline =
                indicators.stream().anyMatch(i -> i.disaggregations().contains(Dimension.DISCIPLINE));
        String disciplineBit = hasDiscipline
                ? "(1 << (coalesce(array_position(" + DISCIPLINES + ", f.discipline::text), 1) - 1))"
                : "0";
        String ages = each(indicators, i -> "min(f.age_group::text) filter (where " + i.filter() + ")");
        String disciplines =
                each(indicators, i -> "coalesce(bit_or(" + disciplineBit + ") filter (where " + i.filter() + "), 0)");
        String months = each(
                indicators,
                i -> "coalesce(bit_or(1 << (extract(month from f.occurred_on)::int - 1)) filter (where " + i.filter()
                        + "), 0)");
        String any = indicators.stream().map(i -> "(" + i.filter() + ")").collect(Collectors.joining(" or "));
        return "insert into reporting.person_year (source, person_key, site_id, year, sex, ages, disciplines, months)"
                + " select '" + source
                + "', f.person_key, f.site_id, extract(year from f.occurred_on)::int, min(f.sex::text),"
                + " array[" + ages + "]::text[], array[" + disciplines + "]::int[], array[" + months + "]::int[]"
                + " from " + source + " f where f.person_key is not null and (" + condition + ")"
                + " group by f.person_key, f.site_id, 4 having bool_or(" + any + ")";
    }

    private static String each(List<Indicator> indicators, java.util.function.Function<Indicator, String> sql) {
        return IntStream.range(0, indicators.size())
                .mapToObj(n -> sql.apply(indicators.get(n)))
                .collect(Collectors.joining(", "));
    }

    private static String column(Set<Dimension> dims, Dimension dimension) {
        return dims.contains(dimension) ? "f." + dimension.column() + "::text" : "null::text";
    }
}
