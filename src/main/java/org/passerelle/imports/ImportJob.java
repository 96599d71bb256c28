package org.passerelle.imports;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.passerelle.access.CurrentUser;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.imports.ImportStore.Upload;
import org.passerelle.imports.ImportViews.ImportJobStatus;
import org.passerelle.imports.ImportViews.ImportStatus;
import org.passerelle.people.PersonImport;
import org.passerelle.people.PersonImport.ImportedPerson;
import org.passerelle.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the persons of an import in the background, all in one transaction: the rows with the
 * registry's {@code COPY} loader a batch at a time (so that progress shows), an audit line per
 * person created and one for the whole import. A failure anywhere, or the server stopping, rolls
 * back everything: nothing of the import is left. A failed import is audited too, in a transaction
 * of its own.
 */
@Component
class ImportJob implements DisposableBean {

    static final String RECORD_TYPE = "person-import";
    private static final String PERSON = "person";
    private static final int BATCH = 2_000;
    private static final Logger log = LoggerFactory.getLogger(ImportJob.class);

    private final PersonImport personImport;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("person-import").factory());

    ImportJob(PersonImport personImport, AuditLog audit, PlatformTransactionManager transactions) {
        this.personImport = personImport;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What to write, and the counts of the rows that are not written, for the audit line and the job. */
    record Work(List<ImportedPerson> persons, int linked, int skipped, int refused) {}

    /** Starts writing; the upload's job says how it goes. One import runs at a time, the others wait. */
    void start(Upload upload, CurrentUser user, Work work) {
        upload.job = job(upload, ImportStatus.RUNNING, work, null);
        executor.execute(() -> run(upload, user, work));
    }

    private void run(Upload upload, CurrentUser user, Work work) {
        try {
            transaction.executeWithoutResult(status -> write(upload, user, work));
            upload.job = job(upload, ImportStatus.DONE, work, null);
        } catch (RuntimeException e) {
            String code = e instanceof DomainException problem ? problem.code() : "import-failed";
            log.warn(
                    "Import {} failed and wrote nothing: {}",
                    upload.id,
                    e.getClass().getName());
            upload.written.set(0);
            // audited before the job says it failed, so whoever sees the failure finds its audit line
            auditFailure(upload.id, user);
            upload.job = job(upload, ImportStatus.FAILED, work, code);
        }
    }

    private void write(Upload upload, CurrentUser user, Work work) {
        List<ImportedPerson> persons = work.persons();
        for (int from = 0; from < persons.size(); from += BATCH) {
            List<ImportedPerson> batch = persons.subList(from, Math.min(persons.size(), from + BATCH));
            personImport.importBatch(batch, user.id());
            upload.written.addAndGet(batch.size());
            upload.job = job(upload, ImportStatus.RUNNING, work, null);
        }
        List<UUID> ids = persons.stream().map(ImportedPerson::id).toList();
        audit.recordAllFor(user, AuditAction.CREATE, PERSON, ids, "SUCCESS import=" + upload.id);
        audit.recordFor(user, AuditAction.CREATE, RECORD_TYPE, upload.id, outcome("SUCCESS", work));
    }

    private void auditFailure(UUID importId, CurrentUser user) {
        try {
            transaction.executeWithoutResult(
                    status -> audit.recordFor(user, AuditAction.CREATE, RECORD_TYPE, importId, "FAILED"));
        } catch (RuntimeException e) {
            log.warn(
                    "The failure of import {} could not be audited: {}",
                    importId,
                    e.getClass().getName());
        }
    }

    private static String outcome(String status, Work work) {
        return status + " persons=" + work.persons().size() + " linked=" + work.linked() + " skipped=" + work.skipped()
                + " refused=" + work.refused();
    }

    private static ImportJobStatus job(
            Upload upload, ImportStatus status, Work work, @org.jspecify.annotations.Nullable String failure) {
        return new ImportJobStatus(
                upload.id,
                status,
                work.persons().size(),
                upload.written.get(),
                status == ImportStatus.DONE ? work.persons().size() : 0,
                work.linked(),
                work.skipped(),
                work.refused(),
                failure);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
