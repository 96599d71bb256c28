-- Facts for reporting's indicators (declared in reporting/indicators/outbreaks.json): views with the
-- columns reporting counts over (site_id, occurred_on, and sex and age_group where an indicator is
-- split by them). A case counts on the day of its onset; a ring on the day it was opened (UTC).

-- One row per case of the line list, discarded ones included (indicators filter them out).
create view case_fact as
select site_id, onset_on as occurred_on, disease, classification, outcome, sex, age_group
  from outbreak_case
 where deleted_at is null;

-- One row per ring, with whether its first household was visited within 48 hours of its opening.
create view ring_fact as
select site_id, (opened_at at time zone 'UTC')::date as occurred_on,
       coalesce(first_visit_at <= opened_at + interval '48 hours', false) as answered_within_48h
  from ring
 where deleted_at is null;
