-- The devices (phones, laptops) enrolled for offline work: one row per user enrolled on an
-- installation of the web client, so that several users of a shared team phone each have their own
-- enrolment (and, on the device, their own keys). The row holds nothing about the people served.
-- Like every record that may sync, it has a client-generated id, a version, a place in the change
-- sequence and a tombstone.
create sequence device_change_seq;

create table device (
    id               uuid primary key,
    installation_id  uuid not null,
    user_id          uuid not null,
    username         text not null,
    name             text not null check (length(name) between 1 and 80),
    all_sites        boolean not null,
    site_ids         uuid[] not null,
    token_hash       bytea not null check (length(token_hash) = 32),
    enrolled_at      timestamptz not null,
    last_contact_at  timestamptz not null,
    revoked_at       timestamptz,
    revoked_by       uuid,
    version          bigint not null default 1,
    change_seq       bigint not null default nextval('device_change_seq'),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    created_by       uuid not null,
    updated_by       uuid not null,
    deleted_at       timestamptz
);

-- one live enrolment per user on an installation; a revoked one stays, for the record
create unique index device_live_enrolment on device (installation_id, user_id)
    where revoked_at is null and deleted_at is null;

create index device_user on device (user_id);
create index device_change on device (change_seq);
