package org.passerelle.outbreaks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.outbreaks.OutbreakAccess.Scope;
import org.passerelle.outbreaks.OutbreakViews.OutbreakMapPoint;
import org.passerelle.outbreaks.OutbreakViews.OutbreakMapPoints;
import org.passerelle.outbreaks.OutbreakViews.Ring;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's layers of the shared map: the cases with coordinates ({@code outbreaks-case},
 * labelled with the disease and classification, never a name; {@code alert} when confirmed) and
 * the rings ({@code outbreaks-ring}: {@code ok} once answered within 48 hours, {@code late} when
 * answered later, {@code alert} while waiting), in the reader's scope.
 */
@Service
public class OutbreakMap {

    private final OutbreakAccess access;
    private final Diseases diseases;
    private final RingRepository rings;
    private final JdbcClient jdbc;

    OutbreakMap(OutbreakAccess access, Diseases diseases, RingRepository rings, JdbcClient jdbc) {
        this.access = access;
        this.diseases = diseases;
        this.rings = rings;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public OutbreakMapPoints points(@Nullable UUID siteId) {
        Scope scope = access.requireReader(siteId);
        String language = LocaleContextHolder.getLocale().getLanguage();
        List<OutbreakMapPoint> points = new ArrayList<>(jdbc.sql("""
                        select id, disease, classification, latitude, longitude, onset_on
                          from outbreaks.outbreak_case
                         where latitude is not null and deleted_at is null and classification <> 'DISCARDED'
                           and (:all or site_id = any(:sites))
                         order by onset_on desc limit 5000
                        """)
                .param("all", scope.all())
                .param("sites", scope.sites().toArray(UUID[]::new))
                .query((rs, row) -> new OutbreakMapPoint(
                        rs.getObject(1, UUID.class).toString(),
                        "outbreaks-case",
                        rs.getDouble(4),
                        rs.getDouble(5),
                        label(rs.getString(2), language) + " · "
                                + rs.getString(3).toLowerCase(Locale.ROOT),
                        "CONFIRMED".equals(rs.getString(3)) ? "alert" : "ok",
                        rs.getObject(6, java.time.LocalDate.class)
                                .atStartOfDay(java.time.ZoneOffset.UTC)
                                .toInstant()))
                .list());
        for (Ring ring : rings.list(scope)) {
            points.add(new OutbreakMapPoint(
                    ring.id().toString(),
                    "outbreaks-ring",
                    ring.latitude(),
                    ring.longitude(),
                    ring.caseNumber() + " · " + ring.radiusMetres() + " m",
                    ring.firstVisitAt() == null ? "alert" : ring.answeredWithin48Hours() ? "ok" : "late",
                    ring.openedAt()));
        }
        return new OutbreakMapPoints(points);
    }

    private String label(String disease, String language) {
        Map<String, String> names = diseases.require(disease).names();
        return names.getOrDefault(language, names.getOrDefault("en", disease));
    }
}
