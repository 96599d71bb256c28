package org.passerelle.rights;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.InlineText;

/** The records of Pass de ville: eligibility, vouchers, claims and budgets. Amounts are integer cents. */
public final class PassViews {

    /** The highest ceiling of one voucher: 5,000 euros. */
    static final long MAX_CEILING_CENTS = 500_000;

    private PassViews() {}

    /** A decision on whether the organisation pays a person's city care until they are covered. */
    public enum Decision {
        ELIGIBLE,
        NOT_ELIGIBLE,
        /** Coverage was granted: the person's care went back to ordinary coverage. */
        HANDED_OVER
    }

    /** What a voucher pays for. */
    public enum CareType {
        GP_CONSULTATION,
        SPECIALIST_CONSULTATION,
        MEDICINES,
        LAB_TESTS,
        IMAGING,
        DENTAL,
        OPTICAL,
        OTHER
    }

    /** Where a voucher stands; an open voucher past its end is shown {@code EXPIRED}. */
    public enum VoucherStatus {
        OPEN,
        EXPIRED,
        USED,
        CANCELLED,
        HANDED_OVER
    }

    /** A decision a social or legal worker records (HANDED_OVER is written by the system only). */
    public record NewEligibility(
            @NotNull UUID id,
            @NotNull Decision decision,
            @NotNull LocalDate decidedOn) {}

    public record Eligibility(UUID id, Decision decision, LocalDate decidedOn, String recordedBy) {}

    /**
     * A voucher to issue, with the client's id.
     *
     * @param providerId a city doctor, pharmacy, lab or radiology service of the directory
     * @param ceilingCents the most the organisation pays on this voucher, in cents
     */
    public record NewVoucher(
            @NotNull UUID id,
            @NotNull UUID providerId,
            @NotNull CareType careType,
            @NotNull @Min(1) @Max(MAX_CEILING_CENTS) Long ceilingCents,
            @NotNull LocalDate validUntil) {}

    public record Voucher(
            UUID id,
            String code,
            UUID personId,
            UUID providerId,
            String providerName,
            CareType careType,
            long ceilingCents,
            long claimedCents,
            LocalDate issuedOn,
            LocalDate validUntil,
            VoucherStatus status,
            @Nullable LocalDate closedOn,
            String issuedBy,
            long version) {}

    /** A person's Pass de ville: the latest decision and the vouchers, newest first. */
    public record PassFile(@Nullable Eligibility eligibility, List<Voucher> vouchers) {

        public PassFile {
            vouchers = List.copyOf(vouchers);
        }
    }

    /** A code read out by a provider, as typed by the staff member who checks it. */
    public record CodeCheck(@NotBlank @Size(max = 20) String code) {}

    /** What staff tell a provider who checks a voucher: valid or not, for whom, for what, up to how much. */
    public record CheckedVoucher(
            boolean valid,
            Voucher voucher,
            @Nullable String personName,
            @Nullable String patientCode,
            long remainingCents) {}

    /** A provider's claim on a voucher, found by its code. */
    public record NewClaim(
            @NotNull UUID id,
            @NotBlank @Size(max = 20) String code,
            @NotNull @Min(1) @Max(MAX_CEILING_CENTS) Long amountCents,
            @NotNull LocalDate careOn,
            @Nullable @Size(max = 60) @InlineText String invoiceRef) {}

    public record Claim(
            UUID id,
            UUID voucherId,
            long amountCents,
            LocalDate careOn,
            @Nullable String invoiceRef,
            String recordedBy,
            long version) {}

    /** A programme's budget set, at the version read (0 for the first). */
    public record BudgetChange(
            @NotNull @Min(0) @Max(10_000_000_000L) Long amountCents,
            @NotNull Long version) {}

    /** What a month cost. */
    public record MonthCost(YearMonth month, long spentCents, int claims, int people) {}

    /** What a person's care cost the programme, by patient code (never a name). */
    public record PersonCost(@Nullable String patientCode, long spentCents, int vouchers) {}

    /**
     * A programme's budget: what is committed (what the open vouchers may still cost), what is spent
     * (the claims), and what is left to commit.
     */
    public record Budget(
            UUID programmeId,
            long amountCents,
            long committedCents,
            long spentCents,
            long availableCents,
            int vouchersIssued,
            int vouchersUsed,
            int people,
            long spentPerPersonCents,
            List<MonthCost> months,
            List<PersonCost> perPerson,
            long version) {

        public Budget {
            months = List.copyOf(months);
            perPerson = List.copyOf(perPerson);
        }
    }
}
