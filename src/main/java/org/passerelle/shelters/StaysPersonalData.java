package org.passerelle.shelters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.passerelle.people.PersonalData.Entry;
import org.passerelle.people.PersonalData.Fact;
import org.passerelle.people.PersonalData.Section;
import org.passerelle.people.PersonalDataSource;
import org.passerelle.people.PersonalDataTexts;
import org.passerelle.shelters.ShelterViews.ShelterStay;
import org.passerelle.shelters.WaitingViews.ShelterRequest;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteViews.Site;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A person's stays at shelters and their requests for a place, for the export of their data. */
@Component
@Order(300)
class StaysPersonalData implements PersonalDataSource {

    static final String LABELS = "personal-data/shelters";

    private final StayRepository stays;
    private final WaitingRepository requests;
    private final SiteDirectory sites;

    StaysPersonalData(StayRepository stays, WaitingRepository requests, SiteDirectory sites) {
        this.stays = stays;
        this.requests = requests;
        this.sites = sites;
    }

    @Override
    public List<Section> sections(UUID personId, PersonalDataTexts common) {
        PersonalDataTexts t = common.with(LABELS);
        List<ShelterStay> theirStays = stays.ofPerson(personId);
        List<ShelterRequest> theirRequests = requests.ofPerson(personId);
        List<UUID> siteIds = new ArrayList<>();
        theirStays.forEach(stay -> siteIds.add(stay.siteId()));
        theirRequests.forEach(request -> siteIds.add(request.siteId()));
        Map<UUID, String> names = sites.sites(siteIds.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(Site::id, Site::name, (a, b) -> a));
        List<Entry> stayEntries =
                theirStays.stream().map(stay -> stay(stay, names, t)).toList();
        List<Entry> requestEntries = theirRequests.stream()
                .map(request -> request(request, names, t))
                .toList();
        return List.of(
                Section.ofEntries(t.text("stays.title"), stayEntries, t.text("stays.empty")),
                Section.ofEntries(t.text("requests.title"), requestEntries, t.text("requests.empty")));
    }

    private static Entry stay(ShelterStay stay, Map<UUID, String> names, PersonalDataTexts t) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(t.text("stay.site"), names.getOrDefault(stay.siteId(), t.none())));
        facts.add(new Fact(t.text("stay.admittedOn"), t.date(stay.admittedOn())));
        facts.add(new Fact(t.text("stay.reason"), t.of("reason", stay.reason())));
        facts.add(new Fact(t.text("stay.mode"), t.of("mode", stay.mode())));
        if (stay.dischargedOn() != null && stay.destination() != null) {
            facts.add(new Fact(t.text("stay.dischargedOn"), t.date(stay.dischargedOn())));
            facts.add(new Fact(t.text("stay.destination"), t.of("destination", stay.destination())));
        }
        return new Entry(t.date(stay.admittedOn()) + " · " + names.getOrDefault(stay.siteId(), ""), facts);
    }

    private static Entry request(ShelterRequest request, Map<UUID, String> names, PersonalDataTexts t) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(t.text("request.site"), names.getOrDefault(request.siteId(), t.none())));
        facts.add(new Fact(t.text("request.requestedOn"), t.date(request.requestedOn())));
        facts.add(new Fact(
                t.text("request.criteria"),
                request.criteria().isEmpty()
                        ? t.none()
                        : request.criteria().stream()
                                .map(c -> t.of("criterion", c))
                                .collect(Collectors.joining(", "))));
        facts.add(new Fact(t.text("request.status"), t.of("status", request.status())));
        return new Entry(t.date(request.requestedOn()), facts);
    }
}
