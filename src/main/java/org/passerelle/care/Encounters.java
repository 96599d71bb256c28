package org.passerelle.care;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.care.EncounterRepository.Content;
import org.passerelle.care.EncounterRepository.Stored;
import org.passerelle.care.EncounterViews.ActiveAlert;
import org.passerelle.care.EncounterViews.Amendment;
import org.passerelle.care.EncounterViews.DraftChange;
import org.passerelle.care.EncounterViews.Encounter;
import org.passerelle.care.EncounterViews.EncounterSummary;
import org.passerelle.care.EncounterViews.NewEncounter;
import org.passerelle.care.EncounterViews.Revision;
import org.passerelle.care.EncounterViews.RevisionSummary;
import org.passerelle.care.EncounterViews.Status;
import org.passerelle.care.coding.PrescriptionSheet;
import org.passerelle.care.coding.PrescriptionSheets;
import org.passerelle.care.forms.AnswerChecker;
import org.passerelle.care.forms.CheckedAnswers;
import org.passerelle.care.forms.CodeLists;
import org.passerelle.care.forms.Conditions;
import org.passerelle.care.forms.FormDefinition;
import org.passerelle.care.forms.FormDefinition.Alert;
import org.passerelle.care.forms.FormLibrary;
import org.passerelle.care.forms.FormVersion;
import org.passerelle.care.forms.Situation;
import org.passerelle.people.PatientCode;
import org.passerelle.people.PersonAccess;
import org.passerelle.people.PersonDemographics;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews.Person;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.passerelle.platform.Language;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consultations recorded with forms. A consultation is saved as a draft its author may change or
 * discard, then signed; a signed consultation is amended, with a reason, into a new revision, and
 * every signed revision is kept. The server checks the answers against the form version the
 * consultation uses, exactly as the web client does, and refuses faulty answers with one error per
 * field, writing nothing.
 */
@Service
@Transactional
public class Encounters {

    static final String RECORD_TYPE = Consultations.RECORD_TYPE;

    private final EncounterRepository repository;
    private final FollowUps followUps;
    private final PersonRegistry registry;
    private final PrescriptionSheets sheets;
    private final FormLibrary forms;
    private final AnswerChecker checker;
    private final PersonAccess access;
    private final PersonDemographics demographics;
    private final CurrentUsers currentUsers;
    private final SubjectKeys keys;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;

    Encounters(
            EncounterRepository repository,
            FollowUps followUps,
            PersonRegistry registry,
            PrescriptionSheets sheets,
            FormLibrary forms,
            CodeLists codes,
            PersonAccess access,
            PersonDemographics demographics,
            CurrentUsers currentUsers,
            SubjectKeys keys,
            AuditLog audit,
            JsonMapper json,
            Clock clock,
            @Value("${passerelle.care.time-zone:Europe/Paris}") ZoneId zone) {
        this.repository = repository;
        this.followUps = followUps;
        this.registry = registry;
        this.sheets = sheets;
        this.forms = forms;
        this.checker = new AnswerChecker(codes);
        this.access = access;
        this.demographics = demographics;
        this.currentUsers = currentUsers;
        this.keys = keys;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    /** Records a consultation with the published version of a form, as a draft or signed. */
    public Encounter start(NewEncounter command) {
        FormVersion form = publishedForm(command.formCode());
        FormDefinition definition = form.definition();
        boolean group = definition.subject() == FormDefinition.Subject.GROUP;
        if (group && command.personId() != null) {
            throw DomainException.invalidField("personId", "person-not-for-group");
        }
        if (!group && command.personId() == null) {
            throw DomainException.invalidField("personId", "person-required");
        }
        CurrentUser user = command.personId() == null ? requireCarer() : access.requireWritable(command.personId());
        access.requireCompartment(user, definition.compartment());
        UUID siteId = user.requireCurrentSite();
        LocalDate occurredOn = occurredOn(command.occurredOn());
        UUID id = Objects.requireNonNullElseGet(command.id(), Ids::newId);
        if (repository.find(id).isPresent()) {
            throw DomainException.invalid("consultation-exists");
        }
        CheckedAnswers checked =
                checker.check(definition, command.answers(), situation(command.personId(), occurredOn), command.sign());
        UUID keySubject = command.personId() == null ? id : command.personId();
        DataKey key = keys.keyFor(keySubject);
        Content content = content(form.version(), occurredOn, checked, key, command.sign());
        repository.insert(
                id,
                command.personId(),
                siteId,
                definition.code(),
                definition.discipline(),
                definition.compartment(),
                user.id(),
                user.displayName(),
                content);
        if (command.sign()) {
            signed(id, command.personId(), definition.code(), 1, content, checked, key, null, user);
        }
        if (command.personId() != null) {
            access.recordContact(command.personId(), siteId, occurredOn);
        }
        audit.record(AuditAction.CREATE, RECORD_TYPE, id);
        return view(repository.find(id).orElseThrow());
    }

    /** Changes a draft's answers (its author only), and signs it if asked. */
    public Encounter changeDraft(UUID id, DraftChange change) {
        Stored stored = readable(id);
        if (stored.status() != Status.DRAFT) {
            throw DomainException.conflict("encounter-signed");
        }
        CurrentUser user = writer(stored);
        if (!stored.providerId().equals(user.id())) {
            throw DomainException.forbidden("not-the-author");
        }
        FormDefinition definition =
                forms.version(stored.formCode(), stored.formVersion()).definition();
        LocalDate occurredOn = change.occurredOn() == null ? stored.occurredOn() : occurredOn(change.occurredOn());
        CheckedAnswers checked =
                checker.check(definition, change.answers(), situation(stored.personId(), occurredOn), change.sign());
        DataKey key = keys.keyFor(stored.keySubject());
        Content content = content(stored.formVersion(), occurredOn, checked, key, change.sign());
        if (!repository.update(id, change.version(), content, false, user.id())) {
            throw DomainException.staleVersion(stored.version());
        }
        if (change.sign()) {
            signed(id, stored.personId(), stored.formCode(), 1, content, checked, key, null, user);
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id);
        return view(repository.find(id).orElseThrow());
    }

    /**
     * Amends a signed consultation: the new answers become its next revision, signed by the
     * current user with the reason given; the revisions before stay as they were.
     */
    public Encounter amend(UUID id, Amendment amendment) {
        Stored stored = readable(id);
        if (stored.status() != Status.SIGNED) {
            throw DomainException.conflict("encounter-not-signed");
        }
        CurrentUser user = writer(stored);
        FormDefinition definition =
                forms.version(stored.formCode(), stored.formVersion()).definition();
        LocalDate occurredOn =
                amendment.occurredOn() == null ? stored.occurredOn() : occurredOn(amendment.occurredOn());
        CheckedAnswers checked =
                checker.check(definition, amendment.answers(), situation(stored.personId(), occurredOn), true);
        DataKey key = keys.keyFor(stored.keySubject());
        Content content = content(stored.formVersion(), occurredOn, checked, key, true);
        if (!repository.update(id, amendment.version(), content, true, user.id())) {
            throw DomainException.staleVersion(stored.version());
        }
        signed(
                id,
                stored.personId(),
                stored.formCode(),
                stored.revision() + 1,
                content,
                checked,
                key,
                amendment.reason().strip(),
                user);
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id);
        return view(repository.find(id).orElseThrow());
    }

    /** Throws away a draft (its author only). */
    public void discard(UUID id) {
        Stored stored = readable(id);
        if (stored.status() != Status.DRAFT) {
            throw DomainException.conflict("encounter-signed");
        }
        CurrentUser user = currentUsers.current();
        if (!repository.deleteDraft(id, user.id())) {
            throw DomainException.forbidden("not-the-author");
        }
        audit.record(AuditAction.DELETE, RECORD_TYPE, id);
    }

    /**
     * One consultation with its answers. One the user may not read is not found, and so is
     * someone else's draft.
     */
    public Encounter get(UUID id) {
        Stored stored = readable(id);
        audit.record(AuditAction.READ, RECORD_TYPE, id);
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
        audit.record(AuditAction.READ, RECORD_TYPE, id);
        return new Revision(
                found.revision(),
                found.formVersion(),
                found.occurredOn(),
                answers(found.coded(), found.answers(), key),
                found.signedAt(),
                found.signedByName(),
                key.openNullable(EncounterRepository.REASON, found.reason()));
    }

    /**
     * The printable dosage sheet of a signed consultation's prescription, in the person's language
     * (or the one asked for): recorded as an export of the consultation.
     */
    public byte[] prescriptionSheet(UUID id, @Nullable String language) {
        Stored stored = readable(id);
        if (stored.status() != Status.SIGNED) {
            throw DomainException.conflict("encounter-not-signed");
        }
        if (stored.personId() == null) {
            throw DomainException.conflict("no-prescription");
        }
        List<CheckedAnswers.PrescribedLine> lines = repository.prescriptionLines(id, keys.keyFor(stored.keySubject()));
        if (lines.isEmpty()) {
            throw DomainException.conflict("no-prescription");
        }
        Person person = registry.get(stored.personId());
        Language printed = language == null
                ? person.languages().stream()
                        .map(code -> Language.ofCode(code.toLowerCase(Locale.ROOT)))
                        .flatMap(java.util.Optional::stream)
                        .findFirst()
                        .orElse(Language.FR)
                : Language.ofCode(language.toLowerCase(Locale.ROOT))
                        .orElseThrow(() -> DomainException.invalidField("language", "unknown-language"));
        byte[] pdf = sheets.render(new PrescriptionSheet(
                person.chosenName(),
                PatientCode.display(person.patientCode()),
                stored.occurredOn(),
                printed,
                lines.stream()
                        .map(line -> new PrescriptionSheet.Line(
                                line.medicine(),
                                line.morning(),
                                line.noon(),
                                line.evening(),
                                line.night(),
                                line.days(),
                                line.instructions()))
                        .toList()));
        audit.record(AuditAction.EXPORT, RECORD_TYPE, id);
        return pdf;
    }

    /** The current user's unsigned drafts. */
    @Transactional(readOnly = true)
    public List<EncounterSummary> myDrafts() {
        return repository.draftsOf(requireCarer().id());
    }

    /** The current site's recent group sessions in the compartments the user opens. */
    @Transactional(readOnly = true)
    public List<EncounterSummary> groupSessions() {
        CurrentUser user = requireCarer();
        return repository.groupSessions(user.requireCurrentSite(), List.copyOf(user.compartments()), 50);
    }

    private FormVersion publishedForm(String code) {
        try {
            return forms.published(code);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw DomainException.invalidField("formCode", "unknown-form");
            }
            throw e;
        }
    }

    private CurrentUser requireCarer() {
        CurrentUser user = currentUsers.current();
        if (!user.caresForPeople()) {
            throw DomainException.forbidden("role-not-allowed");
        }
        return user;
    }

    /** The consultation if the current user may read it, else 404 whether it exists or not. */
    private Stored readable(UUID id) {
        CurrentUser user = currentUsers.current();
        if (user.compartments().isEmpty()) {
            throw DomainException.forbidden("role-not-allowed");
        }
        Stored stored = repository.find(id).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        boolean readable;
        if (stored.status() == Status.DRAFT && !stored.providerId().equals(user.id())) {
            readable = false;
        } else if (stored.personId() == null) {
            readable = user.mayWorkAt(stored.siteId()) && user.compartments().contains(stored.compartment());
        } else {
            readable = access.fileIfReached(stored.personId())
                    .filter(file -> file.opens(stored.compartment()))
                    .isPresent();
        }
        if (!readable) {
            throw DomainException.notFound(RECORD_TYPE);
        }
        return stored;
    }

    /** Checks that the current user may write this consultation's person (or group) and compartment. */
    private CurrentUser writer(Stored stored) {
        CurrentUser user = stored.personId() == null ? requireCarer() : access.requireWritable(stored.personId());
        if (stored.personId() == null && !user.mayWorkAt(stored.siteId())) {
            throw DomainException.forbidden("site-not-allowed");
        }
        access.requireCompartment(user, stored.compartment());
        return user;
    }

    private LocalDate occurredOn(@Nullable LocalDate requested) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate occurredOn = Objects.requireNonNullElse(requested, today);
        if (occurredOn.isAfter(today)) {
            throw DomainException.invalidField("occurredOn", "date-in-future");
        }
        if (occurredOn.isBefore(today.minusYears(1))) {
            throw DomainException.invalidField("occurredOn", "date-too-old");
        }
        return occurredOn;
    }

    private Situation situation(@Nullable UUID personId, LocalDate occurredOn) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        if (personId == null) {
            return new Situation(null, null, occurredOn, now);
        }
        return demographics
                .of(personId)
                .map(person -> new Situation(person.sex().name(), person.ageOn(occurredOn), occurredOn, now))
                .orElseThrow(() -> DomainException.notFound("person"));
    }

    private Content content(int formVersion, LocalDate occurredOn, CheckedAnswers checked, DataKey key, boolean sign) {
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
            String formCode,
            int revision,
            Content content,
            CheckedAnswers checked,
            DataKey key,
            @Nullable String reason,
            CurrentUser user) {
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
    }

    private Encounter view(Stored stored) {
        DataKey key = keys.keyFor(stored.keySubject());
        JsonNode answers = answers(stored.coded(), stored.answers(), key);
        FormVersion form = forms.version(stored.formCode(), stored.formVersion());
        List<RevisionSummary> revisions = repository.revisions(stored.id()).stream()
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
                alerts(form.definition(), answers, stored));
    }

    private List<ActiveAlert> alerts(FormDefinition definition, JsonNode answers, Stored stored) {
        if (definition.alertList().isEmpty()) {
            return List.of();
        }
        Situation situation = situation(stored.personId(), stored.occurredOn());
        List<ActiveAlert> active = new ArrayList<>();
        for (Alert alert : definition.alertList()) {
            if (Conditions.holds(alert.when(), answers, situation)) {
                LocalDateTime until = null;
                if (alert.until() != null && alert.hours() != null) {
                    LocalDateTime from = Conditions.moment(answers.path(alert.until()));
                    until = from == null ? null : from.plusHours(alert.hours());
                }
                active.add(new ActiveAlert(alert.code(), until));
            }
        }
        return active;
    }

    private JsonNode answers(String coded, byte @Nullable [] sealed, DataKey key) {
        return EncounterAnswers.of(coded, sealed, key, json);
    }
}
