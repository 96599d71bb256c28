package org.passerelle.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.PersonViews.OtherName;
import org.passerelle.people.PersonalData.Fact;
import org.passerelle.people.PersonalData.Section;
import org.passerelle.platform.DomainException;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteViews.Site;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The person's record itself, every field of it, first in the export. */
@Component
@Order(0)
class IdentityPersonalData implements PersonalDataSource {

    static final String LABELS = "personal-data/people";

    private final PersonRepository persons;
    private final SiteDirectory sites;
    private final Clock clock;

    IdentityPersonalData(PersonRepository persons, SiteDirectory sites, Clock clock) {
        this.persons = persons;
        this.sites = sites;
        this.clock = clock;
    }

    @Override
    public List<Section> sections(UUID personId, PersonalDataTexts common) {
        PersonalDataTexts t = common.with(LABELS);
        PersonRepository.Row person =
                persons.findById(personId).orElseThrow(() -> DomainException.notFound(PersonRegistry.RECORD_TYPE));
        List<OtherName> otherNames = persons.otherNames(List.of(personId)).getOrDefault(personId, List.of());
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(t.text("person.code"), PatientCode.display(person.patientCode())));
        facts.add(new Fact(t.text("person.chosenName"), person.chosenName()));
        if (otherNames.isEmpty()) {
            facts.add(new Fact(t.text("person.otherNames"), t.none()));
        }
        for (OtherName name : otherNames) {
            facts.add(new Fact(t.text("person.otherName"), otherName(name, t)));
        }
        facts.add(new Fact(t.text("person.sex"), t.of("sex", person.sex())));
        facts.add(new Fact(t.text("person.birthDate"), birth(person.birthDate(), t)));
        if (person.birthDate() != null) {
            facts.add(new Fact(
                    t.text("person.age"),
                    t.text("age.years", Integer.toString(person.birthDate().ageOn(LocalDate.now(clock))))));
        }
        facts.add(new Fact(
                t.text("person.languages"),
                joined(person.languages().stream().sorted().map(t::languageName).toList(), t)));
        facts.add(new Fact(
                t.text("person.country"),
                person.countryOfOrigin() == null ? t.none() : t.countryName(person.countryOfOrigin())));
        facts.add(new Fact(t.text("person.phone"), person.phone() == null ? t.none() : person.phone()));
        facts.add(new Fact(
                t.text("person.flags"),
                joined(
                        person.flags().stream()
                                .sorted()
                                .map(flag -> t.of("flag", flag))
                                .toList(),
                        t)));
        facts.add(new Fact(t.text("person.registeredAt"), siteName(person.registeredSiteId(), t)));
        for (PersonRepository.CareSite site : persons.careSites(personId)) {
            facts.add(new Fact(
                    t.text("person.inCareAt"),
                    t.text(
                            "person.inCareSince",
                            siteName(site.siteId(), t),
                            t.date(site.firstContactOn()),
                            t.date(site.lastContactOn()))));
        }
        facts.add(new Fact(t.text("person.createdAt"), t.dateTime(person.createdAt())));
        facts.add(new Fact(t.text("person.updatedAt"), t.dateTime(person.updatedAt())));
        return List.of(Section.ofFacts(t.text("identity.title"), facts));
    }

    private String siteName(UUID siteId, PersonalDataTexts t) {
        return sites.site(siteId).map(Site::name).orElseGet(() -> t.text("site.unknown"));
    }

    /** "Mohamed Ali (Other spelling · Latin · Arabic)". */
    private static String otherName(OtherName name, PersonalDataTexts t) {
        List<String> details = new ArrayList<>();
        details.add(t.of("nameKind", name.kind()));
        if (name.script() != null) {
            details.add(t.text("name.script", t.of("script", name.script())));
        }
        if (name.language() != null) {
            details.add(t.text("name.language", t.languageName(name.language())));
        }
        return name.name() + " (" + String.join(" · ", details) + ")";
    }

    /** The birth date as precisely as it is known, and how precisely. */
    private static String birth(@Nullable BirthDate birthDate, PersonalDataTexts t) {
        if (birthDate == null) {
            return t.text("birth.unknown");
        }
        String date = switch (birthDate.precision()) {
            case EXACT -> t.date(birthDate.date());
            case MONTH -> t.month(birthDate.date());
            case YEAR -> Integer.toString(birthDate.date().getYear());
            case ESTIMATED ->
                t.text(
                        "birth.estimated",
                        String.valueOf(birthDate.estimatedAge()),
                        birthDate.estimatedOn() == null ? t.none() : t.date(birthDate.estimatedOn()));
        };
        return date + " (" + t.of("birth.precision", birthDate.precision()) + ")";
    }

    private static String joined(List<String> values, PersonalDataTexts t) {
        return values.isEmpty() ? t.none() : values.stream().collect(Collectors.joining(", "));
    }
}
