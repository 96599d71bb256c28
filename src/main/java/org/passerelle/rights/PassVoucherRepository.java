package org.passerelle.rights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.rights.PassViews.CareType;
import org.passerelle.rights.PassViews.Decision;
import org.passerelle.rights.PassViews.Eligibility;
import org.passerelle.rights.PassViews.NewVoucher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Eligibility decisions and vouchers of Pass de ville, each voucher with what was claimed on it. */
@Repository
class PassVoucherRepository {

    /** A voucher as stored, with the sum of its claims. */
    record VoucherRow(
            UUID id,
            String code,
            UUID personId,
            UUID siteId,
            UUID programmeId,
            UUID providerId,
            CareType careType,
            long ceilingCents,
            long claimedCents,
            LocalDate issuedOn,
            LocalDate validUntil,
            String status,
            @Nullable LocalDate closedOn,
            String issuedBy,
            long version) {}

    private static final String VOUCHER = """
            select v.id, v.code, v.person_id, v.site_id, v.programme_id, v.provider_id, v.care_type,
                   v.ceiling_cents, v.issued_on, v.valid_until, v.status, v.closed_on, v.created_by_name, v.version,
                   coalesce((select sum(c.amount_cents) from rights.pass_claim c
                              where c.voucher_id = v.id and c.deleted_at is null), 0) as claimed
              from rights.pass_voucher v
             where v.deleted_at is null
            """;

    private final JdbcClient jdbc;

    PassVoucherRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insertEligibility(
            UUID id, UUID personId, UUID siteId, Decision decision, LocalDate on, UUID by, String name) {
        return jdbc.sql("""
                        insert into rights.pass_eligibility (id, person_id, site_id, decision, decided_on, created_by,
                               created_by_name)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing
                        """)
                        .params(id, personId, siteId, decision.name(), on, by, name)
                        .update()
                == 1;
    }

    Optional<UUID> eligibilityPerson(UUID id) {
        return jdbc.sql("select person_id from rights.pass_eligibility where id = ?")
                .param(id)
                .query(UUID.class)
                .optional();
    }

    /** The person's latest decision. */
    Optional<Eligibility> latestEligibility(UUID personId) {
        return jdbc.sql("""
                        select id, decision, decided_on, created_by_name from rights.pass_eligibility
                         where person_id = ? and deleted_at is null
                         order by decided_on desc, created_at desc limit 1
                        """)
                .param(personId)
                .query((row, n) -> new Eligibility(
                        row.getObject("id", UUID.class),
                        Decision.valueOf(row.getString("decision")),
                        row.getObject("decided_on", LocalDate.class),
                        row.getString("created_by_name")))
                .optional();
    }

    boolean insertVoucher(
            NewVoucher voucher,
            String code,
            UUID personId,
            UUID siteId,
            UUID programmeId,
            LocalDate on,
            UUID by,
            String name) {
        return jdbc.sql("""
                        insert into rights.pass_voucher (id, code, person_id, site_id, programme_id, provider_id,
                               care_type, ceiling_cents, issued_on, valid_until, created_by, created_by_name)
                        values (:id, :code, :person, :site, :programme, :provider, :care, :ceiling, :on, :until,
                                :by, :name)
                        on conflict (id) do nothing
                        """)
                        .param("id", voucher.id())
                        .param("code", code)
                        .param("person", personId)
                        .param("site", siteId)
                        .param("programme", programmeId)
                        .param("provider", voucher.providerId())
                        .param("care", voucher.careType().name())
                        .param("ceiling", voucher.ceilingCents())
                        .param("on", on)
                        .param("until", voucher.validUntil())
                        .param("by", by)
                        .param("name", name)
                        .update()
                == 1;
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select exists (select 1 from rights.pass_voucher where code = ?)")
                .param(code)
                .query(Boolean.class)
                .single();
    }

    Optional<VoucherRow> find(UUID id) {
        return jdbc.sql(VOUCHER + " and v.id = ?")
                .param(id)
                .query((row, n) -> row(row))
                .optional();
    }

    /** The voucher with this code, locked until the transaction ends (claims are counted against it). */
    Optional<VoucherRow> lockByCode(String code) {
        jdbc.sql("select id from rights.pass_voucher where code = ? for update")
                .param(code)
                .query(UUID.class)
                .list();
        return byCode(code);
    }

    Optional<VoucherRow> byCode(String code) {
        return jdbc.sql(VOUCHER + " and v.code = ?")
                .param(code)
                .query((row, n) -> row(row))
                .optional();
    }

    List<VoucherRow> ofPerson(UUID personId) {
        return jdbc.sql(VOUCHER + " and v.person_id = ? order by v.issued_on desc, v.created_at desc")
                .param(personId)
                .query((row, n) -> row(row))
                .list();
    }

    /** Closes a voucher still open, at the version read; false when it changed since. */
    boolean close(UUID id, long version, String status, LocalDate on) {
        return jdbc.sql("""
                        update rights.pass_voucher
                           set status = ?, closed_on = ?, version = version + 1,
                               change_seq = nextval('rights.pass_voucher_change_seq')
                         where id = ? and version = ? and status = 'OPEN'
                        """).params(status, on, id, version).update() == 1;
    }

    /** Closes every open voucher of the person as handed over; how many. */
    int handOver(UUID personId, LocalDate on) {
        return jdbc.sql("""
                        update rights.pass_voucher
                           set status = 'HANDED_OVER', closed_on = ?, version = version + 1,
                               change_seq = nextval('rights.pass_voucher_change_seq')
                         where person_id = ? and status = 'OPEN' and deleted_at is null
                        """).params(on, personId).update();
    }

    private static VoucherRow row(ResultSet row) throws SQLException {
        return new VoucherRow(
                row.getObject("id", UUID.class),
                row.getString("code"),
                row.getObject("person_id", UUID.class),
                row.getObject("site_id", UUID.class),
                row.getObject("programme_id", UUID.class),
                row.getObject("provider_id", UUID.class),
                CareType.valueOf(row.getString("care_type")),
                row.getLong("ceiling_cents"),
                row.getLong("claimed"),
                row.getObject("issued_on", LocalDate.class),
                row.getObject("valid_until", LocalDate.class),
                row.getString("status"),
                row.getObject("closed_on", LocalDate.class),
                row.getString("created_by_name"),
                row.getLong("version"));
    }
}
