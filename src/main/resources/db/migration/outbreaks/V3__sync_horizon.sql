-- Devices pull the cases, rings and households changed since a cursor, ordered by the transaction
-- that made each change and its change number (as the registry's persons), so that a change made in
-- a transaction still running when a device pulls is never passed over.
create function next_change_xid() returns trigger language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id();
    return new;
end;
$$;

alter table outbreak_case add column change_xid xid8 not null default pg_current_xact_id();
create trigger outbreak_case_change_xid before update on outbreak_case for each row execute function next_change_xid();
create index case_sync on outbreak_case (change_xid, change_seq);

alter table ring add column change_xid xid8 not null default pg_current_xact_id();
create trigger ring_change_xid before update on ring for each row execute function next_change_xid();
create index ring_sync on ring (change_xid, change_seq);

alter table household add column change_xid xid8 not null default pg_current_xact_id();
create trigger household_change_xid before update on household for each row execute function next_change_xid();
create index household_sync on household (change_xid, change_seq);
