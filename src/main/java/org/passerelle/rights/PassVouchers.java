package org.passerelle.rights;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.passerelle.access.Compartment;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonAccess;
import org.passerelle.platform.DomainException;
import org.passerelle.referrals.Directory;
import org.passerelle.referrals.DirectoryViews.PartnerService;
import org.passerelle.referrals.DirectoryViews.ServiceKind;
import org.passerelle.rights.PassViews.Decision;
import org.passerelle.rights.PassViews.Eligibility;
import org.passerelle.rights.PassViews.NewEligibility;
import org.passerelle.rights.PassViews.NewVoucher;
import org.passerelle.rights.PassViews.PassFile;
import org.passerelle.rights.PassViews.Voucher;
import org.passerelle.rights.PassViews.VoucherStatus;
import org.passerelle.rights.PassVoucherRepository.VoucherRow;
import org.passerelle.sites.SiteDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path of Pass de ville eligibility and vouchers. Social and legal workers caring for
 * a person decide whether the organisation pays their city care and issue vouchers: for a city
 * doctor, pharmacy, lab or radiology service of the directory, a care type and a ceiling in cents
 * the programme's budget still has room for. When coverage is granted the open vouchers are closed
 * and the person's care is handed over to ordinary coverage. Every read and write is audited.
 */
@Service
public class PassVouchers {

    static final String RECORD_TYPE = "pass-voucher";
    static final String ELIGIBILITY = "pass-eligibility";
    private static final Set<ServiceKind> CITY_PROVIDERS =
            EnumSet.of(ServiceKind.CITY_DOCTOR, ServiceKind.PHARMACY, ServiceKind.LAB, ServiceKind.RADIOLOGY);
    private static final int LONGEST_VALIDITY_DAYS = 365;

    private final PersonAccess personAccess;
    private final CurrentUsers currentUsers;
    private final PassVoucherRepository vouchers;
    private final PassBudgets budgets;
    private final Directory directory;
    private final SiteDirectory sites;
    private final AuditLog audit;
    private final Clock clock;

    PassVouchers(
            PersonAccess personAccess,
            CurrentUsers currentUsers,
            PassVoucherRepository vouchers,
            PassBudgets budgets,
            Directory directory,
            SiteDirectory sites,
            AuditLog audit,
            Clock clock) {
        this.personAccess = personAccess;
        this.currentUsers = currentUsers;
        this.vouchers = vouchers;
        this.budgets = budgets;
        this.directory = directory;
        this.sites = sites;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a decision on the person's eligibility; sent again with the same id, answers it as it is. */
    @Transactional
    public Eligibility decide(UUID personId, NewEligibility decision) {
        CurrentUser user = requireIssuer(personId);
        if (decision.decision() == Decision.HANDED_OVER) {
            throw DomainException.invalidInput("decision");
        }
        if (decision.decidedOn().isAfter(LocalDate.now(clock))) {
            throw PassProblems.inFuture("decidedOn");
        }
        if (vouchers.insertEligibility(
                decision.id(),
                personId,
                user.requireCurrentSite(),
                decision.decision(),
                decision.decidedOn(),
                user.id(),
                user.displayName())) {
            audit.record(AuditAction.CREATE, ELIGIBILITY, decision.id());
        } else if (!vouchers.eligibilityPerson(decision.id()).orElseThrow().equals(personId)) {
            throw PassProblems.idReused();
        }
        return vouchers.latestEligibility(personId).orElseThrow();
    }

    /** Issues a voucher to an eligible person; sent again with the same id, answers it as it is. */
    @Transactional
    public Voucher issue(UUID personId, NewVoucher command) {
        CurrentUser user = requireIssuer(personId);
        VoucherRow existing = vouchers.find(command.id()).orElse(null);
        if (existing != null) {
            if (!existing.personId().equals(personId)) {
                throw PassProblems.idReused();
            }
            return view(existing);
        }
        LocalDate today = LocalDate.now(clock);
        Eligibility eligibility = vouchers.latestEligibility(personId).orElseThrow(PassProblems::notEligible);
        if (eligibility.decision() == Decision.HANDED_OVER) {
            throw PassProblems.handedOver();
        }
        if (eligibility.decision() != Decision.ELIGIBLE) {
            throw PassProblems.notEligible();
        }
        if (command.validUntil().isBefore(today)
                || command.validUntil().isAfter(today.plusDays(LONGEST_VALIDITY_DAYS))) {
            throw PassProblems.validUntil();
        }
        requireCityProvider(command.providerId());
        UUID site = user.requireCurrentSite();
        UUID programme = sites.site(site).orElseThrow().programmeId();
        budgets.reserve(programme, command.ceilingCents());
        String code = newCode();
        vouchers.insertVoucher(command, code, personId, site, programme, today, user.id(), user.displayName());
        audit.record(AuditAction.CREATE, RECORD_TYPE, command.id());
        return view(vouchers.find(command.id()).orElseThrow());
    }

    /** Cancels an open voucher at the version read (what it did not cost goes back to the budget). */
    @Transactional
    public Voucher cancel(UUID voucherId, long version) {
        VoucherRow row = vouchers.find(voucherId).orElseThrow(PassProblems::voucherNotFound);
        requireIssuer(row.personId());
        if (!row.status().equals("OPEN")) {
            throw PassProblems.voucherClosed();
        }
        if (!vouchers.close(voucherId, version, "CANCELLED", LocalDate.now(clock))) {
            throw DomainException.staleVersion(row.version());
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, voucherId);
        return view(vouchers.find(voucherId).orElseThrow());
    }

    /** The person's decision and vouchers, for social and legal workers and coordinators caring for them. */
    @Transactional
    public PassFile file(UUID personId) {
        if (!currentUsers.current().hasAnyRole(Role.SOCIAL_LEGAL_WORKER, Role.COORDINATOR)
                || !personAccess.requireFile(personId).opens(Compartment.GENERAL)) {
            throw DomainException.roleNotAllowed();
        }
        audit.record(AuditAction.READ, RECORD_TYPE, personId);
        return new PassFile(
                vouchers.latestEligibility(personId).orElse(null),
                vouchers.ofPerson(personId).stream().map(this::view).toList());
    }

    /**
     * Coverage was granted: the person's open vouchers are closed and their care handed over to
     * ordinary coverage. Nothing happens to a person who never had Pass de ville.
     */
    void handOver(UUID personId, CurrentUser user) {
        Eligibility latest = vouchers.latestEligibility(personId).orElse(null);
        if (latest == null || latest.decision() == Decision.HANDED_OVER) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        UUID id = UUID.randomUUID();
        vouchers.insertEligibility(
                id, personId, user.requireCurrentSite(), Decision.HANDED_OVER, today, user.id(), user.displayName());
        audit.record(AuditAction.CREATE, ELIGIBILITY, id);
        if (vouchers.handOver(personId, today) > 0) {
            audit.record(AuditAction.UPDATE, RECORD_TYPE, personId);
        }
    }

    Voucher view(VoucherRow row) {
        LocalDate today = LocalDate.now(clock);
        VoucherStatus status = VoucherStatus.valueOf(row.status());
        if (status == VoucherStatus.OPEN && row.validUntil().isBefore(today)) {
            status = VoucherStatus.EXPIRED;
        }
        return new Voucher(
                row.id(),
                row.code(),
                row.personId(),
                row.providerId(),
                providerName(row.providerId()),
                row.careType(),
                row.ceilingCents(),
                row.claimedCents(),
                row.issuedOn(),
                row.validUntil(),
                status,
                row.closedOn(),
                row.issuedBy(),
                row.version());
    }

    private String providerName(UUID providerId) {
        try {
            return directory.get(providerId).details().name();
        } catch (DomainException e) {
            return "";
        }
    }

    private void requireCityProvider(UUID providerId) {
        PartnerService provider;
        try {
            provider = directory.get(providerId);
        } catch (DomainException e) {
            throw PassProblems.notACityProvider();
        }
        if (!CITY_PROVIDERS.contains(provider.details().kind())) {
            throw PassProblems.notACityProvider();
        }
        if (provider.details().closed()) {
            throw PassProblems.providerClosed();
        }
    }

    private String newCode() {
        String code = VoucherCode.generate();
        while (vouchers.codeTaken(code)) {
            code = VoucherCode.generate();
        }
        return code;
    }

    /** Social and legal workers caring for the person. */
    private CurrentUser requireIssuer(UUID personId) {
        CurrentUser user = personAccess.requireWritable(personId);
        if (!user.hasRole(Role.SOCIAL_LEGAL_WORKER)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }
}
