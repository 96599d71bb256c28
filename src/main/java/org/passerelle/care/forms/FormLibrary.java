package org.passerelle.care.forms;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.care.Discipline;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.FieldFaults;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The forms consultations are recorded with. Care workers get the published forms of the
 * compartments they open; coordinators and administrators write new forms and new versions as
 * drafts, preview them, and publish them. A published or used version never changes.
 */
@Service
@Transactional
public class FormLibrary {

    static final String RECORD_TYPE = "form";

    private final FormRepository repository;
    private final FormJson json;
    private final CurrentUsers currentUsers;
    private final AuditLog audit;
    /** Versions that no longer change (published or retired), by code and version. */
    private final Map<String, FormVersion> settled = new ConcurrentHashMap<>();

    FormLibrary(FormRepository repository, FormJson json, CurrentUsers currentUsers, AuditLog audit) {
        this.repository = repository;
        this.json = json;
        this.currentUsers = currentUsers;
        this.audit = audit;
    }

    /**
     * The published forms the current user may record with: those of the compartments they open
     * and of a discipline they practise. Whether a form applies to a given person is for the client
     * to ask of its {@code appliesTo}, and for the server to check when it is used.
     */
    @Transactional(readOnly = true)
    public List<FormVersion> usable() {
        CurrentUser user = currentUsers.current();
        var practised = Discipline.practisedBy(user);
        return repository.allPublished().stream()
                .filter(form -> user.compartments().contains(form.definition().compartment()))
                .filter(form -> form.definition().usableBy(practised))
                .toList();
    }

    /** The version new consultations with this form use (404 when none is published). */
    @Transactional(readOnly = true)
    public FormVersion published(String code) {
        return repository.published(code).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
    }

    /** One version, to show a consultation recorded with it (404 when unknown). */
    @Transactional(readOnly = true)
    public FormVersion version(String code, int version) {
        FormVersion known = settled.get(code + ":" + version);
        if (known != null) {
            return known;
        }
        FormVersion found = repository.find(code, version).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        if (found.status() != FormStatus.DRAFT) {
            settled.put(code + ":" + version, found);
        }
        return found;
    }

    /** Every form's newest version and its published one, for those who write forms. */
    @Transactional(readOnly = true)
    public List<FormVersion> catalogue() {
        requireDesigner();
        return repository.latestAndPublished();
    }

    @Transactional(readOnly = true)
    public List<FormVersion> versions(String code) {
        requireDesigner();
        List<FormVersion> versions = repository.versions(code);
        if (versions.isEmpty()) {
            throw DomainException.notFound(RECORD_TYPE);
        }
        return versions;
    }

    /** Checks a definition without saving it, for a preview. */
    @Transactional(readOnly = true)
    public FormDefinition check(JsonNode submitted) {
        requireDesigner();
        return sound(submitted);
    }

    /**
     * Saves a definition as the form's draft: a new form, or the next version of an existing one.
     * The draft is replaced while it stays a draft; it is used only once published.
     */
    public FormVersion saveDraft(JsonNode submitted) {
        CurrentUser user = requireDesigner();
        FormDefinition definition = sound(submitted);
        var draft = repository.draft(definition.code());
        int version;
        if (draft.isPresent()) {
            version = draft.get().version();
            repository.replaceDraft(definition, version);
            audit.record(AuditAction.UPDATE, RECORD_TYPE, FormVersion.auditId(definition.code(), version));
        } else {
            version = repository.latestVersion(definition.code()) + 1;
            repository.insert(definition, version, FormStatus.DRAFT, false, user.id());
            audit.record(AuditAction.CREATE, RECORD_TYPE, FormVersion.auditId(definition.code(), version));
        }
        return repository.find(definition.code(), version).orElseThrow();
    }

    /** Publishes a draft: new consultations use it from now on; the version before is retired. */
    public FormVersion publish(String code, int version) {
        requireDesigner();
        FormVersion target = repository.find(code, version).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        if (target.status() == FormStatus.PUBLISHED) {
            throw FormProblems.formAlreadyPublished();
        }
        repository.publish(code, version);
        settled.remove(code + ":" + version);
        audit.record(AuditAction.UPDATE, RECORD_TYPE, target.auditId());
        return repository.find(code, version).orElseThrow();
    }

    /** Throws a draft away. */
    public void discardDraft(String code, int version) {
        requireDesigner();
        if (!repository.deleteDraft(code, version)) {
            throw repository.find(code, version).isPresent()
                    ? FormProblems.formNotADraft()
                    : DomainException.notFound(RECORD_TYPE);
        }
        audit.record(AuditAction.DELETE, RECORD_TYPE, FormVersion.auditId(code, version));
    }

    private FormDefinition sound(JsonNode submitted) {
        FormDefinition definition = json.parse(submitted);
        List<FieldFaults.Fault> faults = FormChecker.faults(definition);
        if (!faults.isEmpty()) {
            throw FieldFaults.of(FormProblems.INVALID_FORM, faults);
        }
        return definition;
    }

    private CurrentUser requireDesigner() {
        CurrentUser user = currentUsers.current();
        if (!user.hasAnyRole(Role.COORDINATOR, Role.ADMINISTRATOR)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }
}
