package org.passerelle.outbreaks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.passerelle.outbreaks.OutbreakViews.Disease;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The diseases a line list is kept for, read at startup from {@code outbreaks/diseases/*.json}: a
 * new disease is a new file, not new code. Each declares its case definitions per classification,
 * the severities it grades, whether a case opens a case-area response ring, and its alert
 * thresholds; every label in French, English and Arabic. A file that breaks these rules stops the
 * start, so a mistake is never found in the field.
 */
@Service
public class Diseases {

    static final String LOCATION = "classpath*:outbreaks/diseases/*.json";
    static final List<String> CLASSIFICATIONS = List.of("SUSPECTED", "PROBABLE", "CONFIRMED", "DISCARDED");
    private static final Set<String> LANGUAGES = Set.of("fr", "en", "ar");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private final Map<String, Disease> diseases;

    Diseases(JsonMapper json) {
        Map<String, Disease> read = new LinkedHashMap<>();
        for (Resource resource : resources()) {
            try (InputStream in = resource.getInputStream()) {
                Disease disease = json.readValue(in, Disease.class);
                check(disease, resource);
                if (read.putIfAbsent(disease.code(), disease) != null) {
                    throw new IllegalStateException(
                            "disease " + disease.code() + " declared twice, again in " + resource);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read disease " + resource, e);
            }
        }
        this.diseases = read;
    }

    /** Every disease, by code. */
    public List<Disease> all() {
        return List.copyOf(diseases.values());
    }

    /** The disease of this code; refuses an unknown one ({@code outbreak-unknown-disease}). */
    public Disease require(String code) {
        Disease disease = diseases.get(code);
        if (disease == null) {
            throw OutbreakProblems.unknownDisease();
        }
        return disease;
    }

    private static List<Resource> resources() {
        try {
            return Arrays.stream(new PathMatchingResourcePatternResolver().getResources(LOCATION))
                    .sorted(Comparator.comparing(r -> String.valueOf(r.getFilename())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(Disease disease, Resource resource) {
        String where = " in " + resource;
        if (!CODE.matcher(disease.code()).matches()) {
            throw new IllegalStateException("bad disease code " + disease.code() + where);
        }
        if (!disease.definitions().keySet().equals(Set.copyOf(CLASSIFICATIONS))) {
            throw new IllegalStateException(disease.code() + " must define " + CLASSIFICATIONS + where);
        }
        if (!labelled(disease.names())
                || !labelled(disease.severityLabel())
                || !disease.definitions().values().stream().allMatch(Diseases::labelled)
                || !disease.severities().stream().allMatch(s -> labelled(s.names()))
                || !disease.thresholds().stream().allMatch(t -> labelled(t.names()))) {
            throw new IllegalStateException(disease.code() + " needs every label in fr, en and ar" + where);
        }
        for (var threshold : disease.thresholds()) {
            if (threshold.cases() < 1 || !CLASSIFICATIONS.containsAll(threshold.classifications())) {
                throw new IllegalStateException("bad threshold " + threshold.code() + where);
            }
        }
    }

    private static boolean labelled(Map<String, String> labels) {
        return labels.keySet().containsAll(LANGUAGES)
                && labels.values().stream().noneMatch(String::isBlank);
    }
}
