/**
 * Rights: each person's rights file, kept by social and legal workers in the legal compartment —
 * the dated steps towards health coverage (AME, PUMa, CSS, European card), domiciliation, and for
 * minors the age assessment (declared and assessed ages kept apart) and child-protection steps —
 * with the documents gathered, who helps, and reminders before an expiry or when a request waits
 * too long; and Pass de ville, the city care the organisation pays while a person waits for
 * coverage (eligibility, vouchers for providers of the directory, claims in cents, budgets per
 * programme, hand-over when coverage is granted). Nothing here serves immigration enforcement.
 * {@link org.passerelle.rights.RightsFile} and {@link org.passerelle.rights.PassVouchers} are the
 * module's API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Rights",
        allowedDependencies = {"platform", "access", "audit", "people", "sites", "referrals"})
package org.passerelle.rights;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
