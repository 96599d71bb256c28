-- Facts for reporting's indicators (declared in reporting/indicators/stock.json): views with the
-- columns reporting counts over (site_id, occurred_on, attendees, and sex and age_group where the
-- indicator is split by them). Days are UTC days.

-- One row per dispensing (a line of a consultation's prescription handed out, whatever the lots it
-- was taken from); attendees is the number of units handed.
create view dispensing_fact as
select site_id, (min(occurred_at) at time zone 'UTC')::date as occurred_on, item_code,
       (-sum(quantity))::integer as attendees
  from movement
 where kind = 'DISPENSING'
 group by operation_id, site_id, item_code;

-- One row per item handed out in a distribution line (to a person or to a group); attendees is the
-- number of units (kits, sleeping bags, tents...).
create view distributed_item_fact as
select site_id, (occurred_at at time zone 'UTC')::date as occurred_on, item_code, (-quantity)::integer as attendees
  from movement
 where kind = 'DISTRIBUTION';

-- The people who received a distribution: one row for a person (their sex and their age group on
-- the day; unknown once the person is erased) and one row per sex and age group counted in a group
-- distribution; attendees is the number of people.
create view distribution_fact as
select d.site_id, (d.occurred_at at time zone 'UTC')::date as occurred_on,
       coalesce(p.sex, 'UNKNOWN') as sex,
       case when p.birth_date is null then 'unknown'
            when extract(year from age((d.occurred_at at time zone 'UTC')::date, p.birth_date)) < 5 then '00-04'
            when extract(year from age((d.occurred_at at time zone 'UTC')::date, p.birth_date)) < 15 then '05-14'
            when extract(year from age((d.occurred_at at time zone 'UTC')::date, p.birth_date)) < 18 then '15-17'
            else '18+' end as age_group,
       1 as attendees
  from distribution d
  left join people.person p on p.id = d.person_id
 where d.deleted_at is null
   and not exists (select 1 from distribution_count c where c.distribution_id = d.id)
union all
select d.site_id, (d.occurred_at at time zone 'UTC')::date, c.sex,
       case when c.age_group = 'UNKNOWN' then 'unknown' else c.age_group end, c.people
  from distribution d
  join distribution_count c on c.distribution_id = d.id
 where d.deleted_at is null;

-- One row per day an item that a place had held was out of stock there (the day's closing balance
-- at zero), up to today. Read from the whole ledger: cheap at a field's scale, a scan at millions
-- of lines.
create view stockout_day_fact as
with daily as (
    select site_id, location_id, item_code, (occurred_at at time zone 'UTC')::date as day, sum(quantity) as change
      from movement
     group by site_id, location_id, item_code, (occurred_at at time zone 'UTC')::date
), running as (
    select site_id, location_id, item_code, day,
           sum(change) over (partition by site_id, location_id, item_code order by day) as closing,
           lead(day) over (partition by site_id, location_id, item_code order by day) as next_day
      from daily
)
select r.site_id, day.day::date as occurred_on, r.location_id, r.item_code
  from running r
 cross join lateral generate_series(r.day, coalesce(r.next_day - 1, current_date), interval '1 day') as day (day)
 where r.closing = 0;
