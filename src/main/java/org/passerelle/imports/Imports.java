package org.passerelle.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.imports.ImportStore.Upload;
import org.passerelle.imports.ImportViews.ImportAction;
import org.passerelle.imports.ImportViews.ImportCheck;
import org.passerelle.imports.ImportViews.ImportDecision;
import org.passerelle.imports.ImportViews.ImportJobStatus;
import org.passerelle.imports.ImportViews.ImportMapping;
import org.passerelle.imports.ImportViews.ImportRefusal;
import org.passerelle.imports.ImportViews.ImportRun;
import org.passerelle.imports.ImportViews.ImportUpload;
import org.passerelle.people.PersonImport.ImportedPerson;
import org.passerelle.platform.DomainException;
import org.passerelle.sites.SiteDirectory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import of persons from a spreadsheet, in three steps: upload the file, check it through a
 * column mapping (each row read with the registry's rules, the first rows previewed, the refusals
 * and likely duplicates listed), then run the import with a choice per row (import as new, link to
 * an existing person, skip) as one audited job that writes everything or nothing. Coordinators and
 * data officers import; administrators do not, as they do not see who persons are and the check
 * shows the persons of the registry a row may be.
 */
@Service
public class Imports {

    private final ImportStore store;
    private final ImportJob job;
    private final ImportChecks checks;
    private final CurrentUsers currentUsers;
    private final AuditLog audit;
    private final SiteDirectory sites;
    private final Clock clock;
    private final MessageSource messages;

    Imports(
            ImportStore store,
            ImportJob job,
            ImportChecks checks,
            CurrentUsers currentUsers,
            AuditLog audit,
            SiteDirectory sites,
            Clock clock,
            MessageSource messages) {
        this.store = store;
        this.job = job;
        this.checks = checks;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.sites = sites;
        this.clock = clock;
        this.messages = messages;
    }

    /** Reads a CSV file or an XLSX workbook (its first sheet) and keeps it for the next steps. */
    public ImportUpload upload(byte[] content) {
        CurrentUser user = requireImporter();
        ImportFile.Table table = ImportFile.read(content).getFirst();
        Upload upload = store.add(user.id(), table);
        Map<String, ImportField> guessed = new LinkedHashMap<>();
        for (String header : table.headers()) {
            ImportField.guess(header)
                    .filter(field -> !guessed.containsValue(field))
                    .ifPresent(field -> guessed.put(header, field));
        }
        return new ImportUpload(upload.id, table.headers(), table.rows().size(), guessed);
    }

    /**
     * Reads every row through the mapping: the first rows as the registry will take them, every
     * refusal with its reason in the user's language, and the likely duplicates within the file
     * and in the registry (a search of the registry, audited as one).
     */
    @Transactional
    public ImportCheck check(UUID importId, ImportMapping mapping) {
        CurrentUser user = requireImporter();
        Upload upload = store.get(importId, user.id());
        List<PersonRow.Read> reads = read(upload, mapping, user);
        audit.record(AuditAction.SEARCH, "person", null);
        ImportCheck check = checks.check(reads, upload, LocalDate.now(clock), this::message);
        upload.proposed = ImportChecks.proposed(check);
        return check;
    }

    /**
     * Starts the import of the rows the mapping reads, as the decisions say (rows without one are
     * imported as new); refused rows are left out and listed in the report. Runs once per upload.
     */
    public ImportJobStatus run(UUID importId, ImportRun run) {
        CurrentUser user = requireImporter();
        Upload upload = store.get(importId, user.id());
        synchronized (upload) {
            if (upload.job != null) {
                throw ImportProblems.alreadyRun();
            }
            List<PersonRow.Read> reads = read(upload, run.mapping(), user);
            Map<Integer, ImportDecision> decisions = decisions(run.decisions(), upload);
            List<ImportedPerson> persons = new ArrayList<>();
            int linked = 0;
            int skipped = 0;
            List<ImportRefusal> refusals = new ArrayList<>();
            for (PersonRow.Read read : reads) {
                ImportAction action = decisions.containsKey(read.line())
                        ? decisions.get(read.line()).action()
                        : ImportAction.NEW;
                if (read.person() == null) {
                    read.refusals().forEach(refusal -> refusals.add(withMessage(refusal)));
                } else if (action == ImportAction.NEW) {
                    persons.add(read.person());
                } else if (action == ImportAction.LINK) {
                    linked++;
                } else {
                    skipped++;
                }
            }
            upload.refusals = List.copyOf(refusals);
            int refused =
                    (int) reads.stream().filter(read -> read.person() == null).count();
            job.start(upload, user, new ImportJob.Work(persons, linked, skipped, refused));
            return Objects.requireNonNull(upload.job);
        }
    }

    /** Where the user's import stands. */
    public ImportJobStatus status(UUID importId) {
        CurrentUser user = requireImporter();
        ImportJobStatus current = store.get(importId, user.id()).job;
        if (current == null) {
            throw DomainException.notFound("import");
        }
        return current;
    }

    /** The rows the import refused and why, as CSV in the user's language: line, column, code, reason. */
    public String report(UUID importId) {
        CurrentUser user = requireImporter();
        Upload upload = store.get(importId, user.id());
        if (upload.job == null) {
            throw DomainException.notFound("import");
        }
        return ImportReport.csv(upload.refusals, this::message);
    }

    private List<PersonRow.Read> read(Upload upload, ImportMapping mapping, CurrentUser user) {
        Map<ImportField, Integer> columns = columns(upload.table, mapping);
        Map<String, UUID> sitesByName = new HashMap<>();
        sites.sites().stream()
                .filter(site -> user.mayWorkAt(site.id()))
                .forEach(site -> sitesByName.put(ImportField.fold(site.name()), site.id()));
        PersonRow.Context context =
                new PersonRow.Context(LocalDate.now(clock), clock.instant(), sitesByName, user.requireCurrentSite());
        PersonRow reader = new PersonRow(columns, upload.table.headers(), context);
        List<PersonRow.Read> reads = new ArrayList<>(upload.table.rows().size());
        List<List<String>> rows = upload.table.rows();
        for (int i = 0; i < rows.size(); i++) {
            reads.add(reader.read(i + 2, rows.get(i)));
        }
        return reads;
    }

    /** The column of each field; refuses a header the file does not have, or a mapping without a name. */
    private static Map<ImportField, Integer> columns(ImportFile.Table table, ImportMapping mapping) {
        Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
        mapping.columns().forEach((field, header) -> {
            int column = table.headers().indexOf(header);
            if (column < 0) {
                throw ImportProblems.unknownColumn("mapping.columns." + field.name());
            }
            columns.put(field, column);
        });
        if (!columns.containsKey(ImportField.FULL_NAME)
                && !columns.containsKey(ImportField.GIVEN_NAME)
                && !columns.containsKey(ImportField.FAMILY_NAME)) {
            throw ImportProblems.nameNotMapped();
        }
        return columns;
    }

    private static Map<Integer, ImportDecision> decisions(List<ImportDecision> decisions, Upload upload) {
        Map<Integer, ImportDecision> byLine = new HashMap<>();
        for (int i = 0; i < decisions.size(); i++) {
            ImportDecision decision = decisions.get(i);
            if (decision.action() == ImportAction.LINK
                    && (decision.personId() == null
                            || !upload.proposed
                                    .getOrDefault(decision.line(), java.util.Set.of())
                                    .contains(decision.personId()))) {
                throw ImportProblems.linkNotProposed("decisions[" + i + "].personId");
            }
            byLine.put(decision.line(), decision);
        }
        return byLine;
    }

    private ImportRefusal withMessage(ImportRefusal refusal) {
        return new ImportRefusal(refusal.line(), refusal.column(), refusal.code(), message(refusal.code()));
    }

    private String message(String code) {
        String text = messages.getMessage("problem." + code, null, code, LocaleContextHolder.getLocale());
        return text == null ? code : text;
    }

    private CurrentUser requireImporter() {
        CurrentUser user = currentUsers.current();
        if (!user.hasAnyRole(Role.COORDINATOR, Role.DATA_OFFICER)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }
}
