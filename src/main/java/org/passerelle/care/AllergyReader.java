package org.passerelle.care;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import org.passerelle.care.ClinicalSummaryRepository.AllergyAnswers;
import org.passerelle.care.ClinicalSummaryViews.Allergies;
import org.passerelle.care.ClinicalSummaryViews.AllergyNote;
import org.passerelle.care.ClinicalSummaryViews.AllergyStatus;
import org.passerelle.platform.crypto.DataKey;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the forms recorded of a person's allergies: the written allergies (field
 * {@code allergies}, sealed with the person's key) and the structured answer to "any known
 * allergies?" (field {@code allergy-status}: {@code none-known} or {@code yes}). A written allergy
 * is never hidden by a later "none known": allergies rarely go away, and a carer must see both.
 */
@Component
class AllergyReader {

    /** The free-text field that names the allergies. */
    static final String TEXT_FIELD = "allergies";

    /** The structured answer: {@code none-known} or {@code yes}. */
    static final String STATUS_FIELD = "allergy-status";

    static final String NONE_KNOWN = "none-known";
    static final int MAXIMUM_NOTES = 5;

    private final ClinicalSummaryRepository repository;
    private final JsonMapper json;

    AllergyReader(ClinicalSummaryRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    Allergies of(UUID personId, Collection<Compartment> compartments, DataKey key) {
        List<AllergyNote> notes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        LocalDate statedOn = null;
        boolean anyYes = false;
        boolean anyNoneKnown = false;
        for (AllergyAnswers answers : repository.allergyAnswers(personId, compartments, STATUS_FIELD)) {
            String text = text(answers.sealedTexts(), key);
            if (text == null && answers.status() == null) {
                continue;
            }
            if (statedOn == null) {
                statedOn = answers.occurredOn();
            }
            anyYes |= text != null || !NONE_KNOWN.equals(answers.status());
            anyNoneKnown |= NONE_KNOWN.equals(answers.status());
            if (text != null && notes.size() < MAXIMUM_NOTES && seen.add(text.toLowerCase(Locale.ROOT))) {
                notes.add(new AllergyNote(text, answers.occurredOn()));
            }
        }
        AllergyStatus status =
                anyYes ? AllergyStatus.KNOWN : anyNoneKnown ? AllergyStatus.NONE_KNOWN : AllergyStatus.NOT_RECORDED;
        return new Allergies(status, statedOn, notes);
    }

    private @Nullable String text(byte @Nullable [] sealed, DataKey key) {
        if (sealed == null) {
            return null;
        }
        JsonNode value =
                json.readTree(key.open(EncounterRepository.ANSWERS, sealed)).path(TEXT_FIELD);
        if (!value.isString() || value.stringValue().isBlank()) {
            return null;
        }
        return value.stringValue().strip();
    }
}
