-- Adds the rights files and referrals of :persons persons (synthetic ids, no registry entry) around
-- the site of a ReferralDriver run, spread over :sites sites, the run's site one of them, so that the
-- "to follow" list and the reminders are read among a million persons' rows. Run as the database
-- owner on the running server's embedded PostgreSQL (its port is logged at start-up):
--
--   psql -h 127.0.0.1 -p DB_PORT -U postgres -d passerelle -v site=SITE_ID -v persons=1000000 \
--        -v sites=20 -f bench/referrals-bulk.sql
--
-- The same mix as the driver's persons, at every site: an AME requested then granted a year back for
-- one in four, a request for one in four, no coverage for the rest; one referral each, sent in the
-- last 60 days, a third still open. The
-- latest-step trigger is paused during the load and the latest steps rebuilt at once after it, as
-- the migration that created them does.
\set ON_ERROR_STOP on
\timing on

create temporary table bench_person as
select g as n, gen_random_uuid() as person_id,
       case when (g / 4) % :sites = 0 then :'site'::uuid
            else ('00000000-0000-4000-8000-' || lpad(to_hex((g / 4) % :sites), 12, '0'))::uuid end as site_id
  from generate_series(1, :persons) g;

alter table rights.rights_step disable trigger rights_step_latest;

insert into rights.rights_step (id, person_id, site_id, domain, kind, occurred_on, valid_until, documents,
                                created_by, created_by_name)
select gen_random_uuid(), p.person_id, p.site_id, 'COVERAGE', s.kind, s.occurred_on, s.valid_until,
       '{PROOF_OF_IDENTITY}', '00000000-0000-4000-8000-000000000000', 'Bench'
  from bench_person p
  cross join lateral (
        select 'AME_REQUESTED' as kind, current_date - 400 - p.n % 30 as occurred_on, null::date as valid_until
         where p.n % 4 = 0
        union all
        select 'AME_GRANTED', current_date - 340 - p.n % 60, current_date - 340 - p.n % 60 + 364
         where p.n % 4 = 0
        union all
        select 'PUMA_REQUESTED', current_date - p.n % 120, null where p.n % 4 = 1
        union all
        select 'COVERAGE_NONE', current_date - p.n % 365, null where p.n % 4 > 1) s;

alter table rights.rights_step enable trigger rights_step_latest;

delete from rights.latest_step;
insert into rights.latest_step (person_id, domain, step_id, site_id, phase, watch_on)
select distinct on (s.person_id, s.domain)
       s.person_id, s.domain, s.id, s.site_id, k.phase,
       case k.phase when 'GRANTED' then s.valid_until when 'REQUESTED' then s.occurred_on end
  from rights.rights_step s join rights.step_kind k on k.kind = s.kind
 where s.deleted_at is null
 order by s.person_id, s.domain, s.occurred_on desc, s.created_at desc, s.id desc;

insert into referrals.referral (id, person_id, site_id, service_id, urgency, consent, status, sent_on,
                                follow_by, status_on, created_by, updated_by)
select gen_random_uuid(), p.person_id, p.site_id,
       (select id from referrals.partner_service where deleted_at is null order by created_at limit 1),
       case when p.n % 10 = 0 then 'URGENT' else 'ROUTINE' end, 'PERSON',
       case when p.n % 3 = 0 then 'SENT' else 'ATTENDED' end,
       current_date - p.n % 60, current_date - p.n % 60 + 14, current_date - p.n % 60,
       '00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000000'
  from bench_person p;

analyze rights.rights_step;
analyze rights.latest_step;
analyze referrals.referral;

select (select count(*) from rights.rights_step) as steps,
       (select count(*) from rights.latest_step) as latest,
       (select count(*) from referrals.referral) as referrals,
       (select count(*) from rights.rights_step where site_id = :'site'::uuid) as steps_at_site,
       (select count(*) from referrals.referral where site_id = :'site'::uuid and status in ('SENT', 'ACCEPTED'))
           as open_at_site;
