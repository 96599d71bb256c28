package org.passerelle.sites;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.passerelle.sites.SiteViews.LocationCoordinates;
import org.passerelle.sites.SiteViews.NewOutreachLocation;
import org.passerelle.sites.SiteViews.NewProgramme;
import org.passerelle.sites.SiteViews.NewSite;
import org.passerelle.sites.SiteViews.OutreachLocation;
import org.passerelle.sites.SiteViews.Programme;
import org.passerelle.sites.SiteViews.Site;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's programmes, sites and outreach locations. */
@Service
@Transactional(readOnly = true)
public class SiteDirectory {

    private static final String SITE_SELECT = """
            select s.id, s.programme_id, p.name as programme_name, s.name, s.kind, s.city, s.phone, s.active
              from sites.site s join sites.programme p on p.id = s.programme_id
            """;

    private static final String LOCATION_SELECT =
            "select id, site_id, name, description, latitude, longitude from sites.outreach_location";

    private final JdbcClient jdbc;

    SiteDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organisation's name, or none before it is set up. */
    public Optional<String> organisationName() {
        return jdbc.sql("select name from sites.organisation order by created_at limit 1")
                .query(String.class)
                .optional();
    }

    public List<Programme> programmes() {
        return jdbc.sql("select id, code, name, active from sites.programme order by name")
                .query(Programme.class)
                .list();
    }

    public List<Site> sites() {
        return jdbc.sql(SITE_SELECT + " order by p.name, s.name")
                .query(Site.class)
                .list();
    }

    /** The sites with these ids, in name order; unknown ids are ignored. */
    public List<Site> sites(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SITE_SELECT + " where s.id = any(?) order by p.name, s.name")
                .param(ids.toArray(UUID[]::new))
                .query(Site.class)
                .list();
    }

    public Optional<Site> site(UUID id) {
        return jdbc.sql(SITE_SELECT + " where s.id = ?")
                .param(id)
                .query(Site.class)
                .optional();
    }

    public boolean exists(UUID siteId) {
        return jdbc.sql("select exists(select 1 from sites.site where id = ?)")
                .param(siteId)
                .query(Boolean.class)
                .single();
    }

    @Transactional
    public Programme createProgramme(NewProgramme command) {
        UUID id = Objects.requireNonNullElseGet(command.id(), Ids::newId);
        try {
            jdbc.sql("insert into sites.programme (id, code, name) values (?, ?, ?)")
                    .params(id, command.code(), command.name().strip())
                    .update();
        } catch (DuplicateKeyException e) {
            throw SiteProblems.programmeExists();
        }
        return new Programme(id, command.code(), command.name().strip(), true);
    }

    @Transactional
    public Site createSite(NewSite command) {
        UUID id = Objects.requireNonNullElseGet(command.id(), Ids::newId);
        boolean programmeExists = jdbc.sql("select exists(select 1 from sites.programme where id = ?)")
                .param(command.programmeId())
                .query(Boolean.class)
                .single();
        if (!programmeExists) {
            throw DomainException.notFound("programme");
        }
        try {
            jdbc.sql("""
                    insert into sites.site (id, programme_id, name, kind, city, phone)
                    values (:id, :programme, :name, :kind, :city, :phone)
                    """)
                    .param("id", id)
                    .param("programme", command.programmeId())
                    .param("name", command.name().strip())
                    .param("kind", command.kind().name())
                    .param("city", command.city())
                    .param("phone", command.phone())
                    .update();
        } catch (DuplicateKeyException e) {
            throw SiteProblems.siteExists();
        }
        return site(id).orElseThrow();
    }

    public List<OutreachLocation> outreachLocations(UUID siteId) {
        return jdbc.sql(LOCATION_SELECT + " where site_id = ? and active order by name")
                .param(siteId)
                .query(OutreachLocation.class)
                .list();
    }

    /** The active outreach locations of these sites, in name order. */
    public List<OutreachLocation> outreachLocations(Collection<UUID> siteIds) {
        return jdbc.sql(LOCATION_SELECT + " where site_id = any(?) and active order by name")
                .param(siteIds.toArray(UUID[]::new))
                .query(OutreachLocation.class)
                .list();
    }

    /** Every active outreach location, in name order. */
    public List<OutreachLocation> allOutreachLocations() {
        return jdbc.sql(LOCATION_SELECT + " where active order by name")
                .query(OutreachLocation.class)
                .list();
    }

    public Optional<OutreachLocation> outreachLocation(UUID id) {
        return jdbc.sql(LOCATION_SELECT + " where id = ?")
                .param(id)
                .query(OutreachLocation.class)
                .optional();
    }

    /** Places an outreach location on the map, or takes it off when both coordinates are empty. */
    @Transactional
    public OutreachLocation placeOutreachLocation(UUID siteId, UUID locationId, LocationCoordinates at) {
        requireBothOrNeither(at.latitude(), at.longitude());
        int changed = jdbc.sql(
                        "update sites.outreach_location set latitude = ?, longitude = ? where id = ? and site_id = ?")
                .param(1, at.latitude())
                .param(2, at.longitude())
                .param(3, locationId)
                .param(4, siteId)
                .update();
        if (changed == 0) {
            throw DomainException.notFound("outreach-location");
        }
        return outreachLocation(locationId).orElseThrow();
    }

    private static void requireBothOrNeither(@Nullable Double latitude, @Nullable Double longitude) {
        if ((latitude == null) != (longitude == null)) {
            throw SiteProblems.coordinatesIncomplete();
        }
    }

    @Transactional
    public OutreachLocation addOutreachLocation(UUID siteId, NewOutreachLocation command) {
        Site site = site(siteId).orElseThrow(() -> DomainException.notFound("site"));
        if (site.kind() != SiteKind.MOBILE_TEAM) {
            throw SiteProblems.outreachNeedsMobileTeam();
        }
        requireBothOrNeither(command.latitude(), command.longitude());
        UUID id = Objects.requireNonNullElseGet(command.id(), Ids::newId);
        try {
            jdbc.sql("""
                    insert into sites.outreach_location (id, site_id, name, description, latitude, longitude)
                    values (?, ?, ?, ?, ?, ?)
                    """)
                    .param(1, id)
                    .param(2, siteId)
                    .param(3, command.name().strip())
                    .param(4, command.description())
                    .param(5, command.latitude())
                    .param(6, command.longitude())
                    .update();
        } catch (DuplicateKeyException e) {
            throw SiteProblems.outreachLocationExists();
        }
        return outreachLocation(id).orElseThrow();
    }
}
