/**
 * Referrals: the directory of partner services (PASS, emergency, CMP, CeGIDD, PMI, 115, child
 * protection, CPAM, lawyers, associations, Pass de ville doctors, pharmacies, labs, radiology) that
 * coordinators keep and exchange in the data·inclusion schema; the referrals of a person to one of
 * them, followed step by step until the person was seen or lost to follow-up; the accompaniments
 * of people to those services; the referral letter. {@link org.passerelle.referrals.Directory}
 * and {@link org.passerelle.referrals.Referrals} are the module's API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Referrals",
        allowedDependencies = {"platform", "access", "audit", "sites", "people", "care"})
package org.passerelle.referrals;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
