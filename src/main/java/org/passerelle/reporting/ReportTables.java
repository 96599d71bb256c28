package org.passerelle.reporting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.passerelle.reporting.ReportViews.Figures;
import org.passerelle.reporting.ReportViews.Report;
import org.passerelle.reporting.ReportViews.SiteRef;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The tables of a report, as the dashboard shows them: the headline figures, the figures by site,
 * by month, and one table per disaggregation with an indicator per row.
 */
@Component
class ReportTables {

    static final List<String> NAMES = List.of("headline", "sites", "months", "SEX", "AGE_GROUP", "DISCIPLINE", "VISIT");

    private final IndicatorCatalogue catalogue;
    private final MessageSource messages;

    ReportTables(IndicatorCatalogue catalogue, MessageSource messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    ReportTable table(Report report, String name, String language) {
        java.util.Locale locale = java.util.Locale.forLanguageTag(language);
        String title = report.title() + " — " + report.period().code();
        return switch (name) {
            case "headline" ->
                new ReportTable(
                        name,
                        title,
                        List.of(label("indicator", locale), label("total", locale)),
                        report.figures().stream()
                                .map(f -> new ReportTable.Row(indicatorName(f, language), List.of(f.total())))
                                .toList(),
                        ReportTable.Sums.NONE);
            case "sites" -> bySite(report, title, language, locale);
            case "months" -> byMonth(report, title, language, locale);
            case "SEX", "AGE_GROUP", "DISCIPLINE", "VISIT" ->
                byDimension(report, Dimension.valueOf(name), title, language, locale);
            default -> throw ReportingProblems.badReportTable();
        };
    }

    private ReportTable bySite(Report report, String title, String language, java.util.Locale locale) {
        List<Figures> figures = report.figures().stream()
                .filter(f -> f.by().containsKey(Dimension.SITE))
                .toList();
        List<String> headers = new ArrayList<>();
        headers.add(label("site", locale));
        figures.forEach(f -> headers.add(indicatorName(f, language)));
        List<ReportTable.Row> rows = new ArrayList<>();
        for (SiteRef site : report.sites()) {
            rows.add(new ReportTable.Row(
                    site.name(),
                    figures.stream()
                            .map(f ->
                                    f.of(Dimension.SITE).getOrDefault(site.id().toString(), 0L))
                            .toList()));
        }
        return new ReportTable("sites", title, headers, rows, ReportTable.Sums.COLUMNS);
    }

    private ReportTable byMonth(Report report, String title, String language, java.util.Locale locale) {
        Set<String> months = new java.util.TreeSet<>();
        report.figures().forEach(f -> months.addAll(f.months().keySet()));
        List<String> headers = new ArrayList<>();
        headers.add(label("month", locale));
        report.figures().forEach(f -> headers.add(indicatorName(f, language)));
        List<ReportTable.Row> rows = months.stream()
                .map(m -> new ReportTable.Row(
                        m,
                        report.figures().stream()
                                .map(f -> f.months().getOrDefault(m, 0L))
                                .toList()))
                .toList();
        return new ReportTable("months", title, headers, rows, ReportTable.Sums.COLUMNS);
    }

    private ReportTable byDimension(
            Report report, Dimension dimension, String title, String language, java.util.Locale locale) {
        List<Figures> figures = report.figures().stream()
                .filter(f -> f.by().containsKey(dimension))
                .toList();
        Set<String> categories = new LinkedHashSet<>(categories(dimension));
        figures.forEach(f -> categories.addAll(f.of(dimension).keySet()));
        List<String> headers = new ArrayList<>();
        headers.add(label("indicator", locale));
        categories.forEach(c -> headers.add(categoryLabel(dimension, c, locale)));
        headers.add(label("total", locale));
        List<ReportTable.Row> rows = new ArrayList<>();
        for (Figures f : figures) {
            Map<String, Long> values = f.of(dimension);
            List<Long> counts = new ArrayList<>();
            categories.forEach(c -> counts.add(values.getOrDefault(c, 0L)));
            counts.add(f.total());
            rows.add(new ReportTable.Row(indicatorName(f, language), counts));
        }
        return new ReportTable(
                "by-" + dimension.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                title,
                headers,
                rows,
                ReportTable.Sums.ROWS);
    }

    /** The categories of a dimension in their natural order; others found in the data follow. */
    static List<String> categories(Dimension dimension) {
        return switch (dimension) {
            case SEX -> List.of("FEMALE", "MALE", "OTHER", "UNKNOWN");
            case AGE_GROUP -> List.of("00-04", "05-14", "15-17", "18+", "unknown");
            case DISCIPLINE -> List.of("MEDICAL", "NURSING", "MENTAL_HEALTH", "SOCIAL", "LEGAL");
            case VISIT -> List.of("NEW", "REPEAT", "GROUP");
            case SITE, PROGRAMME -> List.<String>of();
        };
    }

    private String indicatorName(Figures figures, String language) {
        return catalogue.find(figures.code()).map(i -> i.name(language)).orElse(figures.code());
    }

    private String label(String key, java.util.Locale locale) {
        return Objects.requireNonNullElse(messages.getMessage("report.column." + key, null, key, locale), key);
    }

    private String categoryLabel(Dimension dimension, String category, java.util.Locale locale) {
        return Objects.requireNonNullElse(
                messages.getMessage("report." + dimension.name() + "." + category, null, category, locale), category);
    }
}
