-- Each data subject's key, wrapped with a master key. Kept apart from the data (in its own
-- database when Passerelle runs its embedded server), so that deleting a key here makes that
-- person's data unreadable in every dump and backup of the data.
create table subject_key (
    subject_id     uuid primary key,
    master_key_id  text not null,
    wrapped_key    bytea not null,
    created_at     timestamptz not null default now()
);
