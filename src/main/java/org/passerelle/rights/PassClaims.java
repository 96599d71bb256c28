package org.passerelle.rights;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.platform.DomainException;
import org.passerelle.rights.PassViews.CheckedVoucher;
import org.passerelle.rights.PassViews.Claim;
import org.passerelle.rights.PassViews.NewClaim;
import org.passerelle.rights.PassViews.Voucher;
import org.passerelle.rights.PassViews.VoucherStatus;
import org.passerelle.rights.PassVoucherRepository.VoucherRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a provider asks the team, by phone or in person: whether a voucher's code is good, and to be
 * paid for the care given on it. Social and legal workers and coordinators of the voucher's site
 * check a code and enter the claims, in integer cents, never above what the voucher has left, on a
 * voucher still open and for care given while it was valid.
 */
@Service
public class PassClaims {

    static final String RECORD_TYPE = "pass-claim";

    private final CurrentUsers currentUsers;
    private final PassVoucherRepository vouchers;
    private final PassLedgerRepository ledger;
    private final PassVouchers voucherViews;
    private final PersonRegistry registry;
    private final AuditLog audit;
    private final Clock clock;

    PassClaims(
            CurrentUsers currentUsers,
            PassVoucherRepository vouchers,
            PassLedgerRepository ledger,
            PassVouchers voucherViews,
            PersonRegistry registry,
            AuditLog audit,
            Clock clock) {
        this.currentUsers = currentUsers;
        this.vouchers = vouchers;
        this.ledger = ledger;
        this.voucherViews = voucherViews;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** The voucher a code names: valid (open, in its dates, with something left) or not, and why. */
    @Transactional
    public CheckedVoucher check(String typed) {
        CurrentUser user = requireStaff();
        VoucherRow row = find(user, vouchers.byCode(parse(typed)));
        audit.record(AuditAction.READ, PassVouchers.RECORD_TYPE, row.id());
        Voucher voucher = voucherViews.view(row);
        PersonSummary person =
                registry.summariesForWorkList(List.of(row.personId())).get(row.personId());
        long remaining = voucher.ceilingCents() - voucher.claimedCents();
        return new CheckedVoucher(
                voucher.status() == VoucherStatus.OPEN && remaining > 0,
                voucher,
                person == null ? null : person.chosenName(),
                person == null ? null : person.patientCode(),
                remaining);
    }

    /** Enters a provider's claim; sent again with the same id, answers it as it is. */
    @Transactional
    public Claim claim(NewClaim claim) {
        CurrentUser user = requireStaff();
        Claim existing = ledger.claim(claim.id()).orElse(null);
        if (existing != null) {
            return existing;
        }
        VoucherRow voucher = find(user, vouchers.lockByCode(parse(claim.code())));
        LocalDate today = LocalDate.now(clock);
        if (claim.careOn().isAfter(today)) {
            throw PassProblems.inFuture("careOn");
        }
        if (!voucher.status().equals("OPEN")) {
            throw PassProblems.voucherClosed();
        }
        if (claim.careOn().isBefore(voucher.issuedOn())) {
            throw PassProblems.beforeIssue();
        }
        if (claim.careOn().isAfter(voucher.validUntil())) {
            throw PassProblems.voucherExpired();
        }
        long remaining = voucher.ceilingCents() - voucher.claimedCents();
        if (claim.amountCents() > remaining) {
            throw PassProblems.aboveCeiling();
        }
        if (!ledger.insertClaim(claim, voucher.id(), user.id(), user.displayName())) {
            throw PassProblems.idReused();
        }
        if (claim.amountCents() == remaining) {
            vouchers.close(voucher.id(), voucher.version(), "USED", today);
        }
        audit.record(AuditAction.CREATE, RECORD_TYPE, claim.id());
        return ledger.claim(claim.id()).orElseThrow();
    }

    private static String parse(String typed) {
        return VoucherCode.parse(typed).orElseThrow(PassProblems::codeInvalid);
    }

    /** The voucher, if it was issued at a site of the user; not found otherwise (the code reveals nothing). */
    private static VoucherRow find(CurrentUser user, java.util.Optional<VoucherRow> found) {
        return found.filter(row -> user.mayWorkAt(row.siteId())).orElseThrow(PassProblems::voucherNotFound);
    }

    private CurrentUser requireStaff() {
        CurrentUser user = currentUsers.current();
        if (!user.hasAnyRole(Role.SOCIAL_LEGAL_WORKER, Role.COORDINATOR)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }
}
