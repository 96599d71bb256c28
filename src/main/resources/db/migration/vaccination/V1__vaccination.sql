-- Vaccination: the doses given to persons (on their file, in routine care or in a campaign),
-- campaigns with their target population per site and age group, and the doses counted without
-- names where registration is not possible. The vaccine catalogue is data read at startup
-- (resource files), so vaccines are named here by their stable code. Every record has the
-- client's id, a version, a place in its table's change sequence and a tombstone, so that devices
-- can hold them offline.
create sequence dose_change_seq;
create sequence campaign_change_seq;
create sequence tally_change_seq;

create table campaign (
    id           uuid primary key,
    name         text not null check (length(name) between 1 and 120),
    vaccine_code text not null,
    starts_on    date not null,
    ends_on      date not null,
    version      bigint not null default 1,
    change_seq   bigint not null default nextval('campaign_change_seq'),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    created_by   uuid not null,
    updated_by   uuid not null,
    deleted_at   timestamptz,
    check (ends_on >= starts_on)
);

create index campaign_change on campaign (change_seq);

-- The people a campaign aims to reach at one of its sites in one age group.
create table campaign_target (
    campaign_id uuid not null references campaign (id),
    site_id     uuid not null,
    age_group   text not null check (age_group in ('00-04', '05-14', '15-17', '18+')),
    people      integer not null check (people between 0 and 10000000),
    primary key (campaign_id, site_id, age_group)
);

-- One dose given to one person. A person holds at most one dose of each number of each vaccine
-- (and so at most one dose N per campaign, whose vaccine is one).
create table dose (
    id            uuid primary key,
    person_id     uuid not null,
    vaccine_code  text not null,
    dose_number   smallint not null check (dose_number between 1 and 20),
    lot           text check (length(lot) <= 60),
    given_on      date not null,
    site_id       uuid not null,
    campaign_id   uuid references campaign (id),
    given_by      uuid not null,
    given_by_name text not null,
    version       bigint not null default 1,
    change_seq    bigint not null default nextval('dose_change_seq'),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    deleted_at    timestamptz
);

create unique index dose_once on dose (person_id, vaccine_code, dose_number) where deleted_at is null;
create index dose_campaign on dose (campaign_id, site_id) where campaign_id is not null and deleted_at is null;
create index dose_change on dose (change_seq);

-- Doses given without registering the persons (a crowd at a distribution point): counted by sex
-- and age group per site and day. Several tallies of one day add up.
create table tally (
    id          uuid primary key,
    campaign_id uuid not null references campaign (id),
    site_id     uuid not null,
    given_on    date not null,
    sex         text not null check (sex in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    age_group   text not null check (age_group in ('00-04', '05-14', '15-17', '18+', 'UNKNOWN')),
    people      integer not null check (people between 1 and 10000),
    recorded_by uuid not null,
    version     bigint not null default 1,
    change_seq  bigint not null default nextval('tally_change_seq'),
    created_at  timestamptz not null default now(),
    deleted_at  timestamptz
);

create index tally_campaign on tally (campaign_id, site_id) where deleted_at is null;
create index tally_change on tally (change_seq);

-- The age group of a person on a day, from their birth date whatever its precision; unknown
-- without one (or once the person is erased).
create function age_group(birth date, on_day date) returns text language sql immutable as $$
    select case when birth is null then 'unknown'
                when extract(year from age(on_day, birth)) < 5 then '00-04'
                when extract(year from age(on_day, birth)) < 15 then '05-14'
                when extract(year from age(on_day, birth)) < 18 then '15-17'
                else '18+' end
$$;

-- Facts for reporting's indicators (declared in reporting/indicators/vaccination.json).
-- One row per dose given to a registered person, with their sex and age group on the day.
create view dose_fact as
select d.site_id, d.given_on as occurred_on, d.person_id as person_key, d.vaccine_code, d.dose_number,
       d.campaign_id, coalesce(p.sex, 'UNKNOWN') as sex, age_group(p.birth_date, d.given_on) as age_group,
       1 as attendees
  from dose d
  left join people.person p on p.id = d.person_id
 where d.deleted_at is null;

-- The doses counted without names; attendees is the number of people.
create view tally_fact as
select t.site_id, t.given_on as occurred_on, c.vaccine_code, t.campaign_id, t.sex,
       case when t.age_group = 'UNKNOWN' then 'unknown' else t.age_group end as age_group,
       t.people as attendees
  from tally t
  join campaign c on c.id = t.campaign_id
 where t.deleted_at is null;
