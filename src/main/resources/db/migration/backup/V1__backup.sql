-- The backups made by this installation: when, where, how big, under which key epoch, and whether
-- the file was read back whole after it was written. The files themselves live outside the database.
create table backup_run (
    id           uuid primary key,
    file_name    text not null,
    created_at   timestamptz not null,
    size_bytes   bigint not null,
    epoch        integer not null,
    millis       bigint not null,
    verified     boolean not null,
    made_by      text not null check (made_by in ('SCHEDULE', 'COMMAND', 'ADMINISTRATOR', 'KEY_ROTATION'))
);

create index backup_run_created_at on backup_run (created_at desc);

-- When the recovery sheet (which secrets to keep where) was printed: once, at the first start.
create table recovery_sheet (
    id        integer primary key check (id = 1),
    shown_at  timestamptz not null
);
