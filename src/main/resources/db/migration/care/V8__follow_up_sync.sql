-- Devices pull the follow-ups changed since a cursor, ordered by the transaction that made each
-- change and its change number, as consultations (see V7_1).
alter table follow_up add column change_xid xid8 not null default pg_current_xact_id();

create trigger follow_up_change_xid before update on follow_up for each row execute function next_change_xid();

create index follow_up_sync on follow_up (change_xid, change_seq);
