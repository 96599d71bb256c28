package org.passerelle.rights;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.platform.DomainException;
import org.passerelle.rights.PassLedgerRepository.BudgetRow;
import org.passerelle.rights.PassLedgerRepository.PersonSpend;
import org.passerelle.rights.PassLedgerRepository.Totals;
import org.passerelle.rights.PassViews.Budget;
import org.passerelle.rights.PassViews.BudgetChange;
import org.passerelle.rights.PassViews.PersonCost;
import org.passerelle.sites.SiteDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Pass de ville budget of each programme, kept by its coordinators: what the open vouchers
 * still commit (their ceilings less what was claimed on them), what the claims spent, and what is
 * left. A voucher is issued only within what is left, and a budget is never set below what is
 * committed and spent, so the programme never promises more than it has.
 */
@Service
public class PassBudgets {

    static final String RECORD_TYPE = "pass-budget";
    private static final int MONTHS = 24;
    private static final int PEOPLE = 50;

    private final CurrentUsers currentUsers;
    private final PassLedgerRepository ledger;
    private final SiteDirectory sites;
    private final PersonRegistry registry;
    private final AuditLog audit;

    PassBudgets(
            CurrentUsers currentUsers,
            PassLedgerRepository ledger,
            SiteDirectory sites,
            PersonRegistry registry,
            AuditLog audit) {
        this.currentUsers = currentUsers;
        this.ledger = ledger;
        this.sites = sites;
        this.registry = registry;
        this.audit = audit;
    }

    /** The programme's budget with its costs per month and per person. */
    @Transactional
    public Budget budget(UUID programmeId) {
        requireKeeper(programmeId);
        BudgetRow row = ledger.lockBudget(programmeId);
        Totals totals = ledger.totals(programmeId);
        List<PersonSpend> spends = ledger.people(programmeId, PEOPLE);
        Map<UUID, PersonSummary> people = registry.summariesForWorkList(
                spends.stream().map(PersonSpend::personId).toList());
        List<PersonCost> perPerson = spends.stream()
                .map(spend -> new PersonCost(
                        people.containsKey(spend.personId())
                                ? people.get(spend.personId()).patientCode()
                                : null,
                        spend.spentCents(),
                        spend.vouchers()))
                .toList();
        audit.record(AuditAction.READ, RECORD_TYPE, programmeId);
        return new Budget(
                programmeId,
                row.amountCents(),
                totals.committedCents(),
                totals.spentCents(),
                row.amountCents() - totals.committedCents() - totals.spentCents(),
                totals.issued(),
                totals.used(),
                totals.people(),
                totals.people() == 0 ? 0 : totals.spentCents() / totals.people(),
                ledger.months(programmeId, MONTHS),
                perPerson,
                row.version());
    }

    /** Sets the programme's budget at the version read; never below what is committed and spent. */
    @Transactional
    public Budget set(UUID programmeId, BudgetChange change) {
        CurrentUser user = requireKeeper(programmeId);
        BudgetRow row = ledger.lockBudget(programmeId);
        Totals totals = ledger.totals(programmeId);
        if (change.amountCents() < totals.committedCents() + totals.spentCents()) {
            throw PassProblems.budgetOverrun();
        }
        if (!ledger.setBudget(programmeId, change.amountCents(), change.version(), user.id())) {
            throw DomainException.staleVersion(row.version());
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, programmeId);
        return budget(programmeId);
    }

    /** Holds {@code cents} of the programme's budget for a new voucher, or refuses when it has not that much left. */
    void reserve(UUID programmeId, long cents) {
        BudgetRow row = ledger.lockBudget(programmeId);
        Totals totals = ledger.totals(programmeId);
        if (row.amountCents() - totals.committedCents() - totals.spentCents() < cents) {
            throw PassProblems.budgetOverrun();
        }
    }

    /** Coordinators and administrators working at a site of the programme. */
    private CurrentUser requireKeeper(UUID programmeId) {
        CurrentUser user = currentUsers.current();
        if (!user.hasAnyRole(Role.COORDINATOR, Role.ADMINISTRATOR)) {
            throw DomainException.roleNotAllowed();
        }
        boolean works = user.allSites()
                || sites.sites().stream()
                        .anyMatch(site -> site.programmeId().equals(programmeId) && user.mayWorkAt(site.id()));
        if (!works) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }
}
