package org.passerelle.outbreaks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.outbreaks.OutbreakAccess.Scope;
import org.passerelle.platform.DomainException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A disease's line list as a CSV file whose columns follow the MSF outbreak data dictionary's
 * names where it has one ({@code case_number}, {@code date_of_onset}, {@code age_years},
 * {@code sex}, {@code date_of_consultation_admission}, {@code exit_status}, {@code date_of_exit}),
 * written row by row from the database so that 200,000 cases stream without being held in memory.
 * No name and no person id leave in it; for coordinators and data officers, audited.
 */
@Service
public class LineListExport {

    static final List<String> COLUMNS = List.of(
            "case_number",
            "disease",
            "case_classification",
            "sex",
            "age_years",
            "age_group",
            "date_of_onset",
            "date_of_consultation_admission",
            "rdt_result",
            "lab_result",
            "severity",
            "exit_status",
            "date_of_exit",
            "treatment_facility_site",
            "patient_origin",
            "latitude",
            "longitude",
            "linked_to_person");

    private final OutbreakAccess access;
    private final CurrentUsers currentUsers;
    private final Diseases diseases;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    LineListExport(
            OutbreakAccess access, CurrentUsers currentUsers, Diseases diseases, JdbcClient jdbc, AuditLog audit) {
        this.access = access;
        this.currentUsers = currentUsers;
        this.diseases = diseases;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Checks who asks before the first byte is written; then {@link #write} streams the file. */
    public Scope authorise(String disease, @Nullable UUID siteId) {
        diseases.require(disease);
        CurrentUser user = currentUsers.current();
        if (!user.hasAnyRole(Role.COORDINATOR, Role.DATA_OFFICER)) {
            throw DomainException.roleNotAllowed();
        }
        return access.requireReader(siteId);
    }

    /** Streams the file, then writes the export's audit line, in one transaction. */
    @Transactional
    public void write(String disease, Scope scope, Writer out) {
        String prefix = diseases.require(disease).prefix();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(COLUMNS);
            jdbc.sql("""
                            select case_number, disease, classification, sex, age_years, age_group, onset_on,
                                   admitted_on, rapid_test, lab_result, severity, outcome, outcome_on, site_id,
                                   outreach_location_id, latitude, longitude, person_id is not null as linked
                              from outbreaks.outbreak_case
                             where disease = :disease and deleted_at is null and (:all or site_id = any(:sites))
                             order by case_number
                            """)
                    .withFetchSize(5_000)
                    .param("disease", disease)
                    .param("all", scope.all())
                    .param("sites", scope.sites().toArray(UUID[]::new))
                    .query((RowCallbackHandler) rs -> row(csv, prefix, rs));
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(AuditAction.EXPORT, Cases.LINE_LIST, null);
    }

    private static void row(CSVPrinter csv, String prefix, ResultSet rs) throws SQLException {
        try {
            csv.printRecord(
                    prefix + "-" + String.format("%06d", rs.getLong(1)),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5),
                    rs.getString(6),
                    rs.getObject(7),
                    rs.getObject(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getString(12),
                    rs.getObject(13),
                    rs.getObject(14),
                    rs.getObject(15),
                    rs.getObject(16),
                    rs.getObject(17),
                    rs.getBoolean(18));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
