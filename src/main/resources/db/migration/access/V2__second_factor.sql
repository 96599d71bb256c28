-- TOTP second factor: one secret per user, encrypted by the application (AES-GCM), active once
-- confirmed with a first code. last_used_step is the 30-second time step of the last accepted
-- code, so that no code is accepted twice.
create table second_factor (
    user_id         uuid primary key references app_user (id) on delete cascade,
    secret          bytea not null,
    confirmed_at    timestamptz,
    last_used_step  bigint not null default 0,
    created_at      timestamptz not null default now()
);

-- Single-use recovery codes, replacing a TOTP code when the phone is lost; stored as a salted
-- SHA-256 hash.
create table recovery_code (
    id         bigint generated always as identity primary key,
    user_id    uuid not null references app_user (id) on delete cascade,
    salt       bytea not null,
    hash       bytea not null,
    used_at    timestamptz
);

create index recovery_code_user on recovery_code (user_id) where used_at is null;
