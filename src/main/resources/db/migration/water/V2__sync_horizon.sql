-- Devices pull the water points and readings changed since a cursor, ordered by the transaction
-- that made each change and its change number (as the registry's persons), so that a change made in
-- a transaction still running when a device pulls is never passed over.
create function next_change_xid() returns trigger language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id();
    return new;
end;
$$;

alter table point add column change_xid xid8 not null default pg_current_xact_id();
create trigger point_change_xid before update on point for each row execute function next_change_xid();
create index point_sync on point (change_xid, change_seq);

alter table reading add column change_xid xid8 not null default pg_current_xact_id();
create trigger reading_change_xid before update on reading for each row execute function next_change_xid();
create index reading_sync on reading (change_xid, change_seq);
