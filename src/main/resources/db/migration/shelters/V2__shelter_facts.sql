-- The facts reporting counts (see reporting/indicators/shelters.json). Each has site_id and
-- occurred_on; person_key where persons are counted; attendees where a sum is counted; sex and
-- age_group (at admission or request) where figures are split by them. Nights run up to tonight.

-- One row per night a person slept in a bed: the nights of their placements, less those marked
-- absent or no-show.
create view night_fact as
select p.site_id, n.night as occurred_on, s.person_key, s.sex, s.age_group, s.minor, s.mode, b.emergency,
       1 as attendees
  from shelters.placement p
  join shelters.stay s on s.id = p.stay_id and s.deleted_at is null
  join shelters.bed b on b.id = p.bed_id
 cross join lateral (select g::date as night
                       from generate_series(lower(p.nights), coalesce(upper(p.nights), current_date + 1) - 1,
                                            interval '1 day') g) n
 where p.deleted_at is null
   and not exists (select 1 from shelters.night a
                    where a.stay_id = p.stay_id and a.night = n.night and a.status <> 'PRESENT');

-- One row per bed and night it could be slept in: in service since its first night, not out of
-- service, and, for an emergency bed, under an emergency opening of its site.
create view capacity_fact as
select b.site_id, n.night as occurred_on, b.emergency, 1 as attendees
  from shelters.bed b
 cross join lateral (select g::date as night
                       from generate_series(b.in_service_from, current_date, interval '1 day') g) n
 where b.deleted_at is null
   and not exists (select 1 from shelters.bed_outage o
                    where o.bed_id = b.id and o.deleted_at is null and o.nights @> n.night)
   and (not b.emergency or exists (select 1 from shelters.emergency_opening e
                                    where e.site_id = b.site_id and e.deleted_at is null and e.nights @> n.night));

-- One row per night emergency capacity was open at a site.
create view emergency_night_fact as
select e.site_id, g::date as occurred_on
  from shelters.emergency_opening e
 cross join lateral generate_series(lower(e.nights), least(coalesce(upper(e.nights) - 1, current_date), current_date),
                                    interval '1 day') g
 where e.deleted_at is null;

-- One row per stay ended, on the day it ended, with its destination and its number of nights.
create view exit_fact as
select s.site_id, s.discharged_on as occurred_on, s.person_key, s.sex, s.age_group, s.destination,
       (s.discharged_on - s.admitted_on) as attendees
  from shelters.stay s
 where s.discharged_on is not null and s.deleted_at is null;

-- One row per request for a place, on the day it was made.
create view request_fact as
select r.site_id, r.requested_on as occurred_on, r.person_key, r.sex, r.age_group, r.source, 1 as attendees
  from shelters.request r
 where r.deleted_at is null;

-- One row per offer of a bed, on the day it was made, with the days the request had waited.
create view offer_fact as
select o.site_id, o.offered_on as occurred_on, r.person_key, r.sex, r.age_group, o.answer,
       (o.offered_on - r.requested_on) as attendees
  from shelters.offer o
  join shelters.request r on r.id = o.request_id and r.deleted_at is null;
