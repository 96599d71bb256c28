-- Water: the water points and tanks a site watches (with their coordinates) and the readings taken
-- there: free residual chlorine, turbidity and volume, each refused outside physical limits.
-- Whether a reading was in the acceptable range is decided when it is written, with the range
-- configured then, and kept with it, so that a figure reported once does not change when the
-- range is changed later. Every record has the client's id, a version, a place in its table's
-- change sequence and a tombstone, so that devices can hold them offline.
create sequence point_change_seq;
create sequence reading_change_seq;

create table point (
    id          uuid primary key,
    site_id     uuid not null,
    kind        text not null check (kind in ('TAP_STAND', 'WELL', 'BOREHOLE', 'SPRING_CATCHMENT', 'TANK',
                                              'BLADDER', 'TRUCKING', 'HOUSEHOLD')),
    name        text not null check (length(name) between 1 and 80),
    lat         double precision not null check (lat between -90 and 90),
    lon         double precision not null check (lon between -180 and 180),
    capacity_l  integer check (capacity_l > 0),
    version     bigint not null default 1,
    change_seq  bigint not null default nextval('point_change_seq'),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    created_by  uuid not null,
    updated_by  uuid not null,
    deleted_at  timestamptz
);

create index point_site on point (site_id) where deleted_at is null;
create index point_change on point (change_seq);

create table reading (
    id            uuid primary key,
    point_id      uuid not null references point (id),
    site_id       uuid not null,
    measured_at   timestamptz not null,
    frc_mg_l      numeric(5, 2) check (frc_mg_l between 0 and 10),
    turbidity_ntu numeric(7, 2) check (turbidity_ntu between 0 and 1000),
    volume_l      integer check (volume_l between 0 and 100000000),
    in_range      boolean not null,
    recorded_by   uuid not null,
    recorded_by_name text not null,
    version       bigint not null default 1,
    change_seq    bigint not null default nextval('reading_change_seq'),
    created_at    timestamptz not null default now(),
    deleted_at    timestamptz,
    check (frc_mg_l is not null or turbidity_ntu is not null or volume_l is not null)
);

create index reading_point on reading (point_id, measured_at desc) where deleted_at is null;
create index reading_change on reading (change_seq);

-- Facts for reporting's indicators (declared in reporting/indicators/water.json): one row per
-- water point and day it was measured, with whether its last reading of the day was in range.
create view point_day_fact as
select distinct on (r.point_id, (r.measured_at at time zone 'UTC')::date)
       r.site_id, (r.measured_at at time zone 'UTC')::date as occurred_on, r.point_id, p.kind, r.in_range
  from reading r
  join point p on p.id = r.point_id
 where r.deleted_at is null and p.deleted_at is null
 order by r.point_id, (r.measured_at at time zone 'UTC')::date, r.measured_at desc;

-- One row per reading, for counting the readings taken and those out of range.
create view reading_fact as
select r.site_id, (r.measured_at at time zone 'UTC')::date as occurred_on, r.point_id, r.in_range
  from reading r
 where r.deleted_at is null;
