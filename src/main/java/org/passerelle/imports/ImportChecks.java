package org.passerelle.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.passerelle.imports.ImportStore.Upload;
import org.passerelle.imports.ImportViews.ImportCheck;
import org.passerelle.imports.ImportViews.ImportDuplicate;
import org.passerelle.imports.ImportViews.ImportLineInFile;
import org.passerelle.imports.ImportViews.ImportPreviewRow;
import org.passerelle.imports.ImportViews.ImportRefusal;
import org.passerelle.people.ImportMatching;
import org.passerelle.people.ImportMatching.ExistingPerson;
import org.passerelle.people.PersonImport.ImportedPerson;
import org.passerelle.people.PersonViews.Flag;
import org.passerelle.people.PersonViews.OtherName;
import org.passerelle.sites.SiteDirectory;
import org.springframework.stereotype.Component;

/** What a check of a file shows: the first rows as read, the refusals, the likely duplicates. */
@Component
class ImportChecks {

    /** The rows shown as they will be read. */
    static final int PREVIEWED = 20;

    private final ImportMatching matching;
    private final SiteDirectory sites;

    ImportChecks(ImportMatching matching, SiteDirectory sites) {
        this.matching = matching;
        this.sites = sites;
    }

    ImportCheck check(List<PersonRow.Read> reads, Upload upload, LocalDate today, UnaryOperator<String> message) {
        Map<UUID, String> siteNames = new HashMap<>();
        sites.sites().forEach(site -> siteNames.put(site.id(), site.name()));
        List<ImportPreviewRow> preview = reads.stream()
                .limit(PREVIEWED)
                .map(read -> preview(read, siteNames))
                .toList();
        List<ImportRefusal> refusals = new ArrayList<>();
        reads.forEach(read -> read.refusals()
                .forEach(refusal -> refusals.add(new ImportRefusal(
                        refusal.line(), refusal.column(), refusal.code(), message.apply(refusal.code())))));
        List<PersonRow.Read> accepted =
                reads.stream().filter(read -> read.person() != null).toList();
        return new ImportCheck(reads.size(), accepted.size(), preview, refusals, duplicates(accepted, today));
    }

    private List<ImportDuplicate> duplicates(List<PersonRow.Read> accepted, LocalDate today) {
        List<ImportedPerson> persons = accepted.stream()
                .map(read -> java.util.Objects.requireNonNull(read.person()))
                .toList();
        Map<Integer, List<ImportLineInFile>> inFile = new HashMap<>();
        for (ImportMatching.PairInFile pair : matching.withinFile(persons)) {
            int first = accepted.get(pair.first()).line();
            int second = accepted.get(pair.second()).line();
            inFile.computeIfAbsent(first, line -> new ArrayList<>())
                    .add(new ImportLineInFile(second, pair.probability()));
            inFile.computeIfAbsent(second, line -> new ArrayList<>())
                    .add(new ImportLineInFile(first, pair.probability()));
        }
        List<List<ExistingPerson>> inRegistry = matching.againstRegistry(persons, today);
        List<ImportDuplicate> duplicates = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            int line = accepted.get(i).line();
            List<ImportLineInFile> others = inFile.getOrDefault(line, List.of());
            if (!others.isEmpty() || !inRegistry.get(i).isEmpty()) {
                duplicates.add(new ImportDuplicate(line, others, inRegistry.get(i)));
            }
        }
        return duplicates;
    }

    /** The persons of the registry proposed for each line, the only ones a line may be linked to. */
    static Map<Integer, Set<UUID>> proposed(ImportCheck check) {
        Map<Integer, Set<UUID>> proposed = new HashMap<>();
        for (ImportDuplicate duplicate : check.duplicates()) {
            Set<UUID> ids = new HashSet<>();
            duplicate.inRegistry().forEach(person -> ids.add(person.personId()));
            proposed.put(duplicate.line(), Set.copyOf(ids));
        }
        return Map.copyOf(proposed);
    }

    private static ImportPreviewRow preview(PersonRow.Read read, Map<UUID, String> siteNames) {
        ImportedPerson person = read.person();
        if (person == null) {
            return new ImportPreviewRow(
                    read.line(), null, List.of(), null, null, java.util.Set.of(), null, null, null, false, true);
        }
        return new ImportPreviewRow(
                read.line(),
                person.chosenName(),
                person.otherNames().stream().map(OtherName::name).toList(),
                person.sex(),
                person.birthDate(),
                person.languages(),
                person.countryOfOrigin(),
                person.phone(),
                siteNames.get(person.registeredSiteId()),
                person.flags().contains(Flag.UNACCOMPANIED_MINOR),
                false);
    }
}
