package org.passerelle.reporting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.platform.DomainException;
import org.passerelle.reporting.ReportViews.Freshness;
import org.passerelle.reporting.ReportViews.IndicatorView;
import org.passerelle.reporting.ReportViews.ProgrammeRef;
import org.passerelle.reporting.ReportViews.RefreshStatus;
import org.passerelle.reporting.ReportViews.Report;
import org.passerelle.reporting.ReportViews.ReportScope;
import org.passerelle.reporting.ReportViews.SiteRef;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteViews.Site;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Activity reports for coordinators, data officers and administrators, over the sites their scope
 * covers. Reports hold counts only. They count the facts as they are, which the background work
 * keeps in step with consultations and persons, and say how fresh they are; a report can ask to
 * wait (a bounded time) until every change made before it is counted, before an export.
 */
@Service
public class Reports {

    static final String RECORD_TYPE = "report";

    private final IndicatorCatalogue catalogue;
    private final ReportEngine engine;
    private final FactRefresher refresher;
    private final RefreshProgress progress;
    private final TransactionTemplate snapshot;
    private final Duration latestAtMost;
    private final SiteDirectory siteDirectory;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Suppression suppression;

    Reports(
            IndicatorCatalogue catalogue,
            ReportEngine engine,
            FactRefresher refresher,
            RefreshProgress progress,
            PlatformTransactionManager transactionManager,
            @Value("${passerelle.reporting.latest-at-most:PT30S}") Duration latestAtMost,
            SiteDirectory siteDirectory,
            CurrentUsers users,
            AuditLog audit,
            Suppression suppression) {
        this.catalogue = catalogue;
        this.engine = engine;
        this.refresher = refresher;
        this.progress = progress;
        this.latestAtMost = latestAtMost;
        // one snapshot for the figures and their freshness, whatever the background work commits meanwhile
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
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
     * for a period, as the facts are now.
     */
    public Report report(@Nullable UUID programmeId, @Nullable UUID siteId, Period period) {
        return report(programmeId, siteId, period, false);
    }

    /**
     * A report as {@link #report(UUID, UUID, Period)}; with {@code latest}, first waits (at most
     * {@code passerelle.reporting.latest-at-most}) until every change made before is counted.
     */
    public Report report(@Nullable UUID programmeId, @Nullable UUID siteId, Period period, boolean latest) {
        CurrentUser user = requireReader();
        List<SiteRef> sites = chosenSites(user, programmeId, siteId);
        if (latest) {
            refresher.awaitLatest(latestAtMost);
        }
        String title = siteId != null
                ? sites.getFirst().name()
                : programmeId != null
                        ? sites.getFirst().programmeName()
                        : siteDirectory.organisationName().orElse("");
        Report report = snapshot.execute(status -> {
            Freshness freshness = progress.freshness();
            return new Report(
                    programmeId,
                    siteId,
                    title,
                    period,
                    sites,
                    engine.compute(catalogue.all(), sites, period),
                    freshness);
        });
        return Objects.requireNonNull(report);
    }

    /** Where the background counting stands; administrators only. */
    public RefreshStatus refreshStatus() {
        if (!users.current().hasAnyRole(Role.ADMINISTRATOR)) {
            throw DomainException.roleNotAllowed();
        }
        return progress.status();
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
