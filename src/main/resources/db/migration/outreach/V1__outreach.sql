-- Outreach sessions: a mobile-clinic session or a night round of a mobile team at one of its outreach
-- locations, planned then held. Devices may create them offline: the id is the client's, and version,
-- change_seq and deleted_at (a tombstone) let them synchronise. The rows under a session (its team,
-- anonymous counts, needs and distributions) are replaced with the session and move its version.
create sequence session_change_seq;

create table session (
    id             uuid primary key,
    site_id        uuid not null,
    location_id    uuid not null,
    kind           text not null check (kind in ('MOBILE_CLINIC', 'NIGHT_ROUND')),
    day            date not null, -- the planned start's day in the teams' time zone
    planned_start  timestamptz not null,
    planned_end    timestamptz not null,
    actual_start   timestamptz,
    actual_end     timestamptz,
    note           text check (length(note) <= 2000),
    version        bigint not null default 1,
    change_seq     bigint not null default nextval('session_change_seq'),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    created_by     uuid not null,
    updated_by     uuid not null,
    deleted_at     timestamptz,
    check (planned_end > planned_start),
    check (actual_end is null or (actual_start is not null and actual_end > actual_start))
);

create index session_site_day on session (site_id, day);
create index session_location on session (location_id);
create index session_change on session (change_seq);

create function next_change() returns trigger language plpgsql as $$
begin
    new.change_seq := nextval(tg_table_schema || '.' || tg_table_name || '_change_seq');
    return new;
end;
$$;

create trigger session_change before update on session for each row execute function next_change();

-- Who goes: the users of the team, with the name they had when the session was planned.
create table session_member (
    session_id  uuid not null references session (id) on delete cascade,
    user_id     uuid not null,
    name        text not null,
    primary key (session_id, user_id)
);

-- People seen without registration, counted by sex and age group.
create table session_tally (
    session_id  uuid not null references session (id) on delete cascade,
    sex         text not null check (sex in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    age_group   text not null check (age_group in ('00-04', '05-14', '15-17', '18+', 'unknown')),
    people      integer not null check (people between 0 and 100000),
    primary key (session_id, sex, age_group)
);

-- Needs the team observed (codes of reference/outreach.json).
create table session_need (
    session_id  uuid not null references session (id) on delete cascade,
    need        text not null check (need ~ '^[a-z-]{2,40}$'),
    primary key (session_id, need)
);

-- What was handed out, counted by item (codes of reference/outreach.json).
create table session_distribution (
    session_id  uuid not null references session (id) on delete cascade,
    item        text not null check (item ~ '^[a-z-]{2,40}$'),
    quantity    integer not null check (quantity between 1 and 100000),
    primary key (session_id, item)
);

-- A consultation held during the session. Sex and age group are the person's on the day, kept so
-- that figures stay right after an erasure, which empties person_id and gives person_key a random
-- value.
create table session_consultation (
    session_id    uuid not null references session (id) on delete cascade,
    encounter_id  uuid not null unique,
    person_id     uuid,
    person_key    uuid not null,
    sex           text not null check (sex in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    age_group     text not null check (age_group in ('00-04', '05-14', '15-17', '18+', 'unknown')),
    linked_at     timestamptz not null default now(),
    primary key (session_id, encounter_id)
);

create index session_consultation_person on session_consultation (person_id);

-- The facts reporting counts (see reporting/indicators/outreach.json), on the session's day, for
-- sessions held (begun): one row per session; one row per group of people reached, anonymous counts
-- summed in attendees and each registered person once per session under their person_key.
create view session_fact as
select s.site_id, s.day as occurred_on, s.location_id, s.kind, 1 as attendees
  from outreach.session s
 where s.deleted_at is null and s.actual_start is not null;

create view reach_fact as
select s.site_id, s.day as occurred_on, s.location_id, s.kind, null::uuid as person_key, t.sex, t.age_group,
       t.people as attendees
  from outreach.session s
  join outreach.session_tally t on t.session_id = s.id
 where s.deleted_at is null and s.actual_start is not null and t.people > 0
union all
select s.site_id, s.day, s.location_id, s.kind, c.person_key, min(c.sex), min(c.age_group), 1
  from outreach.session s
  join outreach.session_consultation c on c.session_id = s.id
 where s.deleted_at is null and s.actual_start is not null
 group by s.id, c.person_key;
