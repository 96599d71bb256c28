-- Devices pull the rooms, beds, outages, emergency openings and stays changed since a cursor,
-- ordered by the transaction that made each change and its change number (as the registry's
-- persons), so that a change made in a transaction still running when a device pulls is never
-- passed over. Placements and attendance reach the devices with their stay, which every transfer,
-- mark and discharge changes.
create function next_change_xid() returns trigger language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id();
    return new;
end;
$$;

alter table room add column change_xid xid8 not null default pg_current_xact_id();
create trigger room_change_xid before update on room for each row execute function next_change_xid();
create index room_sync on room (change_xid, change_seq);

alter table bed add column change_xid xid8 not null default pg_current_xact_id();
create trigger bed_change_xid before update on bed for each row execute function next_change_xid();
create index bed_sync on bed (change_xid, change_seq);

alter table bed_outage add column change_xid xid8 not null default pg_current_xact_id();
create trigger bed_outage_change_xid before update on bed_outage for each row execute function next_change_xid();
create index bed_outage_sync on bed_outage (change_xid, change_seq);

alter table emergency_opening add column change_xid xid8 not null default pg_current_xact_id();
create trigger emergency_opening_change_xid before update on emergency_opening for each row execute function next_change_xid();
create index emergency_opening_sync on emergency_opening (change_xid, change_seq);

alter table stay add column change_xid xid8 not null default pg_current_xact_id();
create trigger stay_change_xid before update on stay for each row execute function next_change_xid();
create index stay_sync on stay (change_xid, change_seq);
