package org.passerelle.care;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.care.EncounterRepository.Stored;
import org.passerelle.care.EncounterViews.ActiveAlert;
import org.passerelle.care.EncounterViews.Encounter;
import org.passerelle.care.EncounterViews.EncounterSummary;
import org.passerelle.care.EncounterViews.Revision;
import org.passerelle.care.EncounterViews.RevisionSummary;
import org.passerelle.care.forms.Conditions;
import org.passerelle.care.forms.FormDefinition;
import org.passerelle.care.forms.FormDefinition.Alert;
import org.passerelle.care.forms.FormLibrary;
import org.passerelle.care.forms.Situation;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading consultations recorded with forms: one with its answers, alerts and what the reader may
 * do with it, a past revision, the reader's drafts and the site's group sessions. Each read of a
 * consultation is audited.
 */
@Service
@Transactional
public class EncounterReads {

    private final EncounterRepository repository;
    private final EncounterAccess access;
    private final FormLibrary forms;
    private final Situations situations;
    private final SubjectKeys keys;
    private final AuditLog audit;
    private final JsonMapper json;

    EncounterReads(
            EncounterRepository repository,
            EncounterAccess access,
            FormLibrary forms,
            Situations situations,
            SubjectKeys keys,
            AuditLog audit,
            JsonMapper json) {
        this.repository = repository;
        this.access = access;
        this.forms = forms;
        this.situations = situations;
        this.keys = keys;
        this.audit = audit;
        this.json = json;
    }

    /**
     * One consultation with its answers. One the user may not read is not found, and so is
     * someone else's draft.
     */
    public Encounter get(UUID id) {
        Stored stored = readable(id);
        audit.record(AuditAction.READ, Encounters.RECORD_TYPE, id);
        return view(stored);
    }

    /** A past signed revision of a consultation, with its answers. */
    public Revision revision(UUID id, int number) {
        Stored stored = readable(id);
        DataKey key = keys.keyFor(stored.keySubject());
        EncounterRepository.StoredRevision found = repository.revisions(id).stream()
                .filter(revision -> revision.revision() == number)
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("revision"));
        audit.record(AuditAction.READ, Encounters.RECORD_TYPE, id);
        return new Revision(
                found.revision(),
                found.formVersion(),
                found.occurredOn(),
                EncounterAnswers.of(found.coded(), found.answers(), key, json),
                found.signedAt(),
                found.signedByName(),
                key.openNullable(EncounterRepository.REASON, found.reason()));
    }

    /** The current user's unsigned drafts. */
    @Transactional(readOnly = true)
    public List<EncounterSummary> myDrafts() {
        return repository.draftsOf(access.requireCarer().id());
    }

    /** The current site's recent group sessions in the compartments the user opens. */
    @Transactional(readOnly = true)
    public List<EncounterSummary> groupSessions() {
        CurrentUser user = access.requireCarer();
        return repository.groupSessions(user.requireCurrentSite(), List.copyOf(user.compartments()), 50);
    }

    /** The consultation if the current user may read it, else 404 whether it exists or not. */
    Stored readable(UUID id) {
        return access.requireReadable(repository.find(id));
    }

    /** A consultation as its reader receives it (not audited: the caller audits what it did). */
    Encounter view(UUID id) {
        return view(repository.find(id).orElseThrow());
    }

    /**
     * Consultations as their reader receives them, read with a few queries for the lot rather than
     * some per consultation (a page a device pulls); not audited.
     *
     * @param writablePersons the persons among theirs the user writes about
     */
    List<Encounter> views(List<Stored> stored, Set<UUID> writablePersons) {
        List<UUID> ids = stored.stream().map(Stored::id).toList();
        keys.preload(stored.stream().map(Stored::keySubject).toList());
        Map<UUID, List<EncounterRepository.StoredRevision>> revisions = repository.revisionsOf(ids);
        Set<UUID> prescribed = repository.prescribedAmong(ids);
        return stored.stream()
                .map(one -> view(
                        one,
                        revisions.getOrDefault(one.id(), List.of()),
                        prescribed.contains(one.id()),
                        one.personId() != null && writablePersons.contains(one.personId())))
                .toList();
    }

    private Encounter view(Stored stored) {
        UUID personId = stored.personId();
        return view(
                stored,
                repository.revisions(stored.id()),
                repository.hasPrescription(stored.id()),
                personId != null && access.writable(personId));
    }

    private Encounter view(
            Stored stored,
            List<EncounterRepository.StoredRevision> storedRevisions,
            boolean prescribed,
            boolean personWritable) {
        DataKey key = keys.keyFor(stored.keySubject());
        JsonNode answers = EncounterAnswers.of(stored.coded(), stored.answers(), key, json);
        FormDefinition form =
                forms.version(stored.formCode(), stored.formVersion()).definition();
        List<RevisionSummary> revisions = storedRevisions.stream()
                .map(revision -> new RevisionSummary(
                        revision.revision(),
                        revision.formVersion(),
                        revision.signedAt(),
                        revision.signedByName(),
                        key.openNullable(EncounterRepository.REASON, revision.reason())))
                .toList();
        return new Encounter(
                stored.id(),
                stored.personId(),
                stored.siteId(),
                stored.formCode(),
                stored.formVersion(),
                stored.discipline(),
                stored.compartment(),
                stored.occurredOn(),
                stored.status(),
                stored.revision(),
                stored.version(),
                stored.providerId(),
                stored.providerName(),
                answers,
                stored.attendees(),
                stored.createdAt(),
                stored.signedAt(),
                revisions,
                alerts(form, answers, stored),
                access.allowedActions(stored, form, prescribed, personWritable));
    }

    private List<ActiveAlert> alerts(FormDefinition definition, JsonNode answers, Stored stored) {
        if (definition.alertList().isEmpty()) {
            return List.of();
        }
        Situation situation = situations.of(stored.personId(), stored.occurredOn());
        List<ActiveAlert> active = new ArrayList<>();
        for (Alert alert : definition.alertList()) {
            if (Conditions.holds(alert.when(), answers, situation)) {
                active.add(new ActiveAlert(alert.code(), deadline(alert, answers)));
            }
        }
        return active;
    }

    private static @Nullable LocalDateTime deadline(Alert alert, JsonNode answers) {
        if (alert.until() == null || alert.hours() == null) {
            return null;
        }
        LocalDateTime from = Conditions.moment(answers.path(alert.until()));
        return from == null ? null : from.plusHours(alert.hours());
    }
}
