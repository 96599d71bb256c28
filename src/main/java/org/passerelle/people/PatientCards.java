package org.passerelle.people;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonalDataExport.Format;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Language;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteViews.Site;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The card a person keeps so that any site finds their file in seconds, whatever the spelling of
 * their name: the patient code as a QR code and in text, the chosen name only when the person wants
 * it, and the contact of the site that prints it. A carer whose site scope reaches the person prints
 * it, at their current site; each card is audited as an export in the same transaction as it is read.
 */
@Service
@Transactional
class PatientCards {

    static final String RECORD_TYPE = "person-card";
    static final String LABELS = "personal-data/card";

    /** What the carer chooses when printing: checked before anything is read or audited. */
    record CardRequest(
            @NotNull @Pattern(regexp = "HTML|PDF") String format,
            @NotNull @Pattern(regexp = "fr|en|ar") String language,
            @Nullable Boolean withName) {

        /** The name is printed only when asked for; without an answer, it is not. */
        boolean nameWanted() {
            return Boolean.TRUE.equals(withName);
        }
    }

    /** A made card and the name of its file (the patient code, never the name). */
    record Card(byte[] content, Format format, String fileName) {}

    private final PersonRepository persons;
    private final PersonAccess access;
    private final SiteDirectory sites;
    private final AuditLog audit;

    PatientCards(PersonRepository persons, PersonAccess access, SiteDirectory sites, AuditLog audit) {
        this.persons = persons;
        this.access = access;
        this.sites = sites;
        this.audit = audit;
    }

    Card card(UUID personId, CardRequest request) {
        Format format = Format.valueOf(request.format());
        Language language =
                Language.ofCode(request.language()).orElseThrow(() -> DomainException.invalidInput("language"));
        CurrentUser user = access.requireWritable(personId);
        Site site = sites.site(user.requireCurrentSite()).orElseThrow(() -> PeopleProblems.noSiteChosen());
        PersonRepository.Row person =
                persons.findById(personId).orElseThrow(() -> DomainException.notFound(PersonRegistry.RECORD_TYPE));
        audit.record(AuditAction.EXPORT, RECORD_TYPE, personId);

        PatientCard card = content(person, request.nameWanted() ? person.chosenName() : null, site, language);
        byte[] content = switch (format) {
            case HTML -> PatientCardHtml.render(card).getBytes(StandardCharsets.UTF_8);
            case PDF -> PatientCardPdf.render(card);
        };
        return new Card(content, format, "card-" + person.patientCode() + "." + format.extension);
    }

    private PatientCard content(PersonRepository.Row person, @Nullable String name, Site site, Language language) {
        // A card carries no date, so the time zone of the texts is never used.
        PersonalDataTexts t = PersonalDataTexts.of(language, ZoneOffset.UTC).with(LABELS);
        String city = site.city();
        String phone = site.phone();
        String organisation =
                sites.organisationName().filter(given -> !given.isBlank()).orElse(null);
        String show = show(t, organisation);
        String showInFrench = language == Language.FR
                ? null
                : show(PersonalDataTexts.of(Language.FR, ZoneOffset.UTC).with(LABELS), organisation);
        return new PatientCard(
                language,
                t.text("card.title", PatientCode.display(person.patientCode())),
                organisation == null ? "Passerelle" : organisation,
                person.patientCode(),
                t.text("card.code"),
                name,
                city == null || city.isBlank() ? site.name() : site.name() + ", " + city,
                phone == null || phone.isBlank() ? null : phone,
                show,
                showInFrench,
                t.text("card.cut"));
    }

    private static String show(PersonalDataTexts t, @Nullable String organisation) {
        return organisation == null ? t.text("card.show") : t.text("card.show.organisation", organisation);
    }
}
