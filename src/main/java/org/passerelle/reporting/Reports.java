package org.passerelle.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.platform.DomainException;
import org.passerelle.reporting.ReportViews.IndicatorView;
import org.passerelle.reporting.ReportViews.ProgrammeRef;
import org.passerelle.reporting.ReportViews.Report;
import org.passerelle.reporting.ReportViews.ReportScope;
import org.passerelle.reporting.ReportViews.SiteRef;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteViews.Site;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activity reports for coordinators, data officers and administrators, over the sites their scope
 * covers. Reports hold counts only. Before counting, the facts catch up with every change to
 * consultations and persons, so a report is never behind the records.
 */
@Service
public class Reports {

    static final String RECORD_TYPE = "report";

    private final IndicatorCatalogue catalogue;
    private final ReportEngine engine;
    private final FactRefresher refresher;
    private final SiteDirectory siteDirectory;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Suppression suppression;

    Reports(
            IndicatorCatalogue catalogue,
            ReportEngine engine,
            FactRefresher refresher,
            SiteDirectory siteDirectory,
            CurrentUsers users,
            AuditLog audit,
            Suppression suppression) {
        this.catalogue = catalogue;
        this.engine = engine;
        this.refresher = refresher;
        this.siteDirectory = siteDirectory;
        this.users = users;
        this.audit = audit;
        this.suppression = suppression;
    }

    /** The indicator catalogue in {@code language}. */
    public List<IndicatorView> indicators(String language) {
        requireReader();
        return catalogue.all().stream()
                .map(i -> new IndicatorView(
                        i.code(),
                        i.name(language),
                        i.definitions().getOrDefault(language, i.definitions().getOrDefault("en", "")),
                        i.measure(),
                        i.disaggregations()))
                .toList();
    }

    /** The programmes and sites the current user may report on. */
    public ReportScope scope() {
        return new ReportScope(programmes(visibleSites(requireReader())), suppression.threshold());
    }

    /**
     * Every indicator over a programme, a site, or (neither given) all the sites the user sees,
     * for a period.
     */
    public Report report(@Nullable UUID programmeId, @Nullable UUID siteId, Period period) {
        CurrentUser user = requireReader();
        List<SiteRef> sites = chosenSites(user, programmeId, siteId);
        refresher.catchUp();
        String title = siteId != null
                ? sites.getFirst().name()
                : programmeId != null
                        ? sites.getFirst().programmeName()
                        : siteDirectory.organisationName().orElse("");
        return new Report(programmeId, siteId, title, period, sites, engine.compute(catalogue.all(), sites, period));
    }

    /** Records in the audit log that the current user took a report out of the system. */
    @Transactional
    public void recordExport(Report report, String format) {
        recordExport(report.siteId() != null ? report.siteId() : report.programmeId(), format);
    }

    /** Records in the audit log an export or push ({@code what}) of the report on a site or programme. */
    @Transactional
    public void recordExport(@Nullable UUID siteOrProgramme, String what) {
        audit.record(AuditAction.EXPORT, RECORD_TYPE + ":" + what, siteOrProgramme);
    }

    CurrentUser requireReader() {
        CurrentUser user = users.current();
        if (!user.hasAnyRole(Role.COORDINATOR, Role.DATA_OFFICER, Role.ADMINISTRATOR)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }

    private List<SiteRef> visibleSites(CurrentUser user) {
        return siteDirectory.sites().stream()
                .filter(site -> user.mayWorkAt(site.id()))
                .map(Reports::ref)
                .toList();
    }

    private List<SiteRef> chosenSites(CurrentUser user, @Nullable UUID programmeId, @Nullable UUID siteId) {
        if (siteId != null) {
            Site site = siteDirectory.site(siteId).orElseThrow(() -> DomainException.notFound("site"));
            if (!user.mayWorkAt(siteId) || (programmeId != null && !programmeId.equals(site.programmeId()))) {
                throw ReportingProblems.reportOutOfScope();
            }
            return List.of(ref(site));
        }
        List<SiteRef> visible = visibleSites(user);
        if (programmeId == null) {
            if (visible.isEmpty()) {
                throw ReportingProblems.reportOutOfScope();
            }
            return visible;
        }
        if (siteDirectory.programmes().stream().noneMatch(p -> p.id().equals(programmeId))) {
            throw DomainException.notFound("programme");
        }
        List<SiteRef> ofProgramme = visible.stream()
                .filter(s -> s.programmeId().equals(programmeId))
                .toList();
        if (ofProgramme.isEmpty()) {
            throw ReportingProblems.reportOutOfScope();
        }
        return ofProgramme;
    }

    private static SiteRef ref(Site site) {
        return new SiteRef(site.id(), site.name(), site.programmeId(), site.programmeName());
    }

    private static List<ProgrammeRef> programmes(List<SiteRef> sites) {
        Map<UUID, List<SiteRef>> byProgramme = new LinkedHashMap<>();
        sites.forEach(s -> byProgramme
                .computeIfAbsent(s.programmeId(), id -> new ArrayList<>())
                .add(s));
        return byProgramme.values().stream()
                .map(list -> new ProgrammeRef(
                        list.getFirst().programmeId(), list.getFirst().programmeName(), list))
                .toList();
    }
}
