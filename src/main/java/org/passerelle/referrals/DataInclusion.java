package org.passerelle.referrals;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.passerelle.referrals.DirectoryViews.Need;
import org.passerelle.referrals.DirectoryViews.ServiceDetails;
import org.passerelle.referrals.DirectoryViews.ServiceKind;
import tools.jackson.databind.JsonNode;

/**
 * How the directory reads and writes the data·inclusion schema (the French open data on social
 * inclusion services: {@code structures} and {@code services}, fields in French as published): a
 * service's {@code thematiques} become needs and back, its address, contact and opening hours
 * ({@code horaires_accueil}, OpenStreetMap syntax kept as written) fall back to its structure's,
 * {@code frais} "gratuit" means it sees people without coverage, {@code publics} "jeunes" that it
 * sees minors, and {@code date_maj} is the day the details were last checked. The kind of service,
 * the languages and the interpreter have no field in the schema: an imported service is of kind
 * OTHER (or ASSOCIATION, CPAM from the structure's {@code typologie}) until a coordinator says.
 */
final class DataInclusion {

    /** Each need and the thematiques that mean it; the first is the one written on export. */
    static final Map<Need, List<String>> THEMES = new LinkedHashMap<>();

    static {
        THEMES.put(
                Need.GENERAL_CARE,
                List.of(
                        "sante--acces-aux-soins",
                        "sante--se-soigner-et-prevenir-la-maladie",
                        "sante--prevention-et-acces-aux-soins"));
        THEMES.put(
                Need.MENTAL_HEALTH, List.of("sante--bien-etre-psychologique", "sante--accompagner-les-traumatismes"));
        THEMES.put(Need.SEXUAL_HEALTH, List.of("sante--vie-relationnelle-et-affective"));
        THEMES.put(
                Need.MATERNAL_CHILD_HEALTH,
                List.of(
                        "sante--accompagnement-de-la-femme-enceinte-du-bebe-et-du-jeune-enfant",
                        "famille--accompagnement-femme-enceinte-bebe-jeune-enfant"));
        THEMES.put(Need.HEALTH_COVERAGE, List.of("sante--obtenir-la-prise-en-charge-de-frais-medicaux"));
        THEMES.put(Need.SHELTER, List.of("logement-hebergement--mal-loges-sans-logis", "logement-hebergement"));
        THEMES.put(Need.CHILD_PROTECTION, List.of("famille--jeunes-sans-soutien-familial"));
        THEMES.put(
                Need.LEGAL_AID,
                List.of(
                        "acces-aux-droits-et-citoyennete--accompagnement-juridique",
                        "acces-aux-droits-et-citoyennete--demandeurs-dasile-et-naturalisation"));
        THEMES.put(
                Need.FOOD,
                List.of(
                        "equipement-et-alimentation--alimentation",
                        "gestion-financiere--obtenir-une-aide-alimentaire"));
    }

    private DataInclusion() {}

    /** The structures of a file by their id. */
    static Map<String, JsonNode> structures(JsonNode file) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        JsonNode structures = file.path("structures");
        if (!structures.isArray()) {
            throw ReferralProblems.badImport("structures");
        }
        for (int i = 0; i < structures.size(); i++) {
            byId.put(required(structures.get(i), "id", "structures[" + i + "].id"), structures.get(i));
        }
        return byId;
    }

    /** A service of the file as a directory entry, with what it lacks taken from its structure. */
    static ServiceDetails details(JsonNode service, @Nullable JsonNode structure, String where) {
        JsonNode home = structure == null ? service : structure;
        String name = required(service, "nom", where + ".nom");
        Set<Need> needs = EnumSet.noneOf(Need.class);
        service.path("thematiques").forEach(theme -> needOf(theme.asString()).ifPresent(needs::add));
        return new ServiceDetails(
                kindOf(structure),
                name.length() > 150 ? name.substring(0, 150) : name,
                structure == null ? null : clip(text(structure, "nom"), 150),
                clip(either(service, home, "adresse"), 200),
                postalCode(either(service, home, "code_postal")),
                clip(either(service, home, "commune"), 100),
                clip(either(service, home, "horaires_accueil"), 200),
                List.of(),
                List.copyOf(needs),
                has(service.path("frais"), "gratuit"),
                has(service.path("publics"), "jeunes"),
                false,
                clip(either(service, home, "telephone"), 40),
                clip(either(service, home, "courriel"), 200),
                clip(text(service, "contact_nom_prenom"), 150),
                date(either(service, home, "date_maj")),
                false);
    }

    static String required(JsonNode node, String field, String where) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw ReferralProblems.badImport(where);
        }
        return value;
    }

    private static java.util.Optional<Need> needOf(String theme) {
        return THEMES.entrySet().stream()
                .filter(entry -> entry.getValue().contains(theme))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static ServiceKind kindOf(@Nullable JsonNode structure) {
        String typology = structure == null ? null : text(structure, "typologie");
        if ("ASSO".equals(typology)) {
            return ServiceKind.ASSOCIATION;
        }
        if ("CPAM".equals(typology)) {
            return ServiceKind.CPAM;
        }
        return ServiceKind.OTHER;
    }

    /** A string or an array of strings (the schema changed from one to the other) holding the value. */
    private static boolean has(JsonNode node, String value) {
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(item -> values.add(item.asString()));
            return values.contains(value);
        }
        return node.isString() && node.asString().equals(value);
    }

    private static @Nullable String either(JsonNode service, JsonNode home, String field) {
        String own = text(service, field);
        return own != null ? own : text(home, field);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank()
                ? value.asString().strip()
                : null;
    }

    private static @Nullable String postalCode(@Nullable String value) {
        return value != null && value.matches("\\d{5}") ? value : null;
    }

    private static @Nullable LocalDate date(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable String clip(@Nullable String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
