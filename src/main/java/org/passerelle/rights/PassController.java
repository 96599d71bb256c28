package org.passerelle.rights;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.passerelle.rights.PassViews.Budget;
import org.passerelle.rights.PassViews.BudgetChange;
import org.passerelle.rights.PassViews.CheckedVoucher;
import org.passerelle.rights.PassViews.Claim;
import org.passerelle.rights.PassViews.CodeCheck;
import org.passerelle.rights.PassViews.Eligibility;
import org.passerelle.rights.PassViews.NewClaim;
import org.passerelle.rights.PassViews.NewEligibility;
import org.passerelle.rights.PassViews.NewVoucher;
import org.passerelle.rights.PassViews.PassFile;
import org.passerelle.rights.PassViews.Voucher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Pass de ville: a person's eligibility and vouchers, code checks, providers' claims and budgets. */
@RestController
@RequestMapping("/api/pass-de-ville")
class PassController {

    private final PassVouchers vouchers;
    private final PassClaims claims;
    private final PassBudgets budgets;

    PassController(PassVouchers vouchers, PassClaims claims, PassBudgets budgets) {
        this.vouchers = vouchers;
        this.claims = claims;
        this.budgets = budgets;
    }

    /** The version of the voucher read, to cancel it. */
    record Cancellation(@NotNull Long version) {}

    @GetMapping("/people/{personId}")
    PassFile file(@PathVariable UUID personId) {
        return vouchers.file(personId);
    }

    @PostMapping("/people/{personId}/eligibility")
    @ResponseStatus(HttpStatus.CREATED)
    Eligibility decide(@PathVariable UUID personId, @Valid @RequestBody NewEligibility decision) {
        return vouchers.decide(personId, decision);
    }

    @PostMapping("/people/{personId}/vouchers")
    @ResponseStatus(HttpStatus.CREATED)
    Voucher issue(@PathVariable UUID personId, @Valid @RequestBody NewVoucher voucher) {
        return vouchers.issue(personId, voucher);
    }

    @PostMapping("/vouchers/{voucherId}/cancellation")
    Voucher cancel(@PathVariable UUID voucherId, @Valid @RequestBody Cancellation cancellation) {
        return vouchers.cancel(voucherId, cancellation.version());
    }

    /** The code is sent in the body, never in the address. */
    @PostMapping("/voucher-checks")
    CheckedVoucher check(@Valid @RequestBody CodeCheck check) {
        return claims.check(check.code());
    }

    @PostMapping("/claims")
    @ResponseStatus(HttpStatus.CREATED)
    Claim claim(@Valid @RequestBody NewClaim claim) {
        return claims.claim(claim);
    }

    @GetMapping("/programmes/{programmeId}/budget")
    Budget budget(@PathVariable UUID programmeId) {
        return budgets.budget(programmeId);
    }

    @PutMapping("/programmes/{programmeId}/budget")
    Budget setBudget(@PathVariable UUID programmeId, @Valid @RequestBody BudgetChange change) {
        return budgets.set(programmeId, change);
    }
}
