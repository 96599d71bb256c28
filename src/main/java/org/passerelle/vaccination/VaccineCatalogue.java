package org.passerelle.vaccination;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.passerelle.vaccination.VaccinationViews.Vaccine;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vaccines doses are recorded of, with their number of doses and the minimum interval between
 * two doses, read from {@code vaccination/vaccines.json} and checked at startup: a bad entry stops
 * the application, naming the vaccine. A new vaccine is a few lines of data.
 */
@Service
public class VaccineCatalogue {

    static final String RESOURCE = "vaccination/vaccines.json";

    private static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Set<String> LANGUAGES = Set.of("fr", "en", "ar");

    private record File(List<Vaccine> vaccines) {}

    private final Map<String, Vaccine> vaccines;

    VaccineCatalogue() {
        Map<String, Vaccine> read = new LinkedHashMap<>();
        for (Vaccine vaccine : read().vaccines()) {
            check(vaccine);
            if (read.put(vaccine.code(), vaccine) != null) {
                throw new IllegalStateException(RESOURCE + ": vaccine " + vaccine.code() + " is listed twice");
            }
        }
        this.vaccines = read;
    }

    /** Every vaccine, in the order of the file. */
    public List<Vaccine> all() {
        return List.copyOf(vaccines.values());
    }

    public Optional<Vaccine> find(String code) {
        return Optional.ofNullable(vaccines.get(code));
    }

    /** The vaccine, or the refusal {@code vaccination-unknown-vaccine}. */
    Vaccine require(String code) {
        return find(code).orElseThrow(VaccinationProblems::unknownVaccine);
    }

    private static File read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
    }

    private static void check(Vaccine vaccine) {
        String where = RESOURCE + ": vaccine " + vaccine.code();
        if (!CODE.matcher(vaccine.code()).matches()) {
            throw new IllegalStateException(where + ": the code is not lower-case words joined by hyphens");
        }
        if (!vaccine.names().keySet().equals(LANGUAGES)
                || vaccine.names().values().stream().anyMatch(String::isBlank)) {
            throw new IllegalStateException(where + ": a name is needed in fr, en and ar");
        }
        if (vaccine.doses() < 1 || vaccine.doses() > 20) {
            throw new IllegalStateException(where + ": between 1 and 20 doses");
        }
        if (vaccine.minimumIntervalDays().size() != vaccine.doses() - 1
                || vaccine.minimumIntervalDays().stream().anyMatch(days -> days < 1)) {
            throw new IllegalStateException(
                    where + ": one minimum interval (days, at least 1) per dose after the first");
        }
    }
}
