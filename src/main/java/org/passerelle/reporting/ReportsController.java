package org.passerelle.reporting;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.reporting.ReportViews.IndicatorView;
import org.passerelle.reporting.ReportViews.RefreshStatus;
import org.passerelle.reporting.ReportViews.Report;
import org.passerelle.reporting.ReportViews.ReportScope;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports, their tables as CSV or XLSX, and the indicator catalogue. */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

    static final Set<String> LANGUAGES = Set.of("fr", "en", "ar");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Reports reports;
    private final ReportTables tables;
    private final TableExport export;

    ReportsController(Reports reports, ReportTables tables, TableExport export) {
        this.reports = reports;
        this.tables = tables;
        this.export = export;
    }

    @GetMapping("/indicators")
    List<IndicatorView> indicators(@RequestParam(defaultValue = "fr") String language) {
        return reports.indicators(language(language));
    }

    @GetMapping("/scope")
    ReportScope scope() {
        return reports.scope();
    }

    /**
     * A report for {@code period} ({@code 2026}, {@code 2026-Q1}, {@code 2026-03}) or {@code
     * from}/{@code to}, as the figures are now; with {@code latest}, after waiting (a bounded time)
     * until every change made before is counted.
     */
    @GetMapping
    Report report(
            @RequestParam(required = false) @Nullable UUID programme,
            @RequestParam(required = false) @Nullable UUID site,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "false") boolean latest) {
        return reports.report(programme, site, Period.of(period, from, to), latest);
    }

    /** Where the background counting of the figures stands; administrators only. */
    @GetMapping("/refresh")
    RefreshStatus refresh() {
        return reports.refreshStatus();
    }

    /** One table of a report as CSV or XLSX, small counts suppressed; audited. */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(
            @RequestParam String table,
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(defaultValue = "fr") String language,
            @RequestParam(required = false) @Nullable UUID programme,
            @RequestParam(required = false) @Nullable UUID site,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "false") boolean latest) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw ReportingProblems.badExportFormat();
        }
        if (!ReportTables.NAMES.contains(table)) {
            throw ReportingProblems.badReportTable();
        }
        Period chosen = Period.of(period, from, to);
        Report report = reports.report(programme, site, chosen, latest);
        ReportTable content = tables.table(report, table, language(language));
        byte[] body;
        MediaType type;
        if (format.equals("csv")) {
            body = export.csv(content);
            type = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
        } else {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            export.xlsx(content, out);
            body = out.toByteArray();
            type = XLSX;
        }
        reports.recordExport(report, format);
        String file = "passerelle-" + content.name() + "-" + chosen.code().replace('/', '_') + "." + format;
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file).build().toString())
                .body(body);
    }

    static String language(String language) {
        if (!LANGUAGES.contains(language)) {
            throw ReportingProblems.badLanguage();
        }
        return language;
    }
}
