-- Each key is now wrapped with the key-encryption key of an epoch (kept in a file outside every
-- database, itself wrapped with the master key) rather than with the master key directly. Rows
-- still wrapped with a master key (epoch null) are re-wrapped with the first epoch's key at start.
alter table subject_key add column epoch integer;
alter table subject_key alter column master_key_id drop not null;
create index subject_key_epoch on subject_key (epoch);

-- Since when an erasure awaits the next rotation of the epoch keys: older copies of the vault and
-- of the data stay readable with the current keys until then. One row, null when none awaits.
create table erasure_rotation (
    id             integer primary key check (id = 1),
    pending_since  timestamptz
);
insert into erasure_rotation (id) values (1);
