-- Devices pull what changed since a cursor. A change number alone can be skipped: a transaction
-- that took number 10 may commit after one that took 11 and was already pulled. Each change also
-- keeps the transaction that made it, and a pull serves only changes of transactions older than
-- every one still running (pg_snapshot_xmin), in (transaction, number) order: once served past a
-- point, nothing new can appear before it.
alter table person add column change_xid xid8 not null default pg_current_xact_id();

create function next_change_xid() returns trigger language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id();
    return new;
end;
$$;

create trigger person_change_xid before update on person for each row execute function next_change_xid();

create index person_sync on person (change_xid, change_seq);

-- Erasures reach the devices that hold the person, in the same way.
create sequence erasure_change_seq;

alter table erasure
    add column change_seq bigint not null default nextval('erasure_change_seq'),
    add column change_xid xid8 not null default pg_current_xact_id();

create index erasure_sync on erasure (change_xid, change_seq);
