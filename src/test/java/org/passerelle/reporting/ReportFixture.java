package org.passerelle.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.support.ApiSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Persons registered over the API and consultations written straight into the care schema, as a sync would. */
final class ReportFixture {

    private final JdbcClient jdbc;

    ReportFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String person(ApiSession session, String name, String sex, @Nullable String birthDate) {
        Map<String, Object> details = birthDate == null
                ? Map.of("chosenName", name, "sex", sex)
                : Map.of("chosenName", name, "sex", sex, "birthDate", Map.of("precision", "EXACT", "date", birthDate));
        ApiSession.Response response = session.post("/api/people", Map.of("details", details));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }

    /** A signed consultation with the discipline's own form. */
    UUID consultation(String personId, String siteId, String discipline, String day) {
        return encounter(personId, siteId, discipline, day, formOf(discipline), "{}", null, true);
    }

    UUID encounter(
            @Nullable String personId,
            String siteId,
            String discipline,
            String day,
            String formCode,
            String coded,
            @Nullable Integer attendees,
            boolean signed) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into care.encounter (id, person_id, site_id, discipline, compartment, occurred_on,
                               provider_id, provider_name, form_code, form_version, status, signed_at, coded, attendees)
                        values (:id, :person::uuid, :site::uuid, :discipline, :compartment, :day, :provider, 'Provider',
                                :form, 1, :status, case when :signed then now() end, :coded::jsonb, :attendees)
                        """)
                .param("id", id)
                .param("person", personId)
                .param("site", siteId)
                .param("discipline", discipline)
                .param(
                        "compartment",
                        discipline.equals("MENTAL_HEALTH")
                                ? "MENTAL_HEALTH"
                                : discipline.equals("LEGAL") ? "LEGAL" : "GENERAL")
                .param("day", LocalDate.parse(day))
                .param("provider", UUID.randomUUID())
                .param("form", formCode)
                .param("status", signed ? "SIGNED" : "DRAFT")
                .param("signed", signed)
                .param("coded", coded)
                .param("attendees", attendees)
                .update();
        return id;
    }

    void update(UUID encounterId, String assignment) {
        jdbc.sql("update care.encounter set " + assignment + " where id = ?")
                .param(encounterId)
                .update();
    }

    static String formOf(String discipline) {
        return switch (discipline) {
            case "MEDICAL" -> "medical-consultation";
            case "NURSING" -> "nursing-care";
            case "MENTAL_HEALTH" -> "mental-health-session";
            case "SOCIAL" -> "social-assessment";
            default -> "legal-consultation";
        };
    }

    /** The figure of an indicator in a report, in total or for one category of a disaggregation. */
    static long figure(JsonNode report, String code, String... dimensionAndCategory) {
        for (JsonNode figures : report.path("figures")) {
            if (figures.path("code").asString().equals(code)) {
                if (dimensionAndCategory.length == 0) {
                    return figures.path("total").asLong();
                }
                return figures.path("by")
                        .path(dimensionAndCategory[0])
                        .path(dimensionAndCategory[1])
                        .asLong(0);
            }
        }
        throw new AssertionError("no indicator " + code + " in " + report);
    }
}
