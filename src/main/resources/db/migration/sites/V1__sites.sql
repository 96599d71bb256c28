-- Organisation, programmes, sites and the outreach locations mobile teams visit.
create table organisation (
    id          uuid primary key,
    name        text not null check (length(name) between 1 and 200),
    created_at  timestamptz not null default now()
);

create table programme (
    id          uuid primary key,
    code        text not null unique check (code ~ '^[A-Z0-9-]{2,20}$'),
    name        text not null check (length(name) between 1 and 200),
    active      boolean not null default true,
    version     bigint not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create table site (
    id            uuid primary key,
    programme_id  uuid not null references programme (id),
    name          text not null check (length(name) between 1 and 200),
    kind          text not null check (kind in ('FIXED', 'SHELTER', 'MOBILE_TEAM')),
    city          text,
    phone         text,
    active        boolean not null default true,
    version       bigint not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique (programme_id, name)
);

create table outreach_location (
    id          uuid primary key,
    site_id     uuid not null references site (id),
    name        text not null check (length(name) between 1 and 200),
    description text,
    active      boolean not null default true,
    created_at  timestamptz not null default now(),
    unique (site_id, name)
);
