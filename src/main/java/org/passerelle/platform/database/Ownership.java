package org.passerelle.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Hands over to the owner role, on the embedded server, what the superuser owns in the modules'
 * schemas: the schemas, their tables, views and free-standing sequences (a column's sequence follows
 * its table), their functions and their types. Data directories made before the owner role existed
 * had their migrations run as the superuser; afterwards nothing is left to hand over and this finds
 * nothing. Run as the superuser, in each database.
 */
final class Ownership {

    private static final String HAND_OVER = """
            do $$
            declare
                owner constant text := '%s';
                item record;
            begin
                for item in
                    select n.nspname from pg_namespace n join pg_roles r on r.oid = n.nspowner
                     where r.rolsuper and n.nspname not like 'pg\\_%%' and n.nspname not in ('information_schema', 'public')
                loop
                    execute format('alter schema %%I owner to %%I', item.nspname, owner);
                end loop;
                for item in
                    select c.oid::regclass as name, c.relkind from pg_class c
                      join pg_namespace n on n.oid = c.relnamespace join pg_roles r on r.oid = c.relowner
                     where r.rolsuper and n.nspname not like 'pg\\_%%' and n.nspname not in ('information_schema', 'public')
                       and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                       and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                          and d.objid = c.oid
                                          and (d.deptype = 'e' or (c.relkind = 'S' and d.deptype in ('a', 'i'))))
                loop
                    execute format('alter %%s %%s owner to %%I',
                        case item.relkind when 'v' then 'view' when 'm' then 'materialized view'
                            when 'S' then 'sequence' when 'f' then 'foreign table' else 'table' end,
                        item.name, owner);
                end loop;
                for item in
                    select p.oid::regprocedure as name, p.prokind from pg_proc p
                      join pg_namespace n on n.oid = p.pronamespace join pg_roles r on r.oid = p.proowner
                     where r.rolsuper and n.nspname not like 'pg\\_%%' and n.nspname not in ('information_schema', 'public')
                       and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                                          and d.objid = p.oid and d.deptype = 'e')
                loop
                    execute format('alter %%s %%s owner to %%I',
                        case item.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end,
                        item.name, owner);
                end loop;
                for item in
                    select t.oid::regtype as name, t.typtype from pg_type t
                      join pg_namespace n on n.oid = t.typnamespace join pg_roles r on r.oid = t.typowner
                     where r.rolsuper and n.nspname not like 'pg\\_%%' and n.nspname not in ('information_schema', 'public')
                       and (t.typtype in ('e', 'd', 'r')
                            or (t.typtype = 'c' and (select relkind from pg_class where oid = t.typrelid) = 'c'))
                       and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass
                                          and d.objid = t.oid and d.deptype = 'e')
                loop
                    execute format('alter %%s %%s owner to %%I',
                        case item.typtype when 'd' then 'domain' else 'type' end, item.name, owner);
                end loop;
            end;
            $$
            """;

    private Ownership() {}

    /** Gives {@code owner} everything a superuser owns in the non-system schemas of the connected database. */
    static void handOver(Connection superuser, String owner) throws SQLException {
        if (!owner.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unexpected role name " + owner);
        }
        try (Statement statement = superuser.createStatement()) {
            statement.execute(HAND_OVER.formatted(owner));
        }
    }
}
