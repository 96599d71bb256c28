package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On a phone (412×915), a coordinator imports a small CSV file from the menu: the columns guessed
 * from the headers, one more mapped by hand, the refused row shown with its reason, the import run
 * to its end, and the persons then found in the registry.
 */
@PasserelleTest
class ImportBrowserTest {

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    @Test
    void aCoordinatorImportsASmallCsvFromTheMenuAndFindsThePersonsInTheRegistry() throws IOException {
        Browser.requireBuiltWebClient();
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        String family = "Imported" + UUID.randomUUID().toString().substring(0, 6);
        Path csv = files.resolve("persons.csv");
        Files.writeString(csv, """
                Prénom;Nom;Sexe;Né en;Pays d'origine
                Amina;%1$s;F;2001;Soudan
                Yonas;%1$s;H;1998;ER
                Omar;%1$s;Z;1990;SD
                """.formatted(family), StandardCharsets.UTF_8);

        try (Browser browser = Browser.start()) {
            browser.logIn(port, organisation.username(coordinator));
            browser.click("nav-imports");
            browser.find("import-file").sendKeys(csv.toAbsolutePath().toString());
            browser.click("import-upload");
            assertThat(new Select(browser.find("import-map-0"))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEqualTo("GIVEN_NAME");
            new Select(browser.find("import-map-3")).selectByValue("BIRTH_YEAR");
            browser.click("import-check");

            browser.waitForText("import-counts", "2 lignes acceptées");
            assertThat(browser.find("import-refusal").getText()).startsWith("Ligne 4, colonne « Sexe » :");
            assertThat(browser.find("import-row-2").getText()).contains("Amina " + family);
            browser.click("import-run");

            browser.waitForText("import-imported", "2 personnes créées");
            assertThat(browser.find("import-refused").getText()).isEqualTo("1 ligne refusée");
            assertThat(browser.find("import-report").getAttribute("href")).endsWith("/report?language=fr");
        }

        ApiSession.Response found = coordinator.post("/api/people/search", Map.of("query", family));
        assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
        assertThat(found.body()
                        .valueStream()
                        .map(person -> person.path("chosenName").asString())
                        .toList())
                .containsExactlyInAnyOrder("Amina " + family, "Yonas " + family);
    }
}
