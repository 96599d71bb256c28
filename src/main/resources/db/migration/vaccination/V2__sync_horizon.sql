-- Devices pull the doses, campaigns and tallies changed since a cursor, ordered by the transaction
-- that made each change and its change number (as the registry's persons), so that a change made in
-- a transaction still running when a device pulls is never passed over.
create function next_change_xid() returns trigger language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id();
    return new;
end;
$$;

alter table dose add column change_xid xid8 not null default pg_current_xact_id();
create trigger dose_change_xid before update on dose for each row execute function next_change_xid();
create index dose_sync on dose (change_xid, change_seq);

alter table campaign add column change_xid xid8 not null default pg_current_xact_id();
create trigger campaign_change_xid before update on campaign for each row execute function next_change_xid();
create index campaign_sync on campaign (change_xid, change_seq);

alter table tally add column change_xid xid8 not null default pg_current_xact_id();
create trigger tally_change_xid before update on tally for each row execute function next_change_xid();
create index tally_sync on tally (change_xid, change_seq);
