package org.passerelle.care;

import java.util.UUID;
import org.passerelle.support.ApiSession;
import org.passerelle.support.ApiSession.Response;
import tools.jackson.databind.JsonNode;

/** Forms written and published by a coordinator in tests, each under a code of its own. */
final class TestForms {

    private TestForms() {}

    static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A consultation form with each type of field and rule; {@code %s} is its code. */
    static final String VISIT = """
            {
              "code": "%s",
              "title": { "fr": "Visite", "en": "Visit", "ar": "زيارة" },
              "discipline": "MEDICAL",
              "compartment": "%s",
              "subject": "PERSON",
              "sections": [
                { "code": "vitals", "title": { "fr": "Constantes", "en": "Vital signs", "ar": "العلامات الحيوية" },
                  "fields": [
                    { "code": "temperature", "type": "number", "unit": "°C", "min": 30, "max": 45, "decimals": 1,
                      "required": true,
                      "label": { "fr": "Température", "en": "Temperature", "ar": "الحرارة" } },
                    { "code": "weight", "type": "number", "unit": "kg", "min": 1, "max": 250, "decimals": 1,
                      "label": { "fr": "Poids", "en": "Weight", "ar": "الوزن" } },
                    { "code": "height", "type": "number", "unit": "cm", "min": 30, "max": 230,
                      "label": { "fr": "Taille", "en": "Height", "ar": "الطول" } },
                    { "code": "bmi", "type": "calculated", "decimals": 1,
                      "calculate": { "function": "bmi", "fields": ["weight", "height"] },
                      "label": { "fr": "IMC", "en": "BMI", "ar": "مؤشر كتلة الجسم" } },
                    { "code": "pregnant", "type": "yesno",
                      "relevant": { "field": "@sex", "equals": "FEMALE" },
                      "label": { "fr": "Enceinte ?", "en": "Pregnant?", "ar": "حامل؟" } }
                  ] },
                { "code": "assessment", "title": { "fr": "Bilan", "en": "Assessment", "ar": "التقييم" },
                  "fields": [
                    { "code": "complaints", "type": "multiple",
                      "options": [
                        { "code": "cough", "label": { "fr": "Toux", "en": "Cough", "ar": "سعال" } },
                        { "code": "itch", "label": { "fr": "Démangeaisons", "en": "Itching", "ar": "حكة" } }
                      ],
                      "label": { "fr": "Plaintes", "en": "Complaints", "ar": "الشكاوى" } },
                    { "code": "cough-days", "type": "number", "min": 0, "max": 365,
                      "relevant": { "field": "complaints", "includes": "cough" },
                      "label": { "fr": "Toux depuis (jours)", "en": "Cough for (days)", "ar": "السعال منذ (أيام)" } },
                    { "code": "examination", "type": "text", "multiline": true,
                      "label": { "fr": "Examen", "en": "Examination", "ar": "الفحص" } },
                    { "code": "diagnoses", "type": "diagnosis", "required": true,
                      "label": { "fr": "Diagnostics", "en": "Diagnoses", "ar": "التشخيصات" } },
                    { "code": "prescription", "type": "medication",
                      "label": { "fr": "Ordonnance", "en": "Prescription", "ar": "الوصفة" } },
                    { "code": "referred-to", "type": "choice",
                      "options": [
                        { "code": "hospital", "label": { "fr": "Hôpital", "en": "Hospital", "ar": "المستشفى" } },
                        { "code": "dentist", "label": { "fr": "Dentiste", "en": "Dentist", "ar": "طبيب الأسنان" } }
                      ],
                      "label": { "fr": "Orienté vers", "en": "Referred to", "ar": "أُحيل إلى" } },
                    { "code": "assault-at", "type": "datetime", "when": "PAST",
                      "label": { "fr": "Agression le", "en": "Assault on", "ar": "الاعتداء في" } }
                  ] }
              ],
              "alerts": [
                { "code": "pep-window", "when": { "field": "assault-at", "withinHours": 72 },
                  "until": "assault-at", "hours": 72,
                  "message": { "fr": "PPE possible", "en": "PEP possible", "ar": "الوقاية ممكنة" } }
              ]
            }
            """;

    /** A group session form counting attendees anonymously; {@code %s} is its code. */
    static final String GROUP = """
            {
              "code": "%s",
              "title": { "fr": "Groupe", "en": "Group", "ar": "مجموعة" },
              "discipline": "MENTAL_HEALTH",
              "compartment": "MENTAL_HEALTH",
              "subject": "GROUP",
              "sections": [
                { "code": "attendance", "title": { "fr": "Présence", "en": "Attendance", "ar": "الحضور" },
                  "fields": [
                    { "code": "women", "type": "number", "min": 0, "max": 500,
                      "label": { "fr": "Femmes", "en": "Women", "ar": "نساء" } },
                    { "code": "men", "type": "number", "min": 0, "max": 500,
                      "label": { "fr": "Hommes", "en": "Men", "ar": "رجال" } },
                    { "code": "attendees", "type": "calculated",
                      "calculate": { "function": "sum", "fields": ["women", "men"] },
                      "label": { "fr": "Participants", "en": "Attendees", "ar": "الحاضرون" } }
                  ] }
              ]
            }
            """;

    /** Saves and publishes a form as {@code coordinator}; returns its code. */
    static String publish(ApiSession coordinator, String template, String code, String... more) {
        Object[] arguments = new Object[more.length + 1];
        arguments[0] = code;
        System.arraycopy(more, 0, arguments, 1, more.length);
        JsonNode definition = ApiSession.json().readTree(template.formatted(arguments));
        Response draft = coordinator.post("/api/forms/drafts", definition);
        if (draft.status() != 201) {
            throw new AssertionError("form not saved: " + draft.body());
        }
        Response published = coordinator.post(
                "/api/forms/" + code + "/versions/"
                        + draft.body().path("version").asInt() + "/publication",
                java.util.Map.of());
        if (published.status() != 200) {
            throw new AssertionError("form not published: " + published.body());
        }
        return code;
    }
}
