-- The sites where each person is in care: where they were registered and every site that has
-- seen them since. A user's site scope reaches a person's file through this table, and the last
-- contact tells retention when a person has not been seen for long.
create table person_site (
    person_id         uuid not null references person (id) on delete cascade,
    site_id           uuid not null,
    first_contact_on  date not null,
    last_contact_on   date not null,
    primary key (person_id, site_id),
    check (last_contact_on >= first_contact_on)
);

create index person_site_site on person_site (site_id, person_id);

insert into person_site (person_id, site_id, first_contact_on, last_contact_on)
select id, registered_site_id, created_at::date, greatest(created_at, updated_at)::date from person;

-- Break-the-glass: a carer opens, in an emergency, the whole file of a person outside their site
-- scope or compartments, for a limited time. Every grant carries its typed reason (sealed with the
-- person's key, as it may tell something of them) and stays listed until someone reviews it.
create table emergency_access (
    id                uuid primary key,
    person_id         uuid not null references person (id) on delete cascade,
    user_id           uuid not null,
    user_name         text not null,
    site_id           uuid,
    reason            bytea not null,
    granted_at        timestamptz not null,
    expires_at        timestamptz not null,
    reviewed_by       uuid,
    reviewed_by_name  text,
    reviewed_at       timestamptz,
    check (expires_at > granted_at),
    check ((reviewed_by is null) = (reviewed_at is null))
);

create index emergency_access_user on emergency_access (user_id, person_id, expires_at);
create index emergency_access_review on emergency_access (granted_at desc) where reviewed_at is null;
