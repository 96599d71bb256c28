-- The audit log's integrity no longer rests on the database: each entry carries a MAC computed by
-- the application with the audit key (which the database never holds) over an unambiguous encoding
-- of its fields, and a single sealer links the committed entries after the fact, in its own short
-- transactions, into a keyed chain kept in audit_seal. Writers take no lock any more.
--
-- The SHA-256 chain of the entries written before stays in the legacy_* columns: the sealer checks
-- it once with the key at hand, then seals those entries into the new chain.
drop trigger audit_event_chain on audit_event;
drop function chain_entry();
drop function purge_expired(timestamptz, integer);
drop function expired_prefix(timestamptz);
drop function entry_content(audit_event);

alter table audit_event rename column position to legacy_position;
alter table audit_event rename column previous_hash to legacy_previous_hash;
alter table audit_event rename column hash to legacy_hash;
alter table audit_event alter column legacy_position drop not null;
alter table audit_event alter column legacy_previous_hash drop not null;
alter table audit_event alter column legacy_hash drop not null;
alter index audit_event_position rename to audit_event_legacy_position;
alter table audit_event add column mac bytea;

alter table audit_anchor rename to legacy_anchor;
alter trigger audit_anchor_append_only on legacy_anchor rename to legacy_anchor_append_only;
alter trigger audit_anchor_no_truncate on legacy_anchor rename to legacy_anchor_no_truncate;

-- The keyed chain: the entry sealed at each position, and the MAC linking it to the previous one.
create table audit_seal (
    position   bigint primary key,
    event_id   bigint not null unique,
    chain      bytea not null,
    sealed_at  timestamptz not null default clock_timestamp()
);

-- Entries committed but not sealed yet; the sealer takes them in id order.
create table audit_pending (
    event_id bigint primary key
);

-- Where retention removed the start of the chain: the last removed position, its chain value, and
-- a MAC by the audit key, without which verification rejects the anchor (and so the purge).
create table audit_anchor (
    position     bigint primary key,
    chain        bytea not null,
    removed      bigint not null check (removed > 0),
    mac          bytea not null,
    anchored_at  timestamptz not null default clock_timestamp()
);

create function queue_for_sealing() returns trigger language plpgsql
    set search_path = audit, pg_catalog as $$
begin
    insert into audit.audit_pending (event_id) values (new.id);
    return null;
end;
$$;

create trigger audit_event_pending after insert on audit_event
    for each row execute function queue_for_sealing();

insert into audit_pending (event_id) select id from audit_event;

-- Deletes of entries and seals are let through only inside purge_prefix(), for positions up to the
-- anchor it has just written.
create or replace function refuse_change() returns trigger language plpgsql
    set search_path = audit, pg_catalog as $$
declare
    purging bigint := nullif(current_setting('audit.purge_up_to', true), '')::bigint;
begin
    if tg_op = 'DELETE' and purging is not null
       and exists (select 1 from audit.audit_anchor a where a.position = purging) then
        -- nested: a condition on a field the other table lacks would fail on that table
        if tg_table_name = 'audit_seal' then
            if old.position <= purging then
                return old;
            end if;
        elsif tg_table_name = 'audit_event' then
            if exists (select 1 from audit.audit_seal s where s.event_id = old.id and s.position <= purging) then
                return old;
            end if;
        end if;
    end if;
    raise exception 'the audit log is append-only' using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_seal_append_only before update or delete on audit_seal
    for each row execute function refuse_change();
create trigger audit_seal_no_truncate before truncate on audit_seal
    for each statement execute function refuse_change();
create trigger audit_anchor_append_only before update or delete on audit_anchor
    for each row execute function refuse_change();
create trigger audit_anchor_no_truncate before truncate on audit_anchor
    for each statement execute function refuse_change();

-- The one way to remove entries, granted to the application: writes the anchor and removes the
-- sealed prefix up to it. The database cannot check the anchor's MAC (it has no key); verification
-- does, so a purge behind a forged anchor is found.
create function purge_prefix(up_to bigint, up_to_chain bytea, anchor_mac bytea) returns bigint
    language plpgsql security definer set search_path = audit, pg_catalog as $$
declare
    first_position bigint;
    removed bigint;
begin
    perform pg_advisory_xact_lock(hashtext('audit.audit_seal'));
    select min(position) into first_position from audit.audit_seal;
    if first_position is null or up_to < first_position then
        return 0;
    end if;
    if not exists (select 1 from audit.audit_seal where position = up_to and chain = up_to_chain) then
        raise exception 'no sealed entry at position % with that chain value', up_to using errcode = 'data_corrupted';
    end if;
    insert into audit.audit_anchor (position, chain, removed, mac)
    values (up_to, up_to_chain, up_to - first_position + 1, anchor_mac);
    perform set_config('audit.purge_up_to', up_to::text, true);
    delete from audit.audit_event e using audit.audit_seal s where s.event_id = e.id and s.position <= up_to;
    get diagnostics removed = row_count;
    delete from audit.audit_seal where position <= up_to;
    perform set_config('audit.purge_up_to', '', true);
    return removed;
end;
$$;
revoke all on function purge_prefix(bigint, bytea, bytea) from public;
