-- "People with rights open at their last visit", kept ahead: one row per person and month, their
-- last signed consultation of that month and whether a coverage held on its day. The view over every
-- consultation cost a report seconds at a million persons (each of a month's consultations looked up
-- twice); the rows are now kept in the transaction of every change of a consultation or of a
-- coverage step, by statement triggers that recount only the persons and months the statement
-- touched. A derived table: it is not synced, and it follows erasure and retention through the
-- deletion of the consultations it is made of.
create table visit_month (
    person_id     uuid not null,
    month         date not null,
    site_id       uuid not null,
    occurred_on   date not null,
    encounter_id  uuid not null,
    rights_open   boolean not null,
    primary key (person_id, month)
);

create index visit_month_site on visit_month (site_id, occurred_on);

-- Whether a person had a coverage on a day: the latest coverage step up to that day is a grant that
-- has not expired.
create function coverage_held(person uuid, day date) returns boolean language sql stable as $$
    select coalesce((select g.kind <> 'COVERAGE_NONE' and (g.valid_until is null or g.valid_until >= day)
                       from rights.rights_step g
                      where g.person_id = person and g.domain = 'COVERAGE' and g.deleted_at is null
                        and g.occurred_on <= day
                        and g.kind in ('AME_GRANTED', 'PUMA_GRANTED', 'CSS_GRANTED', 'EUROPEAN_CARD',
                                       'OTHER_COVERAGE', 'COVERAGE_NONE')
                      order by g.occurred_on desc, g.created_at desc
                      limit 1), false)
$$;

-- Two transactions recounting one person wait for each other (a lock per bucket of persons, taken
-- in order), so that the one committing last counts with what the other wrote.
create function lock_visit_months(persons uuid[]) returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock(20260, b)
       from (select distinct abs(hashtext(p::text)) % 4096 as b from unnest(persons) p order by 1) buckets;
end;
$$;

-- Counts again the given months of the given persons (the two arrays side by side).
create function recount_visit_months(persons uuid[], months date[]) returns void language plpgsql as $$
begin
    perform rights.lock_visit_months(persons);
    delete from rights.visit_month v
     using unnest(persons, months) t(person_id, month)
     where v.person_id = t.person_id and v.month = t.month;
    insert into rights.visit_month (person_id, month, site_id, occurred_on, encounter_id, rights_open)
    select t.person_id, t.month, last.site_id, last.occurred_on, last.id,
           rights.coverage_held(t.person_id, last.occurred_on)
      from (select distinct p, m from unnest(persons, months) u(p, m)) t(person_id, month)
      join lateral (
            select e.id, e.site_id, e.occurred_on
              from care.encounter e
             where e.person_id = t.person_id
               and e.occurred_on >= t.month and e.occurred_on < (t.month + interval '1 month')::date
               and e.status = 'SIGNED' and e.deleted_at is null
             order by e.occurred_on desc, e.created_at desc, e.id desc
             limit 1) last on true;
end;
$$;

-- The months a statement on consultations touched: those of the rows before and after it, where
-- something the count depends on changed.
create function encounter_months_changed() returns trigger language plpgsql as $$
declare
    touched_persons uuid[];
    touched_months date[];
begin
    if tg_op = 'INSERT' then
        select array_agg(n.person_id), array_agg(date_trunc('month', n.occurred_on)::date)
          into touched_persons, touched_months
          from new_rows n where n.person_id is not null and n.status = 'SIGNED';
    elsif tg_op = 'DELETE' then
        select array_agg(o.person_id), array_agg(date_trunc('month', o.occurred_on)::date)
          into touched_persons, touched_months
          from old_rows o where o.person_id is not null;
    else
        select array_agg(x.person_id), array_agg(x.month)
          into touched_persons, touched_months
          from (select o.person_id, date_trunc('month', o.occurred_on)::date as month
                  from old_rows o join new_rows n on n.id = o.id
                 where (o.person_id, o.site_id, o.occurred_on, o.status, o.deleted_at)
                       is distinct from (n.person_id, n.site_id, n.occurred_on, n.status, n.deleted_at)
                union
                select n.person_id, date_trunc('month', n.occurred_on)::date
                  from old_rows o join new_rows n on n.id = o.id
                 where (o.person_id, o.site_id, o.occurred_on, o.status, o.deleted_at)
                       is distinct from (n.person_id, n.site_id, n.occurred_on, n.status, n.deleted_at)) x
         where x.person_id is not null;
    end if;
    if touched_persons is not null then
        perform rights.recount_visit_months(touched_persons, touched_months);
    end if;
    return null;
end;
$$;

create trigger encounter_visit_month_insert after insert on care.encounter
    referencing new table as new_rows for each statement execute function rights.encounter_months_changed();
create trigger encounter_visit_month_update after update on care.encounter
    referencing old table as old_rows new table as new_rows
    for each statement execute function rights.encounter_months_changed();
create trigger encounter_visit_month_delete after delete on care.encounter
    referencing old table as old_rows for each statement execute function rights.encounter_months_changed();

-- A coverage step changes whether the person's rights were open at every later visit: their months
-- are counted again.
create function coverage_steps_changed() returns trigger language plpgsql as $$
declare
    touched_persons uuid[];
begin
    if tg_op = 'INSERT' then
        select array_agg(distinct n.person_id) into touched_persons from new_rows n where n.domain = 'COVERAGE';
    elsif tg_op = 'DELETE' then
        select array_agg(distinct o.person_id) into touched_persons from old_rows o where o.domain = 'COVERAGE';
    else
        select array_agg(distinct x.person_id) into touched_persons
          from (select o.person_id from old_rows o where o.domain = 'COVERAGE'
                union select n.person_id from new_rows n where n.domain = 'COVERAGE') x;
    end if;
    if touched_persons is not null then
        perform rights.lock_visit_months(touched_persons);
        -- joined to the persons rather than "= any" over them, which a bulk load of steps would
        -- compare with every row of the table
        update rights.visit_month v
           set rights_open = rights.coverage_held(v.person_id, v.occurred_on)
          from unnest(touched_persons) t(person_id)
         where v.person_id = t.person_id
           and v.rights_open is distinct from rights.coverage_held(v.person_id, v.occurred_on);
    end if;
    return null;
end;
$$;

create trigger coverage_visit_month_insert after insert on rights_step
    referencing new table as new_rows for each statement execute function rights.coverage_steps_changed();
create trigger coverage_visit_month_update after update on rights_step
    referencing old table as old_rows new table as new_rows
    for each statement execute function rights.coverage_steps_changed();
create trigger coverage_visit_month_delete after delete on rights_step
    referencing old table as old_rows for each statement execute function rights.coverage_steps_changed();

insert into visit_month (person_id, month, site_id, occurred_on, encounter_id, rights_open)
select distinct on (e.person_id, date_trunc('month', e.occurred_on))
       e.person_id, date_trunc('month', e.occurred_on)::date, e.site_id, e.occurred_on, e.id,
       coverage_held(e.person_id, e.occurred_on)
  from care.encounter e
 where e.status = 'SIGNED' and e.deleted_at is null and e.person_id is not null
 order by e.person_id, date_trunc('month', e.occurred_on), e.occurred_on desc, e.created_at desc, e.id desc;

create or replace view visit_rights_fact as
select v.site_id, v.occurred_on, v.person_id as person_key, v.rights_open
  from rights.visit_month v;

analyze visit_month;
