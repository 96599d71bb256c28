package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Each form that comes with Passerelle, filled and signed in a real browser: every required
 * question the form shows gets an answer, including those that appear on the way, and the
 * consultation is signed and stored.
 */
@PasserelleTest
class CoreFormsBrowserTest {

    static final List<String> CORE_FORMS = List.of(
            "medical-consultation",
            "nursing-care",
            "mental-health-session",
            "social-assessment",
            "legal-consultation",
            "antenatal-visit",
            "sgbv-first-response",
            "minor-follow-up",
            "mental-health-group-session",
            "health-promotion-session");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession carer;
    String personId;

    @BeforeEach
    void setUp() {
        Browser.requireBuiltWebClient();
        organisation = new TestOrganisation(port);
        carer = organisation.userAt(organisation.siteA, "CLINICIAN", "PSYCHOLOGIST", "SOCIAL_LEGAL_WORKER");
        ApiSession.Response registered = carer.post(
                "/api/people",
                Map.of(
                        "details",
                        Map.of(
                                "chosenName",
                                "Hawa Kamara",
                                "sex",
                                "FEMALE",
                                "birthDate",
                                Map.of("precision", "EXACT", "date", "2001-04-12"))));
        assertThat(registered.status()).isEqualTo(201);
        personId = registered.text("id");
    }

    @Test
    void fillsAndSignsEveryCoreForm() {
        Map<String, JsonNode> forms = new java.util.HashMap<>();
        carer.get("/api/forms")
                .body()
                .forEach(form -> forms.put(form.path("code").asString(), form));
        assertThat(forms.keySet()).containsAll(CORE_FORMS);

        try (Browser browser = Browser.start()) {
            browser.logIn(port, organisation.username(carer));
            for (String code : CORE_FORMS) {
                JsonNode definition = forms.get(code).path("definition");
                boolean group = definition.path("subject").asString().equals("GROUP");
                browser.driver.get(url(group ? "/group-sessions/new" : "/people/" + personId + "/encounters/new"));
                browser.click("choose-form-" + code);
                browser.find("form-fields");
                fillRequired(browser, definition, group);
                if (code.equals("sgbv-first-response")) {
                    assertThat(browser.find("alert-pep-window").getText()).isNotBlank();
                }
                browser.click("sign");
                browser.waitUntil(driver -> driver.getCurrentUrl().contains("/encounters/")
                        && !driver.findElements(Browser.byTestId("amend")).isEmpty());
                assertThat(browser.find("answers").getText()).as(code).isNotBlank();
            }
        }

        List<String> signed =
                jdbc.sql("""
                        select form_code from care.encounter
                         where site_id = ?::uuid and status = 'SIGNED' and revision = 1
                        """).param(organisation.siteA).query(String.class).list();
        assertThat(signed).containsExactlyInAnyOrderElementsOf(CORE_FORMS);
        assertThat(jdbc.sql(
                                "select count(*) from care.encounter_revision r join care.encounter e on e.id = r.encounter_id"
                                        + " where e.site_id = ?::uuid")
                        .param(organisation.siteA)
                        .query(Long.class)
                        .single())
                .isEqualTo(CORE_FORMS.size());
    }

    @Test
    void aCoordinatorWritesPublishesAndACarerUsesANewFormWithoutACodeChange() {
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        String code = "water-point-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String definition = """
                {
                  "code": "%s",
                  "title": { "fr": "Visite point d'eau", "en": "Water point visit", "ar": "زيارة نقطة المياه" },
                  "discipline": "NURSING", "compartment": "GENERAL", "subject": "PERSON",
                  "sections": [ { "code": "main", "title": { "fr": "Eau", "en": "Water", "ar": "الماء" },
                    "fields": [ { "code": "chlorine", "type": "number", "unit": "mg/L", "min": 0, "max": 5,
                      "decimals": 1, "required": true,
                      "label": { "fr": "Chlore libre", "en": "Free chlorine", "ar": "الكلور الحر" } } ] } ]
                }
                """.formatted(code);
        try (Browser browser = Browser.start()) {
            browser.logIn(port, organisation.username(coordinator));
            browser.click("nav-forms");
            browser.click("new-form");
            setValue(browser, browser.find("form-definition"), definition.replace("\"max\": 5", "\"max\": -5"));
            browser.click("check-form");
            browser.find("form-error");
            assertThat(browser.find("form-error").getText()).isNotBlank();

            setValue(browser, browser.find("form-definition"), definition);
            browser.click("check-form");
            browser.find("form-preview");
            browser.find("answer-chlorine");
            browser.click("save-form");
            browser.find("form-saved");
            browser.click("publish-form-" + code);
            browser.waitUntil(driver -> driver.findElements(Browser.byTestId("publish-form-" + code))
                    .isEmpty());
        }
        try (Browser browser = Browser.start()) {
            browser.logIn(port, organisation.username(carer));
            browser.driver.get(url("/people/" + personId + "/encounters/new"));
            browser.click("choose-form-" + code);
            setValue(browser, browser.find("answer-chlorine"), "0.5");
            browser.click("sign");
            browser.waitUntil(
                    driver -> !driver.findElements(Browser.byTestId("amend")).isEmpty());
            assertThat(browser.find("answers").getText()).contains("0.5 mg/L");
        }
    }

    /** Answers every required field shown, again while answers make new required fields appear. */
    private void fillRequired(Browser browser, JsonNode definition, boolean group) {
        List<JsonNode> required = new ArrayList<>();
        definition
                .path("sections")
                .forEach(section -> section.path("fields").forEach(field -> {
                    if (field.path("required").asBoolean(false)) {
                        required.add(field);
                    }
                }));
        Set<String> answered = new HashSet<>();
        for (int pass = 0; pass < 4; pass++) {
            for (JsonNode field : required) {
                String code = field.path("code").asString();
                if (answered.contains(code)
                        || browser.driver
                                .findElements(Browser.byTestId("field-" + code))
                                .isEmpty()) {
                    continue;
                }
                answer(browser, field);
                answered.add(code);
            }
        }
        if (group) {
            setValue(browser, browser.find("answer-women"), "4");
            setValue(browser, browser.find("answer-men"), "3");
        }
    }

    private void answer(Browser browser, JsonNode field) {
        String code = field.path("code").asString();
        String id = "answer-" + code;
        switch (field.path("type").asString()) {
            case "text" -> browser.type(id, "Réponse de test");
            case "number" -> setValue(browser, browser.find(id), plausible(field));
            case "date" ->
                setValue(
                        browser,
                        browser.find(id),
                        LocalDate.now(ZoneId.of("Europe/Paris")).toString());
            case "datetime" ->
                setValue(
                        browser,
                        browser.find(id),
                        LocalDateTime.now(ZoneId.of("Europe/Paris"))
                                .minusHours(6)
                                .truncatedTo(ChronoUnit.MINUTES)
                                .toString());
            case "choice" -> {
                String first = field.path("options").path(0).path("code").asString();
                List<WebElement> radios = browser.driver.findElements(Browser.byTestId(id + "-" + first));
                if (radios.isEmpty()) {
                    new Select(browser.find(id)).selectByValue(first);
                } else {
                    radios.getFirst().click();
                }
            }
            case "multiple" ->
                browser.click(
                        id + "-" + field.path("options").path(0).path("code").asString());
            case "yesno" -> browser.click(id + "-yes");
            case "diagnosis" -> {
                browser.type(id + "-input", "B86");
                // The options are drawn again as the search answers: click one that says B86.
                browser.waitUntil(driver -> {
                    try {
                        for (WebElement option : driver.findElements(Browser.byTestId(id + "-option"))) {
                            if (option.getText().contains("B86")) {
                                option.click();
                                return true;
                            }
                        }
                        return false;
                    } catch (StaleElementReferenceException e) {
                        return false;
                    }
                });
                browser.find(id + "-chosen");
            }
            default -> fail("no way to answer a required " + field.path("type").asString() + " field: " + code);
        }
    }

    private static String plausible(JsonNode field) {
        double min = field.path("min").asDouble(0);
        double max = field.path("max").asDouble(min + 10);
        long value = Math.round(Math.ceil((min + max) / 2));
        return Long.toString(Math.min(value, (long) Math.floor(max)));
    }

    private static void setValue(Browser browser, WebElement input, String value) {
        ((JavascriptExecutor) browser.driver)
                .executeScript(
                        "arguments[0].value = arguments[1];"
                                + "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
                        input,
                        value);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
