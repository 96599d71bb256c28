/**
 * Outreach: mobile-clinic sessions and night rounds of a mobile team at its outreach locations, planned
 * for a day and then held: the team, planned and actual times, people seen (registered persons through
 * the consultations held there, anonymous counts by sex and age group), needs observed and what was
 * handed out; the day's plan, the session summary the coordinator reads, and the points the map draws.
 * {@link org.passerelle.outreach.OutreachSessions} is the module's API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Outreach",
        allowedDependencies = {"platform", "access", "audit", "sites", "people", "care"})
package org.passerelle.outreach;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
