-- The facts of "people with rights open at their last visit", written so that a report's sites and
-- days reach care.encounter's indexes: the month's last visit is the one no later signed visit of
-- the same person in the same month follows (looked up on the person's index), rather than a
-- distinct-on over every consultation, which read and sorted all of them for each report. The
-- same rows for every person; anonymous group sessions (no person) are left out, as no indicator
-- counts them.
create or replace view visit_rights_fact as
select e.site_id, e.occurred_on, e.person_id as person_key,
       (last.kind is not null and last.kind <> 'COVERAGE_NONE'
        and (last.valid_until is null or last.valid_until >= e.occurred_on)) as rights_open
  from care.encounter e
  left join lateral (
        select g.kind, g.valid_until
          from rights.rights_step g
         where g.person_id = e.person_id and g.domain = 'COVERAGE' and g.deleted_at is null
           and g.occurred_on <= e.occurred_on
           and g.kind in ('AME_GRANTED', 'PUMA_GRANTED', 'CSS_GRANTED', 'EUROPEAN_CARD', 'OTHER_COVERAGE',
                          'COVERAGE_NONE')
         order by g.occurred_on desc, g.created_at desc
         limit 1) last on true
 where e.status = 'SIGNED' and e.deleted_at is null and e.person_id is not null
   and not exists (
        select 1 from care.encounter later
         where later.person_id = e.person_id
           and later.occurred_on >= date_trunc('month', e.occurred_on)::date
           and later.occurred_on < (date_trunc('month', e.occurred_on) + interval '1 month')::date
           and (later.occurred_on, later.created_at, later.id) > (e.occurred_on, e.created_at, e.id)
           and later.status = 'SIGNED' and later.deleted_at is null);
