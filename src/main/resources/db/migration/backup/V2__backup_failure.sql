-- The backups that failed: when, what asked for them and a stable code saying why (the directory not
-- writable, the disk full, a file that did not read back whole), so that an administrator sees a
-- failed night on the administration screen rather than only in the server's log.
create table backup_failure (
    id         uuid primary key,
    failed_at  timestamptz not null,
    made_by    text not null check (made_by in ('SCHEDULE', 'COMMAND', 'ADMINISTRATOR', 'KEY_ROTATION')),
    code       text not null
);

create index backup_failure_failed_at on backup_failure (failed_at desc);
