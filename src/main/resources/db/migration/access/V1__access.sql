-- Users, their roles and the sites they work at.
create table app_user (
    id             uuid primary key,
    username       text not null unique check (username ~ '^[a-z0-9._-]{3,40}$'),
    display_name   text not null check (length(display_name) between 1 and 100),
    password_hash  text not null,
    roles          text[] not null check (cardinality(roles) > 0),
    all_sites      boolean not null default false,
    enabled        boolean not null default true,
    version        bigint not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    last_login_at  timestamptz
);

create table user_site (
    user_id  uuid not null references app_user (id) on delete cascade,
    site_id  uuid not null,
    primary key (user_id, site_id)
);
