package org.passerelle.reporting;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.reporting.Dhis2Views.DataElementRow;
import org.passerelle.reporting.Dhis2Views.Mapping;
import org.passerelle.reporting.Dhis2Views.OrgUnitRow;
import org.passerelle.reporting.Dhis2Views.ServerChange;
import org.passerelle.reporting.Dhis2Views.ServerSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The DHIS2 mapping and server settings in the reporting schema. */
@Repository
class Dhis2Settings {

    /** The server as the push needs it, password opened. */
    record Server(
            String baseUrl,
            String username,
            @Nullable String password,
            @Nullable String dataSet) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Dhis2Secrets secrets;

    Dhis2Settings(JdbcClient jdbc, JsonMapper json, Dhis2Secrets secrets) {
        this.jdbc = jdbc;
        this.json = json;
        this.secrets = secrets;
    }

    Mapping mapping() {
        List<DataElementRow> elements =
                jdbc.sql("""
                        select indicator, disaggregation, category, data_element, category_option_combo, category_option
                          from reporting.dhis2_data_element order by indicator, disaggregation <> 'TOTAL', disaggregation, category
                        """).query(DataElementRow.class).list();
        List<OrgUnitRow> units = jdbc.sql("select site_id, org_unit from reporting.dhis2_org_unit order by org_unit")
                .query(OrgUnitRow.class)
                .list();
        return new Mapping(elements, units);
    }

    void replaceMapping(Mapping mapping) {
        jdbc.sql("delete from reporting.dhis2_data_element").update();
        jdbc.sql("delete from reporting.dhis2_org_unit").update();
        for (DataElementRow row : mapping.dataElements()) {
            jdbc.sql("""
                            insert into reporting.dhis2_data_element
                                   (indicator, disaggregation, category, data_element, category_option_combo, category_option)
                            values (:indicator, :disaggregation, :category, :element, :combo, :option)
                            """)
                    .param("indicator", row.indicator())
                    .param("disaggregation", row.disaggregation())
                    .param("category", row.category())
                    .param("element", row.dataElement())
                    .param("combo", row.categoryOptionCombo())
                    .param("option", row.categoryOption())
                    .update();
        }
        for (OrgUnitRow row : mapping.orgUnits()) {
            jdbc.sql("insert into reporting.dhis2_org_unit (site_id, org_unit) values (?, ?)")
                    .params(row.siteId(), row.orgUnit())
                    .update();
        }
    }

    Optional<ServerSettings> settings() {
        return jdbc.sql("select base_url, username, password is not null as password_set, data_set,"
                        + " adx_categories::text as adx from reporting.dhis2_server where id = 1")
                .query((rs, n) -> new ServerSettings(
                        rs.getString("base_url"),
                        rs.getString("username"),
                        rs.getBoolean("password_set"),
                        rs.getString("data_set"),
                        categories(rs.getString("adx"))))
                .optional();
    }

    Optional<Server> server() {
        return jdbc.sql("select base_url, username, password, data_set from reporting.dhis2_server where id = 1")
                .query((rs, n) -> {
                    byte[] sealed = rs.getBytes("password");
                    return new Server(
                            rs.getString("base_url"),
                            rs.getString("username"),
                            sealed == null ? null : secrets.open(sealed),
                            rs.getString("data_set"));
                })
                .optional();
    }

    void save(ServerChange change, UUID by) {
        String password = change.password();
        byte[] sealed = password == null || password.isEmpty() ? null : secrets.seal(password);
        String categories = json.writeValueAsString(change.adxCategories() == null ? Map.of() : change.adxCategories());
        jdbc.sql("""
                        insert into reporting.dhis2_server (id, base_url, username, password, data_set, adx_categories, updated_by)
                        values (1, :url, :username, :password, :dataSet, :categories::jsonb, :by)
                        on conflict (id) do update
                           set base_url = excluded.base_url, username = excluded.username,
                               password = coalesce(excluded.password, reporting.dhis2_server.password),
                               data_set = excluded.data_set, adx_categories = excluded.adx_categories,
                               updated_at = now(), updated_by = excluded.updated_by
                        """)
                .param("url", change.baseUrl().replaceAll("/+$", ""))
                .param("username", change.username())
                .param("password", sealed)
                .param("dataSet", change.dataSet())
                .param("categories", categories)
                .param("by", by)
                .update();
    }

    private Map<String, String> categories(@Nullable String text) {
        return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, String>>() {});
    }
}
