package org.passerelle.care.coding;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The favourite diagnoses of each site, in the order they are listed. */
@Repository
class FavouriteRepository {

    private final JdbcClient jdbc;

    FavouriteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> codes(UUID siteId) {
        return jdbc.sql("select code from care.diagnosis_favourite where site_id = ? order by position, code")
                .param(siteId)
                .query(String.class)
                .list();
    }

    /** Adds a favourite at the end of the site's list; false when it already was one. */
    boolean add(UUID siteId, String code, UUID userId) {
        return jdbc.sql("""
                        insert into care.diagnosis_favourite (site_id, code, position, added_by)
                        select :site, :code, coalesce(max(position) + 1, 0), :user
                          from care.diagnosis_favourite where site_id = :site
                        on conflict (site_id, code) do nothing
                        """)
                        .param("site", siteId)
                        .param("code", code)
                        .param("user", userId)
                        .update()
                > 0;
    }

    /** Removes a favourite; false when it was none. */
    boolean remove(UUID siteId, String code) {
        return jdbc.sql("delete from care.diagnosis_favourite where site_id = ? and code = ?")
                        .params(siteId, code)
                        .update()
                > 0;
    }

    /** Makes these codes, in this order, the site's favourites; those kept keep when they were added. */
    void replace(UUID siteId, List<String> codes, UUID userId) {
        jdbc.sql("delete from care.diagnosis_favourite where site_id = ? and not (code = any(?))")
                .params(siteId, codes.toArray(String[]::new))
                .update();
        for (int position = 0; position < codes.size(); position++) {
            jdbc.sql("""
                            insert into care.diagnosis_favourite (site_id, code, position, added_by)
                            values (:site, :code, :position, :user)
                            on conflict (site_id, code) do update set position = excluded.position
                            """)
                    .param("site", siteId)
                    .param("code", codes.get(position))
                    .param("position", position)
                    .param("user", userId)
                    .update();
        }
    }
}
