package org.passerelle.vaccination;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SettledChanges.Positioned;
import org.passerelle.vaccination.VaccinationViews.VaccineDose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The doses given to persons. */
@Repository
class DoseRepository {

    private static final String COLUMNS =
            "id, person_id, vaccine_code, dose_number, lot, given_on, site_id, campaign_id, given_by_name, version";

    private final JdbcClient jdbc;

    DoseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<VaccineDose> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from vaccination.dose where id = ? and deleted_at is null")
                .param(id)
                .query(DoseRepository::dose)
                .optional();
    }

    /** Whether a record, even a removed one, holds this id. */
    boolean idTaken(UUID id) {
        return jdbc.sql("select exists (select 1 from vaccination.dose where id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    /**
     * The person's doses of one vaccine, by dose number; locks the person's doses of it so that two
     * doses recorded at once are checked one after the other.
     */
    List<VaccineDose> ofVaccineLocked(UUID personId, String vaccineCode) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(personId + "/" + vaccineCode)
                .query((row, n) -> 1)
                .list();
        return jdbc.sql("select " + COLUMNS + " from vaccination.dose"
                        + " where person_id = ? and vaccine_code = ? and deleted_at is null order by dose_number")
                .params(personId, vaccineCode)
                .query(DoseRepository::dose)
                .list();
    }

    /** The person's doses, newest first. */
    List<VaccineDose> ofPerson(UUID personId) {
        return jdbc.sql("select " + COLUMNS + " from vaccination.dose where person_id = ? and deleted_at is null"
                        + " order by given_on desc, vaccine_code, dose_number desc")
                .param(personId)
                .query(DoseRepository::dose)
                .list();
    }

    void insert(VaccineDose dose, UUID givenBy) {
        jdbc.sql("""
                        insert into vaccination.dose (id, person_id, vaccine_code, dose_number, lot, given_on, site_id,
                                                      campaign_id, given_by, given_by_name)
                        values (:id, :person, :vaccine, :number, :lot, :givenOn, :site, :campaign, :by, :byName)
                        """)
                .param("id", dose.id())
                .param("person", dose.personId())
                .param("vaccine", dose.vaccineCode())
                .param("number", dose.doseNumber())
                .param("lot", dose.lot())
                .param("givenOn", dose.givenOn())
                .param("site", dose.siteId())
                .param("campaign", dose.campaignId())
                .param("by", givenBy)
                .param("byName", dose.givenBy())
                .update();
    }

    /** Removes a dose recorded by mistake: a tombstone, so devices learn it is gone. */
    boolean remove(UUID id, long version) {
        return jdbc.sql("""
                        update vaccination.dose set deleted_at = now(), updated_at = now(), version = version + 1,
                               change_seq = nextval('vaccination.dose_change_seq')
                         where id = ? and version = ? and deleted_at is null
                        """).params(id, version).update() == 1;
    }

    /** Whether a later dose of the vaccine than {@code number} is on the person's file. */
    boolean laterDoseExists(UUID personId, String vaccineCode, int number) {
        return jdbc.sql("select exists (select 1 from vaccination.dose where person_id = ? and vaccine_code = ?"
                        + " and dose_number > ? and deleted_at is null)")
                .params(personId, vaccineCode, number)
                .query(Boolean.class)
                .single();
    }

    /** A dose changed since a pull's position, removed or not, with its own position. */
    record Held(VaccineDose dose, boolean removed, long transaction, long change) implements Positioned {}

    /** The doses changed after {@code after} by transactions older than every one still running. */
    List<Held> changedSince(Position after, int limit) {
        return SettledChanges.bind(
                        jdbc.sql("select " + COLUMNS + ", deleted_at is not null as removed, " + SettledChanges.POSITION
                                + " from vaccination.dose where " + SettledChanges.AFTER),
                        after,
                        limit)
                .query((row, n) -> new Held(
                        dose(row, n), row.getBoolean("removed"), row.getLong("transaction"), row.getLong("change")))
                .list();
    }

    private static VaccineDose dose(ResultSet row, int rowNumber) throws SQLException {
        return new VaccineDose(
                row.getObject("id", UUID.class),
                row.getObject("person_id", UUID.class),
                row.getString("vaccine_code"),
                row.getInt("dose_number"),
                row.getString("lot"),
                row.getObject("given_on", LocalDate.class),
                row.getObject("site_id", UUID.class),
                row.getObject("campaign_id", UUID.class),
                row.getString("given_by_name"),
                row.getLong("version"));
    }
}
