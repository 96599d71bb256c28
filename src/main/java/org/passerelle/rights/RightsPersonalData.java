package org.passerelle.rights;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.passerelle.people.PersonalData.Entry;
import org.passerelle.people.PersonalData.Fact;
import org.passerelle.people.PersonalData.Section;
import org.passerelle.people.PersonalDataSource;
import org.passerelle.people.PersonalDataTexts;
import org.passerelle.rights.RightsViews.RightsStep;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Every step of a person's rights file, for the export of their data (the legal compartment included). */
@Component
@Order(210)
class RightsPersonalData implements PersonalDataSource {

    private final RightsRepository steps;
    private final RightsFile rights;

    RightsPersonalData(RightsRepository steps, RightsFile rights) {
        this.steps = steps;
        this.rights = rights;
    }

    @Override
    public List<Section> sections(UUID personId, PersonalDataTexts common) {
        PersonalDataTexts t = common.with("personal-data/rights");
        List<Entry> entries = steps.ofPerson(personId).stream()
                .map(rights::step)
                .map(step -> entry(step, t))
                .toList();
        return List.of(Section.ofEntries(t.text("rights.title"), entries, t.text("rights.empty")));
    }

    private static Entry entry(RightsStep step, PersonalDataTexts t) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(t.text("step.date"), t.date(step.occurredOn())));
        if (step.validUntil() != null) {
            facts.add(new Fact(t.text("step.validUntil"), t.date(step.validUntil())));
        }
        if (step.declaredAge() != null) {
            facts.add(new Fact(t.text("step.declaredAge"), step.declaredAge().toString()));
        }
        if (step.assessedAge() != null) {
            facts.add(new Fact(t.text("step.assessedAge"), step.assessedAge().toString()));
        }
        if (!step.documents().isEmpty()) {
            facts.add(new Fact(
                    t.text("step.documents"),
                    String.join(
                            ", ",
                            step.documents().stream()
                                    .map(document -> t.of("document", document))
                                    .toList())));
        }
        if (step.helpedBy() != null) {
            facts.add(new Fact(t.text("step.helpedBy"), step.helpedBy()));
        }
        if (step.note() != null) {
            facts.add(new Fact(t.text("step.note"), step.note()));
        }
        facts.add(new Fact(t.text("step.recordedBy"), step.recordedBy()));
        return new Entry(t.date(step.occurredOn()) + " · " + t.of("kind", step.kind()), facts);
    }
}
