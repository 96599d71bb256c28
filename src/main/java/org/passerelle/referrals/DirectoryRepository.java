package org.passerelle.referrals;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.referrals.DirectoryViews.Need;
import org.passerelle.referrals.DirectoryViews.Outcomes;
import org.passerelle.referrals.DirectoryViews.PartnerService;
import org.passerelle.referrals.DirectoryViews.ServiceDetails;
import org.passerelle.referrals.DirectoryViews.ServiceKind;
import org.passerelle.referrals.DirectoryViews.ServiceSearch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The partner services, and how the referrals to each ended. */
@Repository
class DirectoryRepository {

    private static final String COLUMNS = """
            id, kind, name, organisation, address, postal_code, city, opening_hours, languages, needs,
            accepts_uncovered, accepts_minors, interpreter, phone, email, contact_name, checked_on, closed,
            source, version""";

    private static final Outcomes NONE = new Outcomes(0, 0, 0, 0, 0);

    private final JdbcClient jdbc;

    DirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a service; false when its id is there already. */
    boolean insert(UUID id, ServiceDetails details, @Nullable Source source, UUID by) {
        return jdbc.sql("""
                        insert into referrals.partner_service (id, kind, name, organisation, address, postal_code,
                               city, opening_hours, languages, needs, accepts_uncovered, accepts_minors, interpreter,
                               phone, email, contact_name, checked_on, closed, source, source_structure_id,
                               source_service_id, created_by, updated_by)
                        values (:id, :kind, :name, :organisation, :address, :postalCode, :city, :openingHours,
                                :languages, :needs, :acceptsUncovered, :acceptsMinors, :interpreter, :phone, :email,
                                :contactName, :checkedOn, :closed, :source, :structureId, :serviceId, :by, :by)
                        on conflict do nothing
                        """)
                        .params(params(details))
                        .param("id", id)
                        .param("source", source == null ? null : source.source())
                        .param("structureId", source == null ? null : source.structureId())
                        .param("serviceId", source == null ? null : source.serviceId())
                        .param("by", by)
                        .update()
                == 1;
    }

    /** Changes a service at the version read; false when it changed since. */
    boolean update(UUID id, long version, ServiceDetails details, UUID by) {
        return jdbc.sql("""
                        update referrals.partner_service
                           set kind = :kind, name = :name, organisation = :organisation, address = :address,
                               postal_code = :postalCode, city = :city, opening_hours = :openingHours,
                               languages = :languages, needs = :needs, accepts_uncovered = :acceptsUncovered,
                               accepts_minors = :acceptsMinors, interpreter = :interpreter, phone = :phone,
                               email = :email, contact_name = :contactName, checked_on = :checkedOn,
                               closed = :closed, version = version + 1, updated_at = now(), updated_by = :by,
                               change_seq = nextval('referrals.partner_service_change_seq')
                         where id = :id and version = :version and deleted_at is null
                        """)
                        .params(params(details))
                        .param("id", id)
                        .param("version", version)
                        .param("by", by)
                        .update()
                == 1;
    }

    Optional<PartnerService> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from referrals.partner_service where id = ? and deleted_at is null")
                .param(id)
                .query((row, n) -> service(row, NONE))
                .optional()
                .map(found -> withOutcomes(List.of(found)).getFirst());
    }

    /** The id of the service a source's service was imported as. */
    Optional<UUID> findBySource(String source, String serviceId) {
        return jdbc.sql("""
                        select id from referrals.partner_service
                         where source = ? and source_service_id = ? and deleted_at is null
                        """).params(source, serviceId).query(UUID.class).optional();
    }

    /** Services matching the criteria, open ones first, by name. */
    List<PartnerService> search(ServiceSearch criteria, int limit) {
        String place =
                criteria.place() == null ? null : criteria.place().strip().toLowerCase(java.util.Locale.ROOT);
        List<PartnerService> found = jdbc.sql("select " + COLUMNS + """
                         from referrals.partner_service
                        where deleted_at is null
                          and (cast(:kind as text) is null or kind = :kind)
                          and (cast(:need as text) is null or needs @> array[cast(:need as text)])
                          and (cast(:language as text) is null or languages @> array[cast(:language as text)])
                          and (cast(:place as text) is null or lower(city) like :place || '%'
                               or postal_code like :place || '%')
                          and (:includeClosed or not closed)
                        order by closed, lower(name)
                        limit :limit
                        """)
                .param("kind", criteria.kind() == null ? null : criteria.kind().name())
                .param("need", criteria.need() == null ? null : criteria.need().name())
                .param("language", criteria.language())
                .param("place", place)
                .param("includeClosed", criteria.includeClosed())
                .param("limit", limit)
                .query((row, n) -> service(row, NONE))
                .list();
        return withOutcomes(found);
    }

    /** Every service, for an export. */
    List<PartnerService> all() {
        return withOutcomes(
                jdbc.sql("select " + COLUMNS + " from referrals.partner_service where deleted_at is null order by name")
                        .query((row, n) -> service(row, NONE))
                        .list());
    }

    /** The data·inclusion ids a service was imported with, if it was. */
    Optional<Source> sourceOf(UUID id) {
        return jdbc.sql("""
                        select source, source_structure_id, source_service_id from referrals.partner_service
                         where id = ? and source is not null
                        """)
                .param(id)
                .query((row, n) -> new Source(
                        row.getString("source"),
                        row.getString("source_structure_id"),
                        row.getString("source_service_id")))
                .optional();
    }

    /** Where an imported service came from. */
    record Source(
            String source,
            @Nullable String structureId,
            @Nullable String serviceId) {}

    private List<PartnerService> withOutcomes(List<PartnerService> services) {
        if (services.isEmpty()) {
            return services;
        }
        Map<UUID, Outcomes> outcomes = new HashMap<>();
        jdbc.sql("""
                        select service_id,
                               count(*) filter (where status in ('SENT', 'ACCEPTED')) as open,
                               count(*) filter (where status = 'ATTENDED') as attended,
                               count(*) filter (where status = 'CLOSED') as closed,
                               count(*) filter (where status = 'REFUSED') as refused,
                               count(*) filter (where status = 'LOST') as lost
                          from referrals.referral
                         where service_id = any(?) and deleted_at is null
                         group by service_id
                        """)
                .param(services.stream().map(PartnerService::id).toArray(UUID[]::new))
                .query(row -> {
                    outcomes.put(
                            row.getObject("service_id", UUID.class),
                            new Outcomes(
                                    row.getInt("open"),
                                    row.getInt("attended"),
                                    row.getInt("closed"),
                                    row.getInt("refused"),
                                    row.getInt("lost")));
                });
        return services.stream()
                .map(s -> new PartnerService(
                        s.id(), s.details(), s.source(), s.version(), outcomes.getOrDefault(s.id(), NONE)))
                .toList();
    }

    private static Map<String, @Nullable Object> params(ServiceDetails d) {
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("kind", d.kind().name());
        params.put("name", d.name());
        params.put("organisation", d.organisation());
        params.put("address", d.address());
        params.put("postalCode", d.postalCode());
        params.put("city", d.city());
        params.put("openingHours", d.openingHours());
        params.put("languages", d.languages().stream().distinct().toArray(String[]::new));
        params.put("needs", d.needs().stream().distinct().map(Enum::name).toArray(String[]::new));
        params.put("acceptsUncovered", d.acceptsUncovered());
        params.put("acceptsMinors", d.acceptsMinors());
        params.put("interpreter", d.interpreter());
        params.put("phone", d.phone());
        params.put("email", d.email());
        params.put("contactName", d.contactName());
        params.put("checkedOn", d.checkedOn());
        params.put("closed", d.closed());
        return params;
    }

    private static PartnerService service(ResultSet row, Outcomes outcomes) throws SQLException {
        ServiceDetails details = new ServiceDetails(
                ServiceKind.valueOf(row.getString("kind")),
                row.getString("name"),
                row.getString("organisation"),
                row.getString("address"),
                row.getString("postal_code"),
                row.getString("city"),
                row.getString("opening_hours"),
                strings(row.getArray("languages")),
                strings(row.getArray("needs")).stream().map(Need::valueOf).toList(),
                row.getBoolean("accepts_uncovered"),
                row.getBoolean("accepts_minors"),
                row.getBoolean("interpreter"),
                row.getString("phone"),
                row.getString("email"),
                row.getString("contact_name"),
                row.getObject("checked_on", LocalDate.class),
                row.getBoolean("closed"));
        return new PartnerService(
                row.getObject("id", UUID.class), details, row.getString("source"), row.getLong("version"), outcomes);
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
