package org.passerelle.outreach;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.outreach.OutreachViews.OutreachDayPlan;
import org.passerelle.outreach.OutreachViews.OutreachLocationReach;
import org.passerelle.outreach.OutreachViews.OutreachMapPoints;
import org.passerelle.outreach.OutreachViews.OutreachNeedsAndItems;
import org.passerelle.outreach.OutreachViews.OutreachSession;
import org.passerelle.outreach.OutreachViews.OutreachSessionForm;
import org.passerelle.outreach.OutreachViews.OutreachSessionSummary;
import org.passerelle.outreach.OutreachViews.SessionConsultationLink;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/outreach")
class OutreachController {

    private final OutreachSessions sessions;
    private final SessionSummaries summaries;
    private final OutreachMap map;
    private final OutreachReference reference;

    OutreachController(
            OutreachSessions sessions, SessionSummaries summaries, OutreachMap map, OutreachReference reference) {
        this.sessions = sessions;
        this.summaries = summaries;
        this.map = map;
        this.reference = reference;
    }

    @GetMapping("/reference")
    OutreachNeedsAndItems reference() {
        return reference.reference();
    }

    @GetMapping("/day")
    OutreachDayPlan dayPlan(@RequestParam(required = false) @Nullable LocalDate day) {
        return sessions.dayPlan(day);
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    OutreachSession plan(@Valid @RequestBody OutreachSessionForm form) {
        return sessions.plan(form);
    }

    @GetMapping("/sessions/{id}")
    OutreachSession session(@PathVariable UUID id) {
        return sessions.get(id);
    }

    @PutMapping("/sessions/{id}")
    OutreachSession change(@PathVariable UUID id, @Valid @RequestBody OutreachSessionForm form) {
        return sessions.change(id, form);
    }

    @DeleteMapping("/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID id, @RequestParam long version) {
        sessions.remove(id, version);
    }

    @PostMapping("/sessions/{id}/consultations")
    OutreachSession linkConsultation(@PathVariable UUID id, @Valid @RequestBody SessionConsultationLink link) {
        return sessions.linkConsultation(id, link);
    }

    @GetMapping("/sessions/{id}/summary")
    OutreachSessionSummary summary(@PathVariable UUID id) {
        return summaries.summary(id);
    }

    @GetMapping("/reach")
    List<OutreachLocationReach> reach(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return summaries.reachByLocation(from, to);
    }

    @GetMapping("/map-points")
    OutreachMapPoints mapPoints() {
        return map.points();
    }
}
