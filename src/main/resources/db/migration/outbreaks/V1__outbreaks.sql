-- Outbreaks: the line list of each disease (one case per row, linked to a person or anonymous),
-- the history of each case's classification, the population of each place (for attack rates),
-- and the case-area response around cholera cases: a ring around the case's location and the
-- anonymous households the team visits in it. The diseases themselves are data read at startup
-- (resource files), so a disease is named here by its stable code. Every record a device may
-- create carries the client's id, a version, a change number and a tombstone.
create sequence case_change_seq;
create sequence case_number_seq;
create sequence ring_change_seq;
create sequence household_change_seq;

create table outbreak_case (
    id                    uuid primary key,
    case_number           bigint not null unique default nextval('case_number_seq'),
    disease               text not null,
    site_id               uuid not null,
    outreach_location_id  uuid,
    person_id             uuid,
    sex                   text not null check (sex in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    age_years             smallint check (age_years between 0 and 120),
    age_group             text not null check (age_group in ('00-04', '05-14', '15-17', '18+', 'unknown')),
    classification        text not null check (classification in ('SUSPECTED', 'PROBABLE', 'CONFIRMED', 'DISCARDED')),
    onset_on              date not null,
    admitted_on           date,
    rapid_test            text check (rapid_test in ('POSITIVE', 'NEGATIVE', 'NOT_DONE')),
    lab_result            text check (lab_result in ('POSITIVE', 'NEGATIVE', 'PENDING', 'NOT_DONE')),
    severity              text check (length(severity) <= 40),
    outcome               text check (outcome in ('IN_CARE', 'RECOVERED', 'DIED', 'TRANSFERRED', 'LEFT')),
    outcome_on            date,
    latitude              double precision check (latitude between -90 and 90),
    longitude             double precision check (longitude between -180 and 180),
    version               bigint not null default 1,
    change_seq            bigint not null default nextval('case_change_seq'),
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    created_by            uuid not null,
    updated_by            uuid not null,
    deleted_at            timestamptz,
    check ((latitude is null) = (longitude is null)),
    check (outcome_on is null or outcome_on >= onset_on)
);

create index case_disease_site_onset on outbreak_case (disease, site_id, onset_on) where deleted_at is null;
create index case_person on outbreak_case (person_id) where person_id is not null;
create index case_change on outbreak_case (change_seq);

-- Each classification a case was given, when and by whom: the first at recording, then each change.
create table case_classification (
    case_id         uuid not null references outbreak_case (id) on delete cascade,
    classification  text not null,
    changed_at      timestamptz not null,
    changed_by      uuid not null,
    primary key (case_id, changed_at, classification)
);

-- The population living at a place (a site or one of its outreach locations), set by a
-- coordinator: the denominator of attack rates.
create table place_population (
    place_id    uuid primary key,
    site_id     uuid not null,
    population  integer not null check (population between 1 and 10000000),
    set_at      timestamptz not null,
    set_by      uuid not null
);

-- The case-area response around one case: a circle of radius_m around the case's location. The
-- response time is from the ring's opening (the case recorded) to its first household visited.
create table ring (
    id              uuid primary key,
    case_id         uuid not null unique references outbreak_case (id) on delete cascade,
    site_id         uuid not null,
    latitude        double precision not null,
    longitude       double precision not null,
    radius_m        integer not null check (radius_m between 10 and 2000),
    opened_at       timestamptz not null,
    first_visit_at  timestamptz,
    version         bigint not null default 1,
    change_seq      bigint not null default nextval('ring_change_seq'),
    deleted_at      timestamptz
);

create index ring_site on ring (site_id, opened_at);
create index ring_change on ring (change_seq);

-- A household of the ring, anonymous: a marker painted or a description, how many people live
-- there, what it received at the visit and the free residual chlorine measured then and at follow-up.
create table household (
    id                uuid primary key,
    ring_id           uuid not null references ring (id) on delete cascade,
    marker            text not null check (length(marker) between 1 and 40),
    people            integer not null check (people between 1 and 100),
    latitude          double precision check (latitude between -90 and 90),
    longitude         double precision check (longitude between -180 and 180),
    visited_at        timestamptz not null,
    water_treatment   boolean not null,
    soap              boolean not null,
    jerrycan          boolean not null,
    disinfection      boolean not null,
    health_promotion  boolean not null,
    chlorine_at_visit numeric(4, 2) check (chlorine_at_visit between 0 and 10),
    followed_up_at    timestamptz,
    chlorine_at_follow_up numeric(4, 2) check (chlorine_at_follow_up between 0 and 10),
    version           bigint not null default 1,
    change_seq        bigint not null default nextval('household_change_seq'),
    created_at        timestamptz not null,
    created_by        uuid not null,
    updated_by        uuid not null,
    deleted_at        timestamptz
);

create index household_ring on household (ring_id);
create index household_change on household (change_seq);
