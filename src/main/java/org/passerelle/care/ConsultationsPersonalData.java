package org.passerelle.care;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import org.passerelle.care.CareViews.Consultation;
import org.passerelle.care.forms.FormDefinition;
import org.passerelle.care.forms.FormLibrary;
import org.passerelle.people.PersonalData.Entry;
import org.passerelle.people.PersonalData.Fact;
import org.passerelle.people.PersonalData.Section;
import org.passerelle.people.PersonalDataSource;
import org.passerelle.people.PersonalDataTexts;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteViews.Site;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every consultation of every discipline a person had, in every compartment (restricted ones
 * included: the person is entitled to all of it), newest first, for the export of their data.
 */
@Component
@Order(100)
class ConsultationsPersonalData implements PersonalDataSource {

    static final String LABELS = "personal-data/care";

    private final ConsultationRepository consultations;
    private final EncounterRepository encounters;
    private final FollowUpRepository followUps;
    private final FormLibrary forms;
    private final SubjectKeys keys;
    private final JsonMapper json;
    private final SiteDirectory sites;

    ConsultationsPersonalData(
            ConsultationRepository consultations,
            EncounterRepository encounters,
            FollowUpRepository followUps,
            FormLibrary forms,
            SubjectKeys keys,
            JsonMapper json,
            SiteDirectory sites) {
        this.consultations = consultations;
        this.encounters = encounters;
        this.followUps = followUps;
        this.forms = forms;
        this.keys = keys;
        this.json = json;
        this.sites = sites;
    }

    @Override
    public List<Section> sections(UUID personId, PersonalDataTexts common) {
        PersonalDataTexts t = common.with(LABELS);
        // The person is entitled to all of it: every compartment, restricted ones included.
        List<Consultation> all = consultations.findByPerson(personId, EnumSet.allOf(Compartment.class), null);
        Map<UUID, String> siteNames = sites
                .sites(all.stream().map(Consultation::siteId).distinct().toList())
                .stream()
                .collect(Collectors.toMap(Site::id, Site::name, (a, b) -> a));
        List<Entry> entries = all.stream().map(c -> entry(c, siteNames, t)).toList();
        List<Entry> followed = followUps.ofPerson(personId, EnumSet.allOf(FollowUpProgramme.class)).stream()
                .map(row -> followUp(row, t))
                .toList();
        return List.of(
                Section.ofEntries(t.text("consultations.title"), entries, t.text("consultations.empty")),
                Section.ofEntries(t.text("followUps.title"), followed, t.text("followUps.empty")));
    }

    private static Entry followUp(FollowUpRepository.Row row, PersonalDataTexts t) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(t.text("followUp.startedOn"), t.date(row.startedOn())));
        if (row.lastVisitOn() != null) {
            facts.add(new Fact(t.text("followUp.lastVisitOn"), t.date(row.lastVisitOn())));
        }
        if (row.nextVisitOn() != null) {
            facts.add(new Fact(t.text("followUp.nextVisitOn"), t.date(row.nextVisitOn())));
        }
        if (row.dueDate() != null) {
            facts.add(new Fact(t.text("followUp.dueDate"), t.date(row.dueDate())));
        }
        if (row.conditionCode() != null) {
            facts.add(new Fact(t.text("followUp.condition"), row.conditionCode()));
        }
        if (row.closedOn() != null) {
            facts.add(new Fact(t.text("followUp.closedOn"), t.date(row.closedOn())));
        }
        return new Entry(t.of("programme", row.programme()), facts);
    }

    private Entry entry(Consultation consultation, Map<UUID, String> siteNames, PersonalDataTexts t) {
        String discipline = t.of("discipline", consultation.discipline());
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(t.text("consultation.date"), t.date(consultation.occurredOn())));
        facts.add(new Fact(t.text("consultation.discipline"), discipline));
        facts.add(new Fact(t.text("consultation.compartment"), t.of("compartment", consultation.compartment())));
        facts.add(new Fact(
                t.text("consultation.site"),
                siteNames.getOrDefault(consultation.siteId(), t.text("consultation.unknownSite"))));
        facts.add(new Fact(t.text("consultation.provider"), consultation.providerName()));
        facts.add(new Fact(t.text("consultation.diagnosis"), orNone(consultation.diagnosis(), t)));
        facts.add(new Fact(t.text("consultation.note"), orNone(consultation.note(), t)));
        facts.add(new Fact(t.text("consultation.interpreter"), t.yesNo(consultation.interpreter())));
        facts.add(new Fact(
                t.text("consultation.language"),
                consultation.language() == null ? t.none() : t.languageName(consultation.language())));
        facts.addAll(formAnswers(consultation, t));
        facts.add(new Fact(t.text("consultation.recordedAt"), t.dateTime(consultation.createdAt())));
        return new Entry(t.date(consultation.occurredOn()) + " · " + discipline, facts);
    }

    /** The answers of a consultation recorded with a form, labelled in the export's language. */
    private List<Fact> formAnswers(Consultation consultation, PersonalDataTexts t) {
        return encounters
                .find(consultation.id())
                .map(stored -> {
                    FormDefinition form = forms.version(stored.formCode(), stored.formVersion())
                            .definition();
                    DataKey key = keys.keyFor(stored.keySubject());
                    JsonNode answers = EncounterAnswers.of(stored.coded(), stored.answers(), key, json);
                    String language = t.language().code();
                    List<Fact> facts = new ArrayList<>();
                    facts.add(new Fact(t.text("consultation.form"), form.title().in(language)));
                    EncounterAnswers.told(form, answers, language, t.yesNo(true), t.yesNo(false))
                            .forEach(told -> facts.add(new Fact(told.label(), told.answer())));
                    return facts;
                })
                .orElse(List.of());
    }

    private static String orNone(@Nullable String text, PersonalDataTexts t) {
        return text == null || text.isBlank() ? t.none() : text;
    }
}
