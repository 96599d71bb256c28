-- Offline synchronisation: the mutations devices pushed (so that a batch sent twice is applied
-- once) and the conflicts a person has to resolve. Neither holds personal data in clear: results
-- name records by id, and the values of a conflict are sealed with the person's own key, so that
-- an erasure leaves them unreadable in every copy.

create table mutation (
    mutation_id   uuid primary key,
    content_hash  bytea not null,
    device_id     uuid,
    user_id       uuid not null,
    site_id       uuid not null,
    record_type   text not null,
    record_id     uuid not null,
    device_time   timestamptz not null,
    received_at   timestamptz not null,
    outcome       text not null check (outcome in ('APPLIED', 'MERGED', 'CONFLICT')),
    result        jsonb not null
);

create index mutation_record on mutation (record_id);

create table conflict (
    id            uuid primary key,
    record_type   text not null,
    record_id     uuid not null,
    subject_id    uuid not null,
    field         text not null,
    base_value    bytea not null,
    server_value  bytea not null,
    device_value  bytea not null,
    mutation_id   uuid not null,
    device_id     uuid,
    user_id       uuid not null,
    user_name     text not null,
    site_id       uuid not null,
    device_time   timestamptz not null,
    received_at   timestamptz not null,
    status        text not null default 'OPEN' check (status in ('OPEN', 'RESOLVED')),
    kept          text check (kept in ('SERVER', 'DEVICE')),
    resolved_by   uuid,
    resolved_at   timestamptz,
    check ((status = 'OPEN') = (resolved_at is null)),
    check ((resolved_at is null) = (kept is null) and (kept is null) = (resolved_by is null))
);

create index conflict_open on conflict (site_id, received_at) where status = 'OPEN';
create index conflict_subject on conflict (subject_id);
