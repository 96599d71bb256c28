package org.passerelle.vaccination;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.vaccination.CampaignRepository.Count;
import org.passerelle.vaccination.VaccinationViews.Campaign;
import org.passerelle.vaccination.VaccinationViews.CampaignCoverage;
import org.passerelle.vaccination.VaccinationViews.CampaignCoverageCell;
import org.passerelle.vaccination.VaccinationViews.CampaignTarget;

/**
 * A campaign's coverage laid out by site and age group: every targeted cell, and the cells where
 * people were vaccinated without a target (an unknown age, say), at the sites shown.
 */
final class CoverageTable {

    private record Key(UUID siteId, String ageGroup) {}

    private static final class Cell {
        long registered;
        long tallied;
        long target;
    }

    private CoverageTable() {}

    static CampaignCoverage of(
            Campaign campaign, List<UUID> sites, List<Count> registered, List<Count> tallied, long today) {
        Map<Key, Cell> cells = new LinkedHashMap<>();
        for (CampaignTarget target : campaign.targets()) {
            if (sites.contains(target.siteId())) {
                cell(cells, target.siteId(), target.ageGroup()).target += target.people();
            }
        }
        for (Count count : registered) {
            if (sites.contains(count.siteId())) {
                cell(cells, count.siteId(), count.ageGroup()).registered += count.people();
            }
        }
        for (Count count : tallied) {
            if (sites.contains(count.siteId())) {
                cell(cells, count.siteId(), count.ageGroup()).tallied += count.people();
            }
        }
        List<CampaignCoverageCell> rows = new ArrayList<>();
        long allRegistered = 0;
        long allTallied = 0;
        long allTarget = 0;
        for (var entry : cells.entrySet()) {
            Cell cell = entry.getValue();
            rows.add(new CampaignCoverageCell(
                    entry.getKey().siteId(),
                    entry.getKey().ageGroup(),
                    cell.registered,
                    cell.tallied,
                    cell.target,
                    percent(cell.registered + cell.tallied, cell.target)));
            allRegistered += cell.registered;
            allTallied += cell.tallied;
            allTarget += cell.target;
        }
        rows.sort(Comparator.comparing((CampaignCoverageCell row) -> sites.indexOf(row.siteId()))
                .thenComparing(CampaignCoverageCell::ageGroup));
        return new CampaignCoverage(
                campaign.id(),
                rows,
                allRegistered,
                allTallied,
                allTarget,
                percent(allRegistered + allTallied, allTarget),
                today);
    }

    private static Cell cell(Map<Key, Cell> cells, UUID siteId, String ageGroup) {
        return cells.computeIfAbsent(new Key(siteId, ageGroup), key -> new Cell());
    }

    /** The share of the target reached, in percent to one decimal; none without a target. */
    private static @Nullable Double percent(long reached, long target) {
        return target == 0 ? null : Math.round(reached * 1000.0 / target) / 10.0;
    }
}
