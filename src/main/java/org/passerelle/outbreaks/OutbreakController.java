package org.passerelle.outbreaks;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.outbreaks.OutbreakViews.ClassificationStep;
import org.passerelle.outbreaks.OutbreakViews.Disease;
import org.passerelle.outbreaks.OutbreakViews.DiseaseFigures;
import org.passerelle.outbreaks.OutbreakViews.Epicurve;
import org.passerelle.outbreaks.OutbreakViews.NewOutbreakCase;
import org.passerelle.outbreaks.OutbreakViews.OutbreakAlert;
import org.passerelle.outbreaks.OutbreakViews.OutbreakCase;
import org.passerelle.outbreaks.OutbreakViews.OutbreakCaseChange;
import org.passerelle.outbreaks.OutbreakViews.OutbreakMapPoints;
import org.passerelle.outbreaks.OutbreakViews.PlacePopulation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The diseases, their line lists, the figures drawn from them, the alerts and the map's points. */
@RestController
@RequestMapping("/api/outbreaks")
class OutbreakController {

    private final Diseases diseases;
    private final Cases cases;
    private final Analysis analysis;
    private final LineListExport export;
    private final OutbreakMap map;

    OutbreakController(Diseases diseases, Cases cases, Analysis analysis, LineListExport export, OutbreakMap map) {
        this.diseases = diseases;
        this.cases = cases;
        this.analysis = analysis;
        this.export = export;
        this.map = map;
    }

    @GetMapping("/diseases")
    List<Disease> diseases() {
        return diseases.all();
    }

    @GetMapping("/diseases/{disease}/cases")
    List<OutbreakCase> lineList(@PathVariable String disease, @RequestParam(required = false) @Nullable UUID siteId) {
        return cases.lineList(disease, siteId);
    }

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    OutbreakCase record(@Valid @RequestBody NewOutbreakCase command) {
        return cases.record(command);
    }

    @GetMapping("/cases/{id}")
    OutbreakCase get(@PathVariable UUID id) {
        return cases.get(id);
    }

    @PutMapping("/cases/{id}")
    OutbreakCase change(@PathVariable UUID id, @Valid @RequestBody OutbreakCaseChange change) {
        return cases.change(id, change);
    }

    @GetMapping("/cases/{id}/classifications")
    List<ClassificationStep> history(@PathVariable UUID id) {
        return cases.history(id);
    }

    /** Cases by ISO week of onset and classification; from and to are days of onset. */
    @GetMapping("/diseases/{disease}/epicurve")
    Epicurve epicurve(
            @PathVariable String disease,
            @RequestParam(required = false) @Nullable UUID siteId,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        return analysis.epicurve(disease, siteId, from, to);
    }

    @GetMapping("/diseases/{disease}/figures")
    DiseaseFigures figures(@PathVariable String disease, @RequestParam(required = false) @Nullable UUID siteId) {
        return analysis.figures(disease, siteId);
    }

    /** The line list as a CSV file with the MSF data dictionary's column names; streamed. */
    @GetMapping(value = "/diseases/{disease}/line-list.csv", produces = "text/csv")
    void lineListCsv(
            @PathVariable String disease,
            @RequestParam(required = false) @Nullable UUID siteId,
            HttpServletResponse response)
            throws IOException {
        OutbreakAccess.Scope scope = export.authorise(disease, siteId);
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("passerelle-line-list-" + disease + ".csv")
                        .build()
                        .toString());
        export.write(disease, scope, response.getWriter());
    }

    @GetMapping("/alerts")
    List<OutbreakAlert> alerts(@RequestParam(required = false) @Nullable UUID siteId) {
        return analysis.alerts(siteId);
    }

    @GetMapping("/populations")
    List<PlacePopulation> populations(@RequestParam(required = false) @Nullable UUID siteId) {
        return analysis.populations(siteId);
    }

    @PutMapping("/populations")
    PlacePopulation setPopulation(@Valid @RequestBody PlacePopulation population) {
        return analysis.setPopulation(population);
    }

    /** The cases and rings of the shared map, in the shape every module's layer has. */
    @GetMapping("/map-points")
    OutbreakMapPoints mapPoints(@RequestParam(required = false) @Nullable UUID siteId) {
        return map.points(siteId);
    }
}
