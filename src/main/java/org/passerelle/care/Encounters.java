package org.passerelle.care;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import org.passerelle.access.CurrentUser;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.care.CareViews.NewConsultation;
import org.passerelle.care.EncounterRepository.Content;
import org.passerelle.care.EncounterRepository.Stored;
import org.passerelle.care.EncounterViews.Amendment;
import org.passerelle.care.EncounterViews.DraftChange;
import org.passerelle.care.EncounterViews.Encounter;
import org.passerelle.care.EncounterViews.NewEncounter;
import org.passerelle.care.EncounterViews.Status;
import org.passerelle.care.forms.AnswerChecker;
import org.passerelle.care.forms.CheckedAnswers;
import org.passerelle.care.forms.CodeLists;
import org.passerelle.care.forms.FormDefinition;
import org.passerelle.care.forms.FormLibrary;
import org.passerelle.care.forms.FormVersion;
import org.passerelle.care.forms.Situation;
import org.passerelle.people.PersonAccess;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path of {@code care.encounter}: consultations recorded with forms (saved as a
 * draft its author may change or discard, then signed; a signed one amended, with a reason, into a
 * new revision) and the short notes of the older consultation API. Every write checks the same
 * access rule ({@link EncounterAccess}: the person, the compartment, the form's disciplines), the
 * same day rule ({@link CareCalendar#occurredOn}) and the form's answers, and writes its audit line
 * in the same transaction; a refused write writes nothing. Only the trusted bulk loader
 * ({@link ConsultationImport}) inserts otherwise.
 */
@Service
@Transactional
public class Encounters {

    static final String RECORD_TYPE = "encounter";

    private final EncounterRepository repository;
    private final EncounterReads reads;
    private final EncounterAccess access;
    private final CareCalendar calendar;
    private final Situations situations;
    private final FollowUps followUps;
    private final FormLibrary forms;
    private final AnswerChecker checker;
    private final PersonAccess persons;
    private final SubjectKeys keys;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Encounters(
            EncounterRepository repository,
            EncounterReads reads,
            EncounterAccess access,
            CareCalendar calendar,
            Situations situations,
            FollowUps followUps,
            FormLibrary forms,
            CodeLists codes,
            PersonAccess persons,
            SubjectKeys keys,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.reads = reads;
        this.access = access;
        this.calendar = calendar;
        this.situations = situations;
        this.followUps = followUps;
        this.forms = forms;
        this.checker = new AnswerChecker(codes);
        this.persons = persons;
        this.keys = keys;
        this.audit = audit;
        this.events = events;
    }

    /** Records a consultation with the published version of a form, as a draft or signed. */
    public Encounter start(NewEncounter command) {
        FormVersion form = publishedForm(command.formCode());
        FormDefinition definition = form.definition();
        boolean group = definition.subject() == FormDefinition.Subject.GROUP;
        if (group != (command.personId() == null)) {
            throw group ? CareProblems.personNotForGroup() : CareProblems.personRequired();
        }
        CurrentUser user = access.requireWriter(definition, command.personId());
        UUID siteId = user.requireCurrentSite();
        LocalDate occurredOn = calendar.occurredOn(command.occurredOn());
        Situation situation = situations.of(command.personId(), occurredOn);
        EncounterAccess.requireApplies(definition, situation);
        UUID id = newId(command.id());
        CheckedAnswers checked = checker.check(definition, command.answers(), situation, command.sign());
        DataKey key = keys.keyFor(command.personId() == null ? id : command.personId());
        Content content = content(form.version(), occurredOn, checked, key, command.sign());
        repository.insert(id, command.personId(), siteId, definition, user.id(), user.displayName(), content);
        if (command.sign()) {
            signed(
                    id,
                    command.personId(),
                    siteId,
                    definition.code(),
                    1,
                    content,
                    checked,
                    key,
                    null,
                    user,
                    command.dispenseFrom());
        }
        if (command.personId() != null) {
            persons.recordContact(command.personId(), siteId, occurredOn);
        }
        audit.record(AuditAction.CREATE, RECORD_TYPE, id);
        return reads.view(id);
    }

    /**
     * Records a signed short note of the older consultation API (discipline, note, diagnosis in
     * words) with its discipline's built-in form, under the same rules as a form's consultation.
     */
    public UUID recordNote(NewConsultation command) {
        FormDefinition definition =
                publishedForm(command.discipline().formCode()).definition();
        Compartment compartment = Objects.requireNonNullElse(
                command.compartment(), command.discipline().compartment());
        if (!command.discipline().allows(compartment)) {
            throw CareProblems.compartmentNotAllowedForDiscipline();
        }
        CurrentUser user = access.requireNoteWriter(definition, command.personId(), compartment);
        UUID siteId = user.requireCurrentSite();
        LocalDate occurredOn = calendar.occurredOn(command.occurredOn());
        EncounterAccess.requireApplies(definition, situations.of(command.personId(), occurredOn));
        UUID id = newId(command.id());
        DataKey key = keys.keyFor(command.personId());
        repository.insertNote(
                id,
                command,
                compartment,
                occurredOn,
                siteId,
                user,
                key.sealNullable(ConsultationRepository.NOTE, blankToNull(command.note())),
                key.sealNullable(ConsultationRepository.DIAGNOSIS, blankToNull(command.diagnosis())));
        persons.recordContact(command.personId(), siteId, occurredOn);
        audit.record(AuditAction.CREATE, RECORD_TYPE, id);
        return id;
    }

    /** Changes a draft's answers (its author only), and signs it if asked. */
    public Encounter changeDraft(UUID id, DraftChange change) {
        Stored stored = reads.readable(id);
        if (stored.status() != Status.DRAFT) {
            throw CareProblems.encounterSigned();
        }
        FormDefinition definition =
                forms.version(stored.formCode(), stored.formVersion()).definition();
        CurrentUser user = access.requireWriter(definition, stored);
        if (!stored.providerId().equals(user.id())) {
            throw CareProblems.notTheAuthor();
        }
        LocalDate occurredOn =
                change.occurredOn() == null ? stored.occurredOn() : calendar.occurredOn(change.occurredOn());
        Situation situation = situations.of(stored.personId(), occurredOn);
        EncounterAccess.requireApplies(definition, situation);
        CheckedAnswers checked = checker.check(definition, change.answers(), situation, change.sign());
        DataKey key = keys.keyFor(stored.keySubject());
        Content content = content(stored.formVersion(), occurredOn, checked, key, change.sign());
        if (!repository.update(id, change.version(), content, false, user.id())) {
            throw DomainException.staleVersion(stored.version());
        }
        if (change.sign()) {
            signed(
                    id,
                    stored.personId(),
                    stored.siteId(),
                    stored.formCode(),
                    1,
                    content,
                    checked,
                    key,
                    null,
                    user,
                    change.dispenseFrom());
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id);
        return reads.view(id);
    }

    /**
     * Amends a signed consultation: the new answers become its next revision, signed by the
     * current user with the reason given; the revisions before stay as they were.
     */
    public Encounter amend(UUID id, Amendment amendment) {
        Stored stored = reads.readable(id);
        if (stored.status() != Status.SIGNED) {
            throw CareProblems.encounterNotSigned();
        }
        FormDefinition definition =
                forms.version(stored.formCode(), stored.formVersion()).definition();
        CurrentUser user = access.requireWriter(definition, stored);
        LocalDate occurredOn =
                amendment.occurredOn() == null ? stored.occurredOn() : calendar.occurredOn(amendment.occurredOn());
        Situation situation = situations.of(stored.personId(), occurredOn);
        CheckedAnswers checked = checker.check(definition, amendment.answers(), situation, true);
        DataKey key = keys.keyFor(stored.keySubject());
        Content content = content(stored.formVersion(), occurredOn, checked, key, true);
        if (!repository.update(id, amendment.version(), content, true, user.id())) {
            throw DomainException.staleVersion(stored.version());
        }
        String reason = amendment.reason().strip();
        signed(
                id,
                stored.personId(),
                stored.siteId(),
                stored.formCode(),
                stored.revision() + 1,
                content,
                checked,
                key,
                reason,
                user,
                null);
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id);
        return reads.view(id);
    }

    /** Throws away a draft (its author only). */
    public void discard(UUID id) {
        Stored stored = reads.readable(id);
        if (stored.status() != Status.DRAFT) {
            throw CareProblems.encounterSigned();
        }
        if (!repository.deleteDraft(id, access.currentUser().id())) {
            throw CareProblems.notTheAuthor();
        }
        audit.record(AuditAction.DELETE, RECORD_TYPE, id);
    }

    private FormVersion publishedForm(String code) {
        try {
            return forms.published(code);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw CareProblems.unknownForm();
            }
            throw e;
        }
    }

    private UUID newId(@Nullable UUID chosen) {
        UUID id = Objects.requireNonNullElseGet(chosen, Ids::newId);
        if (repository.find(id).isPresent()) {
            throw CareProblems.consultationExists();
        }
        return id;
    }

    private static Content content(
            int formVersion, LocalDate occurredOn, CheckedAnswers checked, DataKey key, boolean sign) {
        byte[] texts = checked.sealed().isEmpty()
                ? null
                : key.seal(EncounterRepository.ANSWERS, checked.sealed().toString());
        return new Content(
                occurredOn,
                formVersion,
                texts,
                checked.coded().toString(),
                checked.attendees(),
                sign ? Status.SIGNED : Status.DRAFT);
    }

    private void signed(
            UUID id,
            @Nullable UUID personId,
            UUID siteId,
            String formCode,
            int revision,
            Content content,
            CheckedAnswers checked,
            DataKey key,
            @Nullable String reason,
            CurrentUser user,
            @Nullable UUID dispenseFrom) {
        repository.insertRevision(
                id,
                revision,
                content,
                key.sealNullable(EncounterRepository.REASON, reason),
                user.id(),
                user.displayName());
        repository.replaceCodes(id, checked.diagnoses(), checked.prescriptions(), key);
        if (personId != null) {
            followUps.visited(personId, formCode, content.occurredOn(), checked.coded());
        }
        if (!checked.prescriptions().isEmpty()) {
            List<PrescriptionSigned.Line> lines = new ArrayList<>();
            for (int line = 0; line < checked.prescriptions().size(); line++) {
                CheckedAnswers.PrescribedLine prescribed =
                        checked.prescriptions().get(line);
                lines.add(new PrescriptionSigned.Line(line, prescribed.medicine(), prescribedQuantity(prescribed)));
            }
            events.publishEvent(new PrescriptionSigned(id, revision, siteId, dispenseFrom, lines));
        }
    }

    /** Doses a day times days, rounded up; 0 when the prescription has no number of days. */
    private static int prescribedQuantity(CheckedAnswers.PrescribedLine line) {
        if (line.days() == null) {
            return 0;
        }
        BigDecimal daily = line.morning().add(line.noon()).add(line.evening()).add(line.night());
        return daily.multiply(BigDecimal.valueOf(line.days()))
                .setScale(0, RoundingMode.CEILING)
                .intValueExact();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
