package org.passerelle.care;

import jakarta.validation.Valid;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.care.CareViews.Consultation;
import org.passerelle.care.CareViews.MonthlySummary;
import org.passerelle.care.CareViews.NewConsultation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class CareController {

    private final Consultations consultations;
    private final ConsultationHistory history;
    private final CareCalendar calendar;

    CareController(Consultations consultations, ConsultationHistory history, CareCalendar calendar) {
        this.consultations = consultations;
        this.history = history;
        this.calendar = calendar;
    }

    @PostMapping("/consultations")
    @ResponseStatus(HttpStatus.CREATED)
    Consultation record(@Valid @RequestBody NewConsultation command) {
        return consultations.record(command);
    }

    @GetMapping("/consultations/{id}")
    Consultation get(@PathVariable UUID id) {
        return consultations.get(id);
    }

    @GetMapping("/people/{personId}/consultations")
    List<HistoryEntry> history(@PathVariable UUID personId) {
        return history.of(personId);
    }

    /** Counts for a month given as {@code 2026-11}; the current month by default. */
    @GetMapping("/consultations/summary")
    MonthlySummary summary(@RequestParam(required = false) @Nullable YearMonth month) {
        return consultations.monthlySummary(month == null ? calendar.thisMonth() : month);
    }
}
