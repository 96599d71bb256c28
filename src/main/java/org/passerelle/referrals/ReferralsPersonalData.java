package org.passerelle.referrals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.passerelle.people.PersonalData.Entry;
import org.passerelle.people.PersonalData.Fact;
import org.passerelle.people.PersonalData.Section;
import org.passerelle.people.PersonalDataSource;
import org.passerelle.people.PersonalDataTexts;
import org.passerelle.referrals.ReferralViews.Accompaniment;
import org.passerelle.referrals.ReferralViews.Referral;
import org.passerelle.referrals.ReferralViews.Step;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Every referral of a person, with its reason, steps and accompaniments, for the export of their data. */
@Component
@Order(200)
class ReferralsPersonalData implements PersonalDataSource {

    private final ReferralRepository referrals;
    private final ReferralReads reads;

    ReferralsPersonalData(ReferralRepository referrals, ReferralReads reads) {
        this.referrals = referrals;
        this.reads = reads;
    }

    @Override
    public List<Section> sections(UUID personId, PersonalDataTexts common) {
        PersonalDataTexts t = common.with("personal-data/referrals");
        List<Entry> entries = referrals.ofPerson(personId).stream()
                .map(reads::referral)
                .map(referral -> entry(referral, t))
                .toList();
        return List.of(Section.ofEntries(t.text("referrals.title"), entries, t.text("referrals.empty")));
    }

    private static Entry entry(Referral referral, PersonalDataTexts t) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(t.text("referral.service"), referral.serviceName()));
        facts.add(new Fact(t.text("referral.reason"), referral.reason()));
        facts.add(new Fact(t.text("referral.urgency"), t.of("urgency", referral.urgency())));
        facts.add(new Fact(t.text("referral.status"), t.of("status", referral.status())));
        for (Step step : referral.steps()) {
            String note = step.note() == null ? "" : " — " + step.note();
            facts.add(new Fact(
                    t.text("referral.step"),
                    t.date(step.occurredOn()) + " · " + t.of("status", step.status()) + " · " + step.recordedBy()
                            + note));
        }
        for (Accompaniment accompaniment : referral.accompaniments()) {
            facts.add(new Fact(
                    t.text("referral.accompaniment"),
                    t.date(accompaniment.occurredOn()) + " · " + accompaniment.companions() + " · "
                            + accompaniment.minutes() + " min"));
        }
        return new Entry(t.date(referral.sentOn()) + " · " + referral.serviceName(), facts);
    }
}
