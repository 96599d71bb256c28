package org.passerelle.rights;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.rights.PassViews.Claim;
import org.passerelle.rights.PassViews.MonthCost;
import org.passerelle.rights.PassViews.NewClaim;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Claims, budgets and what a programme's Pass de ville has committed and spent, in cents. */
@Repository
class PassLedgerRepository {

    /** A programme's budget row; version 0 when none was set. */
    record BudgetRow(long amountCents, long version) {}

    /** What a programme's vouchers commit and spend, and how many were issued and used. */
    record Totals(long committedCents, long spentCents, int issued, int used, int people) {}

    /** A person's spend, by id (the service adds the patient code). */
    record PersonSpend(UUID personId, long spentCents, int vouchers) {}

    private final JdbcClient jdbc;

    PassLedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insertClaim(NewClaim claim, UUID voucherId, UUID by, String name) {
        return jdbc.sql("""
                        insert into rights.pass_claim (id, voucher_id, amount_cents, care_on, invoice_ref, created_by,
                               created_by_name)
                        values (:id, :voucher, :amount, :on, :ref, :by, :name) on conflict (id) do nothing
                        """)
                        .param("id", claim.id())
                        .param("voucher", voucherId)
                        .param("amount", claim.amountCents())
                        .param("on", claim.careOn())
                        .param("ref", claim.invoiceRef())
                        .param("by", by)
                        .param("name", name)
                        .update()
                == 1;
    }

    Optional<Claim> claim(UUID id) {
        return jdbc.sql("""
                        select id, voucher_id, amount_cents, care_on, invoice_ref, created_by_name, version
                          from rights.pass_claim where id = ? and deleted_at is null
                        """)
                .param(id)
                .query((row, n) -> new Claim(
                        row.getObject("id", UUID.class),
                        row.getObject("voucher_id", UUID.class),
                        row.getLong("amount_cents"),
                        row.getObject("care_on", LocalDate.class),
                        row.getString("invoice_ref"),
                        row.getString("created_by_name"),
                        row.getLong("version")))
                .optional();
    }

    /** The programme's budget, its row locked until the transaction ends when there is one. */
    BudgetRow lockBudget(UUID programmeId) {
        return jdbc.sql("select amount_cents, version from rights.pass_budget where programme_id = ? for update")
                .param(programmeId)
                .query((row, n) -> new BudgetRow(row.getLong("amount_cents"), row.getLong("version")))
                .optional()
                .orElse(new BudgetRow(0, 0));
    }

    /** Sets the budget at the version read (0: none yet); false when it changed since. */
    boolean setBudget(UUID programmeId, long amountCents, long version, UUID by) {
        if (version == 0) {
            return jdbc.sql("""
                            insert into rights.pass_budget (programme_id, amount_cents, updated_by) values (?, ?, ?)
                            on conflict (programme_id) do nothing
                            """).params(programmeId, amountCents, by).update() == 1;
        }
        return jdbc.sql("""
                        update rights.pass_budget set amount_cents = ?, version = version + 1, updated_at = now(),
                               updated_by = ?
                         where programme_id = ? and version = ?
                        """).params(amountCents, by, programmeId, version).update() == 1;
    }

    Totals totals(UUID programmeId) {
        return jdbc.sql("""
                        select coalesce(sum(greatest(v.ceiling_cents - coalesce(c.claimed, 0), 0))
                                        filter (where v.status = 'OPEN'), 0) as committed,
                               coalesce(sum(c.claimed), 0) as spent,
                               count(*) as issued,
                               count(c.claimed) as used,
                               count(distinct v.person_id) filter (where c.claimed is not null) as people
                          from rights.pass_voucher v
                          left join (select voucher_id, sum(amount_cents) as claimed from rights.pass_claim
                                      where deleted_at is null group by voucher_id) c on c.voucher_id = v.id
                         where v.programme_id = ? and v.deleted_at is null
                        """)
                .param(programmeId)
                .query((row, n) -> new Totals(
                        row.getLong("committed"),
                        row.getLong("spent"),
                        row.getInt("issued"),
                        row.getInt("used"),
                        row.getInt("people")))
                .single();
    }

    /** What the programme's claims cost month by month (the month of the care), newest first. */
    List<MonthCost> months(UUID programmeId, int limit) {
        return jdbc.sql("""
                        select date_trunc('month', c.care_on)::date as month, sum(c.amount_cents) as spent,
                               count(*) as claims, count(distinct v.person_id) as people
                          from rights.pass_claim c join rights.pass_voucher v on v.id = c.voucher_id
                         where v.programme_id = ? and c.deleted_at is null and v.deleted_at is null
                         group by 1 order by 1 desc limit ?
                        """)
                .params(programmeId, limit)
                .query((row, n) -> new MonthCost(
                        YearMonth.from(row.getObject("month", LocalDate.class)),
                        row.getLong("spent"),
                        row.getInt("claims"),
                        row.getInt("people")))
                .list();
    }

    /** The people whose care cost the programme most, with what it cost. */
    List<PersonSpend> people(UUID programmeId, int limit) {
        return jdbc.sql("""
                        select v.person_id, sum(c.amount_cents) as spent, count(distinct v.id) as vouchers
                          from rights.pass_claim c join rights.pass_voucher v on v.id = c.voucher_id
                         where v.programme_id = ? and c.deleted_at is null and v.deleted_at is null
                         group by v.person_id order by spent desc, v.person_id limit ?
                        """)
                .params(programmeId, limit)
                .query((row, n) -> new PersonSpend(
                        row.getObject("person_id", UUID.class), row.getLong("spent"), row.getInt("vouchers")))
                .list();
    }
}
