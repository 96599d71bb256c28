-- How long each type of record is kept: one rule per record type, changed by administrators. A record
-- type without a rule here (a module added later) is kept for the default its module declares.
create table retention_rule (
    id           uuid primary key,
    record_type  text not null unique check (record_type ~ '^[a-z][a-z0-9-]{0,39}$'),
    months       integer not null check (months between 1 and 600),
    enabled      boolean not null default true,
    version      bigint not null default 0,
    updated_at   timestamptz not null default now(),
    updated_by   uuid
);

insert into retention_rule (id, record_type, months) values
    (gen_random_uuid(), 'person', 120),  -- persons nobody has seen for ten years
    (gen_random_uuid(), 'erasure', 60),  -- the erasure log, five years
    (gen_random_uuid(), 'audit', 72);    -- the audit log, six years
