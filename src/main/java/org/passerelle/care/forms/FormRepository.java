package org.passerelle.care.forms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FormRepository {

    private static final String SELECT = """
            select code, version, status, built_in, definition::text as definition, created_at, published_at
              from care.form_definition
            """;

    private final JdbcClient jdbc;
    private final FormJson json;

    FormRepository(JdbcClient jdbc, FormJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<FormVersion> find(String code, int version) {
        return jdbc.sql(SELECT + " where code = ? and version = ?")
                .params(code, version)
                .query(this::map)
                .optional();
    }

    Optional<FormVersion> published(String code) {
        return jdbc.sql(SELECT + " where code = ? and status = 'PUBLISHED'")
                .param(code)
                .query(this::map)
                .optional();
    }

    Optional<FormVersion> draft(String code) {
        return jdbc.sql(SELECT + " where code = ? and status = 'DRAFT' order by version desc limit 1")
                .param(code)
                .query(this::map)
                .optional();
    }

    List<FormVersion> allPublished() {
        return jdbc.sql(SELECT + " where status = 'PUBLISHED' order by code")
                .query(this::map)
                .list();
    }

    /** The newest version of every form, and its published one when that is older. */
    List<FormVersion> latestAndPublished() {
        return jdbc.sql(SELECT + """
                 where status = 'PUBLISHED'
                    or (code, version) in (select code, max(version) from care.form_definition group by code)
                 order by code, version
                """).query(this::map).list();
    }

    List<FormVersion> versions(String code) {
        return jdbc.sql(SELECT + " where code = ? order by version")
                .param(code)
                .query(this::map)
                .list();
    }

    int latestVersion(String code) {
        return jdbc.sql("select coalesce(max(version), 0) from care.form_definition where code = ?")
                .param(code)
                .query(Integer.class)
                .single();
    }

    /** The newest version shipped with Passerelle, if any. */
    Optional<FormVersion> latestBuiltIn(String code) {
        return jdbc.sql(SELECT + " where code = ? and built_in order by version desc limit 1")
                .param(code)
                .query(this::map)
                .optional();
    }

    void insert(FormDefinition definition, int version, FormStatus status, boolean builtIn, @Nullable UUID by) {
        jdbc.sql("""
                insert into care.form_definition (code, version, discipline, compartment, subject, definition, status,
                    built_in, created_by, published_at)
                values (:code, :version, :discipline, :compartment, :subject, :definition::jsonb, :status, :builtIn,
                    :by, case when :status = 'PUBLISHED' then now() end)
                """)
                .param("code", definition.code())
                .param("version", version)
                .param("discipline", definition.discipline().name())
                .param("compartment", definition.compartment().name())
                .param("subject", definition.subject().name())
                .param("definition", json.write(definition))
                .param("status", status.name())
                .param("builtIn", builtIn)
                .param("by", by)
                .update();
    }

    /** Replaces a draft's definition; false when it is no longer a draft. */
    boolean replaceDraft(FormDefinition definition, int version) {
        return jdbc.sql("""
                        update care.form_definition
                           set definition = :definition::jsonb, discipline = :discipline, compartment = :compartment,
                               subject = :subject
                         where code = :code and version = :version and status = 'DRAFT'
                        """)
                        .param("definition", json.write(definition))
                        .param("discipline", definition.discipline().name())
                        .param("compartment", definition.compartment().name())
                        .param("subject", definition.subject().name())
                        .param("code", definition.code())
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Publishes a version, retiring the one published before; false when it was not a draft. */
    boolean publish(String code, int version) {
        jdbc.sql("update care.form_definition set status = 'RETIRED' where code = ? and status = 'PUBLISHED'")
                .param(code)
                .update();
        return jdbc.sql("""
                        update care.form_definition set status = 'PUBLISHED', published_at = now()
                         where code = ? and version = ? and status in ('DRAFT', 'RETIRED')
                        """).params(code, version).update() == 1;
    }

    boolean deleteDraft(String code, int version) {
        return jdbc.sql("delete from care.form_definition where code = ? and version = ? and status = 'DRAFT'")
                        .params(code, version)
                        .update()
                == 1;
    }

    /** Whether any consultation was recorded with this version. */
    boolean used(String code, int version) {
        return jdbc.sql("select exists(select 1 from care.encounter where form_code = ? and form_version = ?)")
                .params(code, version)
                .query(Boolean.class)
                .single();
    }

    private FormVersion map(ResultSet rs, int row) throws SQLException {
        return new FormVersion(
                rs.getString("code"),
                rs.getInt("version"),
                FormStatus.valueOf(rs.getString("status")),
                rs.getBoolean("built_in"),
                json.read(rs.getString("definition")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("published_at") == null
                        ? null
                        : rs.getTimestamp("published_at").toInstant());
    }
}
