-- The reminders of a site (a right expiring soon, a request waiting too long) read the latest step
-- of each person and part of the file. They were worked out on every read by sorting every step of
-- every person with a step at the site; the latest step of each person and part is now kept by the
-- database in the transaction of every change to a step (recorded, withdrawn, moved by a merge,
-- deleted by retention or erasure), with the day a reminder counts from, so that a site's reminders
-- are the first rows of one index.

-- Where each kind of step leaves its part of the file; the same as RightsViews.StepKind (a test
-- checks that every kind has its row).
create table step_kind (
    kind   text primary key,
    phase  text not null check (phase in ('REQUESTED', 'GRANTED', 'REFUSED', 'OTHER'))
);

insert into step_kind (kind, phase) values
    ('COVERAGE_NONE', 'OTHER'),
    ('AME_REQUESTED', 'REQUESTED'),
    ('AME_GRANTED', 'GRANTED'),
    ('AME_REFUSED', 'REFUSED'),
    ('PUMA_REQUESTED', 'REQUESTED'),
    ('PUMA_GRANTED', 'GRANTED'),
    ('CSS_REQUESTED', 'REQUESTED'),
    ('CSS_GRANTED', 'GRANTED'),
    ('EUROPEAN_CARD', 'GRANTED'),
    ('OTHER_COVERAGE', 'GRANTED'),
    ('DOMICILIATION_REQUESTED', 'REQUESTED'),
    ('DOMICILIATION_GRANTED', 'GRANTED'),
    ('DOMICILIATION_REFUSED', 'REFUSED'),
    ('AGE_ASSESSMENT_REQUESTED', 'REQUESTED'),
    ('MINORITY_RECOGNISED', 'GRANTED'),
    ('MINORITY_REFUSED', 'REFUSED'),
    ('APPEAL_JUGE_DES_ENFANTS', 'REQUESTED'),
    ('SHELTERED_BY_ASE', 'OTHER'),
    ('PLACEMENT_ORDER', 'GRANTED'),
    ('TAKEN_INTO_CARE_BY_ASE', 'GRANTED'),
    ('CHILD_PROTECTION_ENDED', 'OTHER');

-- The latest live step of each person and part of the file (by day, then recording), where it was
-- recorded, and the day a reminder counts from: the end of a right granted with an end, the day of
-- a request; none for the other steps.
create table latest_step (
    person_id  uuid not null,
    domain     text not null,
    step_id    uuid not null,
    site_id    uuid not null,
    phase      text not null,
    watch_on   date,
    primary key (person_id, domain)
);

create index latest_step_watch on latest_step (site_id, watch_on, person_id) where watch_on is not null;

create function refresh_latest_step(person uuid, part text) returns void language plpgsql as $$
begin
    -- Two steps of the same person and part recorded at once are taken in turn, the second seeing
    -- the first.
    perform pg_advisory_xact_lock(hashtextextended('rights.latest_step:' || person::text || ':' || part, 0));
    delete from rights.latest_step where person_id = person and domain = part;
    insert into rights.latest_step (person_id, domain, step_id, site_id, phase, watch_on)
    select s.person_id, s.domain, s.id, s.site_id, k.phase,
           case k.phase when 'GRANTED' then s.valid_until when 'REQUESTED' then s.occurred_on end
      from rights.rights_step s join rights.step_kind k on k.kind = s.kind
     where s.person_id = person and s.domain = part and s.deleted_at is null
     order by s.occurred_on desc, s.created_at desc, s.id desc
     limit 1;
end;
$$;

create function keep_latest_step() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform rights.refresh_latest_step(old.person_id, old.domain);
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and (new.person_id, new.domain) is distinct from (old.person_id, old.domain)) then
        perform rights.refresh_latest_step(new.person_id, new.domain);
    end if;
    return null;
end;
$$;

create trigger rights_step_latest after insert or delete on rights_step
    for each row execute function keep_latest_step();
create trigger rights_step_latest_again after update on rights_step
    for each row
    when ((old.person_id, old.domain, old.site_id, old.kind, old.occurred_on, old.valid_until, old.deleted_at is null)
          is distinct from
          (new.person_id, new.domain, new.site_id, new.kind, new.occurred_on, new.valid_until, new.deleted_at is null))
    execute function keep_latest_step();

insert into latest_step (person_id, domain, step_id, site_id, phase, watch_on)
select distinct on (s.person_id, s.domain)
       s.person_id, s.domain, s.id, s.site_id, k.phase,
       case k.phase when 'GRANTED' then s.valid_until when 'REQUESTED' then s.occurred_on end
  from rights_step s join step_kind k on k.kind = s.kind
 where s.deleted_at is null
 order by s.person_id, s.domain, s.occurred_on desc, s.created_at desc, s.id desc;
