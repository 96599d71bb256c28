-- Tamper evidence: each entry carries the SHA-256 of its content and of the previous entry's hash,
-- in the order the entries were committed. Changing or removing an entry breaks the chain from
-- there on; AuditChain.verify() finds the first broken link.
alter table audit_event add column position bigint;
alter table audit_event add column previous_hash bytea;
alter table audit_event add column hash bytea;

create function entry_content(e audit_event) returns bytea language sql immutable
    set search_path = audit, pg_catalog as $$
    select convert_to(concat_ws('|', e.position, e.id,
        (extract(epoch from e.occurred_at) * 1000000)::bigint, e.actor_id, e.actor_name, e.action,
        e.record_type, e.record_id, e.site_id, e.outcome), 'UTF8')
$$;

create function chain_entry() returns trigger language plpgsql set search_path = audit, pg_catalog as $$
declare
    last audit_event;
begin
    -- One writer at a time extends the chain; the lock is held until the transaction ends, so
    -- positions follow commit order.
    perform pg_advisory_xact_lock(hashtext('audit.audit_event'));
    select * into last from audit.audit_event order by position desc limit 1;
    new.position := coalesce(last.position, 0) + 1;
    new.previous_hash := coalesce(last.hash, '\x'::bytea);
    new.hash := sha256(new.previous_hash || audit.entry_content(new));
    return new;
end;
$$;

-- Entries written before the chain existed are chained now, in id order.
do $$
declare
    e audit_event;
    previous bytea := '\x'::bytea;
    n bigint := 0;
begin
    alter table audit.audit_event disable trigger audit_event_append_only;
    for e in select * from audit.audit_event order by id loop
        n := n + 1;
        e.position := n;
        e.previous_hash := previous;
        e.hash := sha256(previous || audit.entry_content(e));
        update audit.audit_event set position = e.position, previous_hash = e.previous_hash, hash = e.hash
         where id = e.id;
        previous := e.hash;
    end loop;
    alter table audit.audit_event enable trigger audit_event_append_only;
end;
$$;

alter table audit_event alter column position set not null;
alter table audit_event alter column previous_hash set not null;
alter table audit_event alter column hash set not null;
create unique index audit_event_position on audit_event (position);

create trigger audit_event_chain before insert on audit_event for each row execute function chain_entry();
