-- Retention of the audit log. Once their retention period has ended, the oldest entries are removed,
-- as a prefix of the chain only and only through purge_expired(), which first checks the links of the
-- entries it removes and keeps the position and hash of the last one as an anchor. Verification then
-- starts from the latest anchor instead of the empty hash. Removing any other entry is still refused.
create table audit_anchor (
    position     bigint primary key,
    hash         bytea not null,
    removed      bigint not null check (removed > 0),
    anchored_at  timestamptz not null default clock_timestamp()
);

create trigger audit_anchor_append_only
    before update or delete on audit_anchor
    for each row execute function refuse_change();

create trigger audit_anchor_no_truncate
    before truncate on audit_anchor
    for each statement execute function refuse_change();

-- A delete of an audit entry is let through only inside purge_expired(): the transaction-local setting
-- names the last position being removed, and an anchor for that very position must already exist.
create or replace function refuse_change() returns trigger language plpgsql
    set search_path = audit, pg_catalog as $$
declare
    purging text := current_setting('audit.purge_up_to', true);
begin
    if tg_op = 'DELETE' and tg_table_name = 'audit_event' and coalesce(purging, '') <> ''
       and old.position <= purging::bigint
       and exists (select 1 from audit.audit_anchor a where a.position = purging::bigint) then
        return old;
    end if;
    raise exception 'the audit log is append-only' using errcode = 'insufficient_privilege';
end;
$$;

-- After a purge that removed every entry, the chain goes on from the latest anchor.
create or replace function chain_entry() returns trigger language plpgsql set search_path = audit, pg_catalog as $$
declare
    last_position bigint;
    last_hash bytea;
begin
    -- One writer at a time extends the chain; the lock is held until the transaction ends, so
    -- positions follow commit order.
    perform pg_advisory_xact_lock(hashtext('audit.audit_event'));
    select position, hash into last_position, last_hash from audit.audit_event order by position desc limit 1;
    if not found then
        select position, hash into last_position, last_hash from audit.audit_anchor order by position desc limit 1;
    end if;
    new.position := coalesce(last_position, 0) + 1;
    new.previous_hash := coalesce(last_hash, '\x'::bytea);
    new.hash := sha256(new.previous_hash || audit.entry_content(new));
    return new;
end;
$$;

-- The last position of the longest prefix of the chain whose entries all occurred before the cutoff
-- (0 or less when there is none): an old entry that follows a newer one waits for it.
create function expired_prefix(cutoff timestamptz) returns bigint language sql stable
    set search_path = audit, pg_catalog as $$
    select coalesce((select min(position) - 1 from audit.audit_event where occurred_at >= cutoff),
                    (select max(position) from audit.audit_event),
                    0)
$$;

-- Removes at most batch_size entries of the expired prefix and returns how many were removed.
-- Refuses, removing nothing, when a link of those entries is broken: the evidence stays.
create function purge_expired(cutoff timestamptz, batch_size integer) returns bigint language plpgsql
    set search_path = audit, pg_catalog as $$
declare
    e audit.audit_event;
    first_position bigint;
    last_position bigint;
    previous bytea;
    expected bigint;
    removed bigint;
begin
    -- Writers extend the chain under this lock: nothing is appended while its start moves.
    perform pg_advisory_xact_lock(hashtext('audit.audit_event'));
    select min(position) into first_position from audit.audit_event;
    if first_position is null then
        return 0;
    end if;
    last_position := least(audit.expired_prefix(cutoff), first_position + batch_size - 1);
    if last_position < first_position then
        return 0;
    end if;
    select a.position + 1, a.hash into expected, previous from audit.audit_anchor a order by a.position desc limit 1;
    expected := coalesce(expected, 1);
    previous := coalesce(previous, '\x'::bytea);
    for e in select * from audit.audit_event where position <= last_position order by position loop
        if e.position <> expected or e.previous_hash <> previous
           or e.hash <> sha256(previous || audit.entry_content(e)) then
            raise exception 'the audit chain is broken at position %: nothing was removed', e.position
                using errcode = 'data_corrupted';
        end if;
        previous := e.hash;
        expected := e.position + 1;
    end loop;
    insert into audit.audit_anchor (position, hash, removed)
    values (last_position, previous, last_position - first_position + 1);
    perform set_config('audit.purge_up_to', last_position::text, true);
    delete from audit.audit_event where position <= last_position;
    get diagnostics removed = row_count;
    perform set_config('audit.purge_up_to', '', true);
    return removed;
end;
$$;
