package org.passerelle.referrals;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.BirthDate;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews.Person;
import org.passerelle.platform.DomainException;
import org.passerelle.referrals.DirectoryViews.ServiceDetails;
import org.passerelle.referrals.ReferralViews.Referral;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteViews.Site;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral letter: in French for the receiving service, what the referral needs and nothing
 * more (the person's name, patient code, sex, birth date or age, languages; the reason and urgency;
 * who referred them, from where; the consent), then a summary for the person in their language
 * (where to go, when, what to bring, whom to call). Printing it is audited as an export.
 */
@Service
public class ReferralLetter {

    /** The content of a letter, already in words: the PDF only lays it out. */
    record Letter(
            String title,
            List<String[]> forService,
            String reason,
            String consent,
            String feedback,
            String summaryLanguage,
            String summaryTitle,
            List<String> summary) {}

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final ReferralReads reads;
    private final Directory directory;
    private final PersonRegistry registry;
    private final SiteDirectory sites;
    private final AuditLog audit;

    ReferralLetter(
            ReferralReads reads, Directory directory, PersonRegistry registry, SiteDirectory sites, AuditLog audit) {
        this.reads = reads;
        this.directory = directory;
        this.registry = registry;
        this.sites = sites;
        this.audit = audit;
    }

    /** The letter as a PDF, with the person's summary in {@code language} or, when none, their first language. */
    @Transactional
    public byte[] pdf(UUID referralId, @Nullable String language) {
        Referral referral = reads.referral(reads.requireRow(referralId));
        Person person = registry.get(referral.personId());
        String summaryLanguage = summaryLanguage(language, person);
        Letter letter = letter(referral, person, summaryLanguage);
        audit.record(AuditAction.EXPORT, "referral-letter", referralId);
        return ReferralLetterPdf.render(letter);
    }

    private static String summaryLanguage(@Nullable String asked, Person person) {
        if (asked != null) {
            if (!ReferralLetterTexts.LANGUAGES.contains(asked)) {
                throw DomainException.invalidInput("language");
            }
            return asked;
        }
        return person.languages().stream()
                .filter(ReferralLetterTexts.LANGUAGES::contains)
                .findFirst()
                .orElse("fr");
    }

    private Letter letter(Referral referral, Person person, String language) {
        ReferralLetterTexts fr = ReferralLetterTexts.in("fr");
        ReferralLetterTexts own = ReferralLetterTexts.in(language);
        ServiceDetails service = directory.get(referral.serviceId()).details();
        Site site = sites.site(referral.siteId()).orElseThrow();
        String siteLine = site.name() + (site.phone() == null ? "" : " · " + site.phone());
        String referredBy =
                referral.steps().isEmpty() ? "" : referral.steps().getFirst().recordedBy();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {fr.text("date"), FRENCH_DATE.format(referral.sentOn())});
        rows.add(new String[] {fr.text("from"), siteLine});
        rows.add(new String[] {fr.text("referredBy"), referredBy});
        rows.add(new String[] {fr.text("to"), service.name() + " — " + fr.of("kind", service.kind())});
        rows.add(new String[] {fr.text("summary.address"), address(service)});
        rows.add(new String[] {fr.text("name"), person.chosenName()});
        rows.add(new String[] {fr.text("code"), person.patientCode()});
        rows.add(new String[] {fr.text("sex"), fr.of("sex", person.sex())});
        birth(person, fr, rows);
        if (!person.languages().isEmpty()) {
            rows.add(new String[] {fr.text("languages"), languages(person)});
        }
        rows.add(new String[] {fr.text("urgency"), fr.of("urgency", referral.urgency())});
        return new Letter(
                fr.text("title"),
                rows,
                fr.text("reason") + " : " + referral.reason(),
                fr.of("consent", referral.consent()),
                fr.text("feedback"),
                language,
                own.text("summary.title"),
                summary(own, service, siteLine));
    }

    private static List<String> summary(ReferralLetterTexts t, ServiceDetails service, String siteLine) {
        List<String> lines = new ArrayList<>();
        lines.add(t.text("summary.referredTo"));
        lines.add(service.name() + " — " + t.of("kind", service.kind()));
        lines.add(t.text("summary.address") + " : " + address(service));
        if (service.openingHours() != null) {
            lines.add(t.text("summary.hours") + " : " + service.openingHours());
        }
        if (service.phone() != null) {
            lines.add(t.text("summary.phone") + " : " + service.phone());
        }
        lines.add(t.text("summary.bring"));
        if (service.acceptsUncovered()) {
            lines.add(t.text("summary.uncovered"));
        }
        if (service.interpreter()) {
            lines.add(t.text("summary.interpreter"));
        }
        lines.add(t.text("summary.contact", siteLine));
        return lines;
    }

    private static void birth(Person person, ReferralLetterTexts fr, List<String[]> rows) {
        BirthDate birth = person.birthDate();
        if (birth != null && birth.precision() == BirthDate.Precision.EXACT) {
            rows.add(new String[] {fr.text("born"), FRENCH_DATE.format(birth.date())});
        } else if (person.age() != null) {
            rows.add(new String[] {fr.text("age"), fr.text("ageYears", person.age())});
        }
    }

    private static String languages(Person person) {
        return person.languages().stream()
                .sorted()
                .map(code -> Locale.forLanguageTag(code).getDisplayLanguage(Locale.FRENCH))
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    private static String address(ServiceDetails service) {
        StringBuilder text = new StringBuilder();
        if (service.address() != null) {
            text.append(service.address());
        }
        String town = ((service.postalCode() == null ? "" : service.postalCode() + " ")
                        + (service.city() == null ? "" : service.city()))
                .strip();
        if (!town.isEmpty()) {
            text.append(text.isEmpty() ? "" : ", ").append(town);
        }
        return text.isEmpty() ? "—" : text.toString();
    }
}
