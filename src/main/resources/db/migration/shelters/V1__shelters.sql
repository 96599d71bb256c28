-- Shelters: the rooms and beds of a shelter site, beds out of service, emergency capacity opened for
-- a run of nights, stays with the beds they hold night after night, attendance, and the waiting list
-- ranked by a priority rule of weighted criteria. A night is named by the day it begins: the night of
-- 7 December runs from the evening of the 7th to the morning of the 8th. Runs of nights are date
-- ranges [first night, day after the last night), an open end meaning "until further notice".
create extension if not exists btree_gist with schema shelters;

create sequence room_change_seq;
create sequence bed_change_seq;
create sequence outage_change_seq;
create sequence opening_change_seq;
create sequence stay_change_seq;
create sequence placement_change_seq;
create sequence night_change_seq;
create sequence request_change_seq;
create sequence offer_change_seq;
create sequence rule_change_seq;

create table room (
    id           uuid primary key,
    site_id      uuid not null,
    name         text not null check (length(name) between 1 and 80),
    girls_only   boolean not null default false,
    minors_only  boolean not null default false,
    adults_only  boolean not null default false,
    families     boolean not null default false,
    accessible   boolean not null default false,
    version      bigint not null default 1,
    change_seq   bigint not null default nextval('room_change_seq'),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    created_by   uuid not null,
    updated_by   uuid not null,
    deleted_at   timestamptz,
    check (not (minors_only and adults_only))
);

create unique index room_name_at_site on room (site_id, lower(name)) where deleted_at is null;
create index room_change on room (change_seq);

-- A bed. An emergency bed (a camp bed in the hall) counts only on the nights an emergency opening of
-- its site covers.
create table bed (
    id           uuid primary key,
    room_id      uuid not null references room (id),
    site_id      uuid not null,
    label        text not null check (length(label) between 1 and 40),
    emergency    boolean not null default false,
    in_service_from date not null,
    version      bigint not null default 1,
    change_seq   bigint not null default nextval('bed_change_seq'),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    created_by   uuid not null,
    updated_by   uuid not null,
    deleted_at   timestamptz
);

create unique index bed_label_in_room on bed (room_id, lower(label)) where deleted_at is null;
create index bed_site on bed (site_id);
create index bed_change on bed (change_seq);

-- A bed out of service for a run of nights, with its reason; never two at once for a bed.
create table bed_outage (
    id           uuid primary key,
    bed_id       uuid not null references bed (id),
    site_id      uuid not null,
    nights       daterange not null check (not isempty(nights) and lower(nights) is not null),
    reason       text not null check (reason in ('BROKEN', 'CLEANING', 'PESTS', 'SAFETY', 'OTHER')),
    version      bigint not null default 1,
    change_seq   bigint not null default nextval('outage_change_seq'),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    created_by   uuid not null,
    updated_by   uuid not null,
    deleted_at   timestamptz,
    constraint one_outage_per_bed_per_night exclude using gist (bed_id with =, nights with &&) where (deleted_at is null)
);

create index bed_outage_change on bed_outage (change_seq);

-- Emergency capacity (plan grand froid): the site's emergency beds count on these nights. Kept when
-- closed, so the capacity of any past night is known.
create table emergency_opening (
    id           uuid primary key,
    site_id      uuid not null,
    nights       daterange not null check (not isempty(nights) and lower(nights) is not null),
    reason       text not null check (reason in ('COLD_WEATHER', 'HEAT_WAVE', 'STORM', 'INFLUX', 'OTHER')),
    version      bigint not null default 1,
    change_seq   bigint not null default nextval('opening_change_seq'),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    created_by   uuid not null,
    updated_by   uuid not null,
    deleted_at   timestamptz,
    constraint one_opening_per_site_per_night exclude using gist (site_id with =, nights with &&) where (deleted_at is null)
);

create index emergency_opening_change on emergency_opening (change_seq);

-- A stay of one person at a shelter. Sex, age group and minority are those at admission, kept so
-- that figures stay right after an erasure, which empties person_id and gives person_key a random
-- value. A family's stays share a household_id.
create table stay (
    id             uuid primary key,
    site_id        uuid not null,
    person_id      uuid,
    person_key     uuid not null,
    household_id   uuid,
    sex            text not null check (sex in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    age_group      text not null check (age_group in ('00-04', '05-14', '15-17', '18+', 'unknown')),
    minor          boolean not null,
    mode           text not null check (mode in ('STAY', 'NIGHTLY')),
    reason         text not null check (reason in ('SLEEPING_OUTSIDE', 'MEDICAL', 'VIOLENCE', 'UNACCOMPANIED_MINOR',
                                                   'FAMILY', 'WEATHER', 'DISCHARGED_FROM_HOSPITAL', 'OTHER')),
    planned_nights integer check (planned_nights between 1 and 366),
    admitted_on    date not null,
    discharged_on  date,
    destination    text check (destination in ('FAMILY', 'ASE', 'ACCOMMODATION_115', 'LONG_TERM_HOUSING',
                                               'HOSPITAL', 'OTHER_SHELTER', 'LEFT_WITHOUT_NOTICE', 'NO_SHOW',
                                               'EXCLUDED', 'OTHER')),
    request_id     uuid,
    version        bigint not null default 1,
    change_seq     bigint not null default nextval('stay_change_seq'),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    created_by     uuid not null,
    updated_by     uuid,
    deleted_at     timestamptz,
    check ((discharged_on is null) = (destination is null)),
    check (discharged_on is null or discharged_on >= admitted_on)
);

create index stay_site on stay (site_id, admitted_on);
create index stay_person on stay (person_id) where person_id is not null;
create index stay_change on stay (change_seq);
create unique index stay_open_per_person on stay (person_id) where discharged_on is null and deleted_at is null;

-- The bed a stay holds for a run of nights; a transfer ends one placement and begins the next. The
-- database itself refuses two people in one bed on one night.
create table placement (
    id           uuid primary key,
    stay_id      uuid not null references stay (id),
    bed_id       uuid not null references bed (id),
    site_id      uuid not null,
    nights       daterange not null check (not isempty(nights) and lower(nights) is not null),
    version      bigint not null default 1,
    change_seq   bigint not null default nextval('placement_change_seq'),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    created_by   uuid not null,
    deleted_at   timestamptz,
    constraint one_person_per_bed_per_night exclude using gist (bed_id with =, nights with &&) where (deleted_at is null)
);

create index placement_stay on placement (stay_id);
create index placement_site on placement using gist (site_id, nights);
create index placement_change on placement (change_seq);

-- Attendance: one line per stay and night. ABSENT keeps the bed (an announced absence); NO_SHOW is a
-- nightly guest who did not come by the release hour, whose bed was given back.
create table night (
    id           uuid not null unique,
    stay_id      uuid not null references stay (id),
    night        date not null,
    status       text not null check (status in ('PRESENT', 'ABSENT', 'NO_SHOW')),
    recorded_at  timestamptz not null,
    recorded_by  uuid,
    version      bigint not null default 1,
    change_seq   bigint not null default nextval('night_change_seq'),
    primary key (stay_id, night)
);

create index night_change on night (change_seq);

-- The priority rule of a shelter's waiting list: a weight per criterion and per day waited, set by a
-- coordinator; every change is audited.
create table priority_rule (
    site_id          uuid primary key,
    weights          jsonb not null,
    points_per_day   integer not null check (points_per_day between 0 and 100),
    version          bigint not null default 1,
    change_seq       bigint not null default nextval('rule_change_seq'),
    updated_at       timestamptz not null default now(),
    updated_by       uuid not null
);

-- A request for a place: a registered person, or an anonymous request from a street team or the 115
-- described by sex, age group and household size only. No nationality, no administrative status.
create table request (
    id              uuid primary key,
    site_id         uuid not null,
    person_id       uuid,
    person_key      uuid not null,
    source          text not null check (source in ('SITE', 'STREET_TEAM', 'HOTLINE_115', 'PARTNER', 'SELF')),
    sex             text not null check (sex in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    age_group       text not null check (age_group in ('00-04', '05-14', '15-17', '18+', 'unknown')),
    household_size  integer not null default 1 check (household_size between 1 and 20),
    criteria        text[] not null default '{}',
    requested_at    timestamptz not null,
    requested_on    date not null,
    status          text not null check (status in ('WAITING', 'OFFERED', 'ADMITTED', 'WITHDRAWN')),
    closed_at       timestamptz,
    version         bigint not null default 1,
    change_seq      bigint not null default nextval('request_change_seq'),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    created_by      uuid not null,
    updated_by      uuid not null,
    deleted_at      timestamptz
);

create index request_site on request (site_id, status, requested_at);
create index request_person on request (person_id) where person_id is not null;
create index request_change on request (change_seq);

create table offer (
    id              uuid primary key,
    request_id      uuid not null references request (id),
    site_id         uuid not null,
    bed_id          uuid references bed (id),
    offered_at      timestamptz not null,
    offered_on      date not null,
    answer          text not null check (answer in ('PENDING', 'ACCEPTED', 'REFUSED')),
    answered_at     timestamptz,
    refusal_reason  text check (refusal_reason in ('PLACE_NOT_SUITABLE', 'FOUND_ELSEWHERE', 'NOT_REACHED',
                                                   'CHANGED_MIND', 'OTHER')),
    version         bigint not null default 1,
    change_seq      bigint not null default nextval('offer_change_seq'),
    created_by      uuid not null,
    check ((answer = 'REFUSED') = (refusal_reason is not null))
);

create index offer_request on offer (request_id);
create index offer_change on offer (change_seq);
