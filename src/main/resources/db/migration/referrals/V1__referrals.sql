-- Referrals: the directory of partner services a team refers people to, the referrals with the
-- history of their steps, and the accompaniments of people to those services. Records carry a
-- client id, a version, a change sequence (with the transaction that made the change, for devices
-- pulling "what changed since") and a tombstone. The reason of a referral and the notes are sealed
-- with the person's key, so an erasure leaves them unreadable in every copy.
create sequence partner_service_change_seq;
create sequence referral_change_seq;
create sequence accompaniment_change_seq;

create function next_change_xid() returns trigger language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id();
    return new;
end;
$$;

create table partner_service (
    id                 uuid primary key,
    kind               text not null check (kind in ('PASS', 'EMERGENCY', 'CMP', 'CEGIDD', 'PMI', 'SIAO',
                                                     'ASE', 'CPAM', 'LAWYER', 'ASSOCIATION', 'CITY_DOCTOR',
                                                     'PHARMACY', 'LAB', 'RADIOLOGY', 'OTHER')),
    name               text not null check (length(name) between 2 and 150),
    organisation       text check (length(organisation) <= 150),
    address            text check (length(address) <= 200),
    postal_code        text check (postal_code ~ '^[0-9]{5}$'),
    city               text check (length(city) <= 100),
    opening_hours      text check (length(opening_hours) <= 200),
    languages          text[] not null default '{}',
    needs              text[] not null default '{}',
    accepts_uncovered  boolean not null default false,
    accepts_minors     boolean not null default false,
    interpreter        boolean not null default false,
    phone              text check (length(phone) <= 40),
    email              text check (length(email) <= 200),
    contact_name       text check (length(contact_name) <= 150),
    checked_on         date,
    closed             boolean not null default false,
    source             text check (length(source) <= 100),
    source_structure_id text check (length(source_structure_id) <= 200),
    source_service_id  text check (length(source_service_id) <= 200),
    version            bigint not null default 1,
    change_seq         bigint not null default nextval('partner_service_change_seq'),
    change_xid         xid8 not null default pg_current_xact_id(),
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    created_by         uuid,
    updated_by         uuid,
    deleted_at         timestamptz
);

create unique index partner_service_source on partner_service (source, source_service_id)
    where source_service_id is not null;
create index partner_service_kind on partner_service (kind) where deleted_at is null;
create index partner_service_sync on partner_service (change_xid, change_seq);
create trigger partner_service_change_xid before update on partner_service
    for each row execute function next_change_xid();

create table referral (
    id               uuid primary key,
    person_id        uuid not null,
    site_id          uuid not null,
    encounter_id     uuid,
    service_id       uuid not null references partner_service (id),
    reason           bytea, -- sealed with the person's key; removed at erasure
    merged_from      uuid,
    urgency          text not null check (urgency in ('ROUTINE', 'SOON', 'URGENT')),
    consent          text not null check (consent in ('PERSON', 'LEGAL_GUARDIAN')),
    status           text not null check (status in ('SENT', 'ACCEPTED', 'ATTENDED', 'CLOSED', 'REFUSED', 'LOST')),
    sent_on          date not null,
    follow_by        date not null,
    status_on        date not null,
    version          bigint not null default 1,
    change_seq       bigint not null default nextval('referral_change_seq'),
    change_xid       xid8 not null default pg_current_xact_id(),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    created_by       uuid not null,
    updated_by       uuid not null,
    deleted_at       timestamptz
);

create index referral_person on referral (person_id, sent_on);
create index referral_to_follow on referral (site_id, follow_by) where status in ('SENT', 'ACCEPTED') and deleted_at is null;
create index referral_service on referral (service_id, status);
create index referral_sync on referral (change_xid, change_seq);
create trigger referral_change_xid before update on referral for each row execute function next_change_xid();

-- Each step of a referral, dated and signed by who recorded it; never changed.
create table referral_step (
    referral_id  uuid not null references referral (id),
    position     smallint not null check (position >= 0),
    status       text not null check (status in ('SENT', 'ACCEPTED', 'ATTENDED', 'CLOSED', 'REFUSED', 'LOST')),
    occurred_on  date not null,
    note         bytea,
    recorded_at  timestamptz not null,
    recorded_by  uuid not null,
    recorded_by_name text not null,
    primary key (referral_id, position)
);

create table accompaniment (
    id             uuid primary key,
    referral_id    uuid not null references referral (id),
    person_id      uuid not null,
    site_id        uuid not null,
    occurred_on    date not null,
    companions     text not null check (length(companions) between 1 and 200),
    transport      text not null check (transport in ('WALK', 'PUBLIC_TRANSPORT', 'TEAM_VEHICLE', 'TAXI',
                                                       'AMBULANCE', 'OTHER')),
    minutes        integer not null check (minutes between 1 and 1440),
    outcome        text not null check (outcome in ('SEEN', 'ADMITTED', 'NOT_SEEN', 'REDIRECTED')),
    note           bytea,
    merged_from    uuid,
    version        bigint not null default 1,
    change_seq     bigint not null default nextval('accompaniment_change_seq'),
    change_xid     xid8 not null default pg_current_xact_id(),
    created_at     timestamptz not null default now(),
    created_by     uuid not null,
    deleted_at     timestamptz
);

create index accompaniment_referral on accompaniment (referral_id);
create index accompaniment_person on accompaniment (person_id);
create index accompaniment_sync on accompaniment (change_xid, change_seq);
create trigger accompaniment_change_xid before update on accompaniment for each row execute function next_change_xid();

-- Facts for the indicator catalogue: one row per referral (counted on the day it was sent) and
-- one per accompaniment. No name, no reason: destination kind, status, site, day, person key.
create view referral_fact as
select r.site_id, r.sent_on as occurred_on, r.person_id as person_key, s.kind as destination, r.status,
       r.status in ('ATTENDED', 'CLOSED') as completed
  from referrals.referral r join referrals.partner_service s on s.id = r.service_id
 where r.deleted_at is null;

create view accompaniment_fact as
select a.site_id, a.occurred_on, a.person_id as person_key, a.minutes, a.outcome
  from referrals.accompaniment a
 where a.deleted_at is null;
