package org.passerelle.people;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Reauthentication;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonalData.Fact;
import org.passerelle.people.PersonalData.Section;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Language;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a person's request for their data (right of access): one document, in French, English or
 * Arabic, as HTML or PDF, with everything every module holds about them ({@link PersonalDataSource}).
 * Only data officers and administrators may export, after confirming who they are again within the
 * last minutes; each export is audited in the same transaction as it is read.
 */
@Service
@Transactional
class PersonalDataExport {

    /** The formats a document is made in. */
    enum Format {
        HTML("text/html;charset=UTF-8", "html"),
        PDF("application/pdf", "pdf");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    /** What the user asks for: a format and a language, checked before anything is read or audited. */
    record ExportRequest(
            @NotNull @Pattern(regexp = "HTML|PDF") String format,
            @NotNull @Pattern(regexp = "fr|en|ar") String language) {}

    /** A made document and the name of the file it is saved as (the patient code, never the name). */
    record Export(byte[] content, Format format, String fileName) {}

    private final PersonRepository persons;
    private final PersonAccess access;
    private final CurrentUsers currentUsers;
    private final Reauthentication reauthentication;
    private final AuditLog audit;
    private final ObjectProvider<PersonalDataSource> sources;
    private final Clock clock;

    PersonalDataExport(
            PersonRepository persons,
            PersonAccess access,
            CurrentUsers currentUsers,
            Reauthentication reauthentication,
            AuditLog audit,
            ObjectProvider<PersonalDataSource> sources,
            Clock clock) {
        this.persons = persons;
        this.access = access;
        this.currentUsers = currentUsers;
        this.reauthentication = reauthentication;
        this.audit = audit;
        this.sources = sources;
        this.clock = clock;
    }

    Export export(UUID personId, ExportRequest request) {
        Format format = Arrays.stream(Format.values())
                .filter(known -> known.name().equals(request.format()))
                .findFirst()
                .orElseThrow(() -> DomainException.invalidInput("format"));
        Language language =
                Language.ofCode(request.language()).orElseThrow(() -> DomainException.invalidInput("language"));
        CurrentUser user = currentUsers.current();
        if (!user.hasAnyRole(Role.DATA_OFFICER, Role.ADMINISTRATOR)) {
            throw DomainException.roleNotAllowed();
        }
        reauthentication.requireRecent();
        PersonRepository.Row person =
                persons.findById(personId).orElseThrow(() -> DomainException.notFound(PersonRegistry.RECORD_TYPE));
        checkScope(user, personId);
        audit.record(AuditAction.EXPORT, PersonRegistry.RECORD_TYPE, personId);

        PersonalDataTexts texts = PersonalDataTexts.of(language, clock.getZone());
        List<Section> sections = sources.orderedStream()
                .flatMap(source -> source.sections(personId, texts).stream())
                .toList();
        String code = PatientCode.display(person.patientCode());
        PersonalDataDocument document = new PersonalDataDocument(
                language,
                texts.text("document.title", code),
                List.of(texts.text("document.introduction", code), texts.text("document.rights")),
                List.of(
                        new Fact(texts.text("document.patientCode"), code),
                        new Fact(texts.text("document.generatedOn"), texts.dateTime(clock.instant())),
                        new Fact(texts.text("document.generatedBy"), user.displayName())),
                sections,
                texts.text("document.footer"),
                texts.text("document.page", code));
        byte[] content = switch (format) {
            case HTML -> PersonalDataHtml.render(document).getBytes(StandardCharsets.UTF_8);
            case PDF -> PersonalDataPdf.render(document);
        };
        String fileName = "passerelle-" + person.patientCode() + "-" + LocalDate.now(clock) + "." + format.extension;
        return new Export(content, format, fileName);
    }

    /**
     * Whether the person is in care at a site the user works at, as for an erasure: the user's site
     * scope, not a break-the-glass, which opens a file for reading only (403
     * {@code person-outside-scope}).
     */
    private void checkScope(CurrentUser user, UUID personId) {
        if (!access.inSiteScope(user, personId)) {
            throw PeopleProblems.personOutsideScope();
        }
    }
}
