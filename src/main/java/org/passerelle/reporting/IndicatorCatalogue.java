package org.passerelle.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicators, read once at start-up from every {@code reporting/indicators/*.json} resource
 * on the class path. A module adds its own indicators by shipping such a file that counts a fact
 * relation (table or view) in its own schema with the columns {@code site_id uuid}, {@code
 * occurred_on date}, {@code person_key uuid} (for distinct persons), {@code attendees integer}
 * (for head counts) and one per disaggregation it offers ({@code sex}, {@code age_group}, {@code
 * discipline}, {@code visit}); reporting needs no change, and no module depends on reporting.
 */
@Component
public class IndicatorCatalogue {

    static final String LOCATION = "classpath*:reporting/indicators/*.json";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,59}");
    private static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");
    private static final Set<String> LANGUAGES = Set.of("fr", "en", "ar");

    /** The shape of a catalogue resource. */
    record CatalogueFile(List<Indicator> indicators) {}

    private final Map<String, Indicator> indicators;

    @Autowired
    IndicatorCatalogue(JsonMapper json) {
        this(json, LOCATION);
    }

    IndicatorCatalogue(JsonMapper json, String location) {
        Map<String, Indicator> read = new LinkedHashMap<>();
        for (Resource resource : resources(location)) {
            try (InputStream in = resource.getInputStream()) {
                for (Indicator indicator :
                        json.readValue(in, CatalogueFile.class).indicators()) {
                    check(indicator, resource);
                    if (read.putIfAbsent(indicator.code(), indicator) != null) {
                        throw new IllegalStateException(
                                "indicator " + indicator.code() + " declared twice, again in " + resource);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read indicator catalogue " + resource, e);
            }
        }
        this.indicators = read;
    }

    /** Every indicator, in the order of their resources (by file name) and of declaration. */
    public List<Indicator> all() {
        return List.copyOf(indicators.values());
    }

    public Optional<Indicator> find(String code) {
        return Optional.ofNullable(indicators.get(code));
    }

    private static List<Resource> resources(String location) {
        try {
            List<Resource> found =
                    new ArrayList<>(Arrays.asList(new PathMatchingResourcePatternResolver().getResources(location)));
            found.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(Indicator indicator, Resource resource) {
        String where = " in " + resource;
        if (!CODE.matcher(indicator.code()).matches()) {
            throw new IllegalStateException("bad indicator code " + indicator.code() + where);
        }
        if (!SOURCE.matcher(indicator.source()).matches()) {
            throw new IllegalStateException("bad source " + indicator.source() + " of " + indicator.code() + where);
        }
        if (indicator.filter().contains(";") || indicator.filter().contains("--")) {
            throw new IllegalStateException("filter of " + indicator.code() + " must be one condition" + where);
        }
        if (!indicator.names().keySet().containsAll(LANGUAGES)
                || !indicator.definitions().keySet().containsAll(LANGUAGES)) {
            throw new IllegalStateException(indicator.code() + " needs a name and definition in fr, en, ar" + where);
        }
    }
}
