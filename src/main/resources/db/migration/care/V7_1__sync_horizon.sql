-- Devices pull the consultations changed since a cursor, ordered by the transaction that made each
-- change and its change number (see people's sync horizon migration for why the number alone is not enough).
alter table encounter add column change_xid xid8 not null default pg_current_xact_id();

create function next_change_xid() returns trigger language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id();
    return new;
end;
$$;

create trigger encounter_change_xid before update on encounter for each row execute function next_change_xid();

create index encounter_sync on encounter (change_xid, change_seq);
