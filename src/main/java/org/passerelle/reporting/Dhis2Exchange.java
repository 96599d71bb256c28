package org.passerelle.reporting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.Role;
import org.passerelle.platform.DomainException;
import org.passerelle.reporting.Dhis2Views.DataElementRow;
import org.passerelle.reporting.Dhis2Views.Mapping;
import org.passerelle.reporting.Dhis2Views.OrgUnitRow;
import org.passerelle.reporting.Dhis2Views.PushResult;
import org.passerelle.reporting.Dhis2Views.ServerChange;
import org.passerelle.reporting.Dhis2Views.ServerSettings;
import org.passerelle.reporting.ReportViews.Report;
import org.passerelle.reporting.ReportViews.SiteRef;
import org.passerelle.sites.SiteDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * DHIS2 exchange: the mapping and server an administrator sets, the dataValueSets and ADX
 * documents of a period, and the push (with DHIS2's dry run) whose import summary is returned.
 * Small counts are left out of what is sent; every document and push is audited.
 */
@Service
public class Dhis2Exchange {

    private final Reports reports;
    private final IndicatorCatalogue catalogue;
    private final Dhis2Settings settings;
    private final Dhis2Client client;
    private final Suppression suppression;
    private final SiteDirectory sites;
    private final JsonMapper json;
    private final Clock clock;

    Dhis2Exchange(
            Reports reports,
            IndicatorCatalogue catalogue,
            Dhis2Settings settings,
            Dhis2Client client,
            Suppression suppression,
            SiteDirectory sites,
            JsonMapper json,
            Clock clock) {
        this.reports = reports;
        this.catalogue = catalogue;
        this.settings = settings;
        this.client = client;
        this.suppression = suppression;
        this.sites = sites;
        this.json = json;
        this.clock = clock;
    }

    /** The documents of a period: the values, the JSON and the ADX. */
    record Documents(List<Dhis2Payloads.DataValue> values, int suppressed, String json, String adx) {}

    @Transactional(readOnly = true)
    public Mapping mapping() {
        requireRole(Role.ADMINISTRATOR, Role.DATA_OFFICER);
        return settings.mapping();
    }

    /** Replaces the whole mapping, or changes nothing when any row is wrong. */
    @Transactional
    public Mapping replaceMapping(Mapping mapping) {
        requireRole(Role.ADMINISTRATOR);
        validate(mapping);
        settings.replaceMapping(mapping);
        return settings.mapping();
    }

    @Transactional(readOnly = true)
    public @Nullable ServerSettings server() {
        requireRole(Role.ADMINISTRATOR, Role.DATA_OFFICER);
        return settings.settings().orElse(null);
    }

    @Transactional
    public ServerSettings saveServer(ServerChange change) {
        CurrentUser user = requireRole(Role.ADMINISTRATOR);
        if (change.adxCategories() != null
                && change.adxCategories().keySet().stream().anyMatch(k -> !mappable(k))) {
            throw ReportingProblems.badDhis2Mapping("adxCategories");
        }
        settings.save(change, user.id());
        return settings.settings().orElseThrow();
    }

    /** The documents for a month, quarter or year over a programme, a site or every site in scope; audited. */
    public Documents documents(String periodCode, @Nullable UUID programmeId, @Nullable UUID siteId, String what) {
        Period period = Period.parse(periodCode).orElseThrow(() -> ReportingProblems.badPeriod("period"));
        String dhis2Period = period.dhis2().orElseThrow(() -> ReportingProblems.badPeriod("period"));
        // documents leave the organisation: they count every change made before them
        Report scope = reports.report(programmeId, siteId, period, true);
        Mapping mapping = settings.mapping();
        Map<UUID, String> orgUnits =
                mapping.orgUnits().stream().collect(Collectors.toMap(OrgUnitRow::siteId, OrgUnitRow::orgUnit));
        List<Dhis2Payloads.DataValue> values = new ArrayList<>();
        int[] suppressed = {0};
        for (SiteRef site : scope.sites()) {
            String orgUnit = orgUnits.get(site.id());
            if (orgUnit == null) {
                continue;
            }
            Report report = reports.report(null, site.id(), period);
            values.addAll(Dhis2Payloads.values(
                    report.figures(), mapping.dataElements(), dhis2Period, orgUnit, suppression, suppressed));
        }
        ServerSettings server = settings.settings().orElse(null);
        String dataSet = server == null ? null : server.dataSet();
        Map<String, String> categories = server == null ? Map.of() : server.adxCategories();
        reports.recordExport(siteId != null ? siteId : programmeId, what);
        return new Documents(
                values,
                suppressed[0],
                Dhis2Payloads.dataValueSet(values, dataSet, json),
                Dhis2Payloads.adx(values, period.adx(), dataSet, categories, clock.instant()));
    }

    /** Sends a period's values to the configured DHIS2 server, for real or as DHIS2's dry run. */
    public PushResult push(Dhis2Views.PushRequest request) {
        requireRole(Role.ADMINISTRATOR, Role.DATA_OFFICER);
        Dhis2Settings.Server server = settings.server().orElseThrow(() -> ReportingProblems.dhis2NotConfigured());
        Documents documents = documents(
                request.period(),
                request.programmeId(),
                request.siteId(),
                request.dryRun() ? "dhis2-dry-run" : "dhis2-push");
        return client.push(
                server, documents.json(), request.dryRun(), documents.values().size(), documents.suppressed());
    }

    private void validate(Mapping mapping) {
        Set<String> keys = new HashSet<>();
        for (DataElementRow row : mapping.dataElements()) {
            Indicator indicator =
                    catalogue.find(row.indicator()).orElseThrow(() -> ReportingProblems.badDhis2Mapping("indicator"));
            if (row.disaggregation().equals("TOTAL")) {
                if (!row.category().isEmpty()) {
                    throw ReportingProblems.badDhis2Mapping("category");
                }
            } else if (!mappable(row.disaggregation())
                    || !indicator.disaggregations().contains(Dimension.valueOf(row.disaggregation()))
                    || !ReportTables.categories(Dimension.valueOf(row.disaggregation()))
                            .contains(row.category())) {
                throw ReportingProblems.badDhis2Mapping("disaggregation");
            }
            if (!keys.add(row.indicator() + "|" + row.disaggregation() + "|" + row.category())) {
                throw ReportingProblems.badDhis2Mapping("dataElements");
            }
        }
        Set<UUID> mapped = new HashSet<>();
        for (OrgUnitRow row : mapping.orgUnits()) {
            if (!sites.exists(row.siteId()) || !mapped.add(row.siteId())) {
                throw ReportingProblems.badDhis2Mapping("siteId");
            }
        }
    }

    private static boolean mappable(String disaggregation) {
        return Set.of("SEX", "AGE_GROUP", "DISCIPLINE", "VISIT").contains(disaggregation);
    }

    private CurrentUser requireRole(Role... roles) {
        CurrentUser user = reports.requireReader();
        if (!user.hasAnyRole(roles)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }
}
