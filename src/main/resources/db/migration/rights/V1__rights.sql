-- The rights file of a person: dated steps towards health coverage (AME, PUMa, CSS, European
-- card), domiciliation, and for minors the age assessment and child-protection steps. Steps are
-- never changed: a later step (granted, refused, renewed) follows an earlier one, and a mistake is
-- withdrawn (tombstone) with its reason kept. Nothing here serves immigration enforcement: no
-- residence permit number, no removal order, no place of entry.
create sequence rights_step_change_seq;

create function next_change_xid() returns trigger language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id();
    return new;
end;
$$;

create table rights_step (
    id             uuid primary key,
    person_id      uuid not null,
    site_id        uuid not null,
    domain         text not null check (domain in ('COVERAGE', 'DOMICILIATION', 'AGE_ASSESSMENT', 'CHILD_PROTECTION')),
    kind           text not null,
    occurred_on    date not null,
    valid_until    date,
    declared_age   smallint check (declared_age between 0 and 30),
    assessed_age   smallint check (assessed_age between 0 and 30),
    documents      text[] not null default '{}',
    helped_by      text check (length(helped_by) <= 150),
    note           bytea, -- sealed with the person's key
    merged_from    uuid,
    version        bigint not null default 1,
    change_seq     bigint not null default nextval('rights_step_change_seq'),
    change_xid     xid8 not null default pg_current_xact_id(),
    created_at     timestamptz not null default now(),
    created_by     uuid not null,
    created_by_name text not null,
    deleted_at     timestamptz,
    deleted_by     uuid,
    check (valid_until is null or valid_until >= occurred_on)
);

create index rights_step_person on rights_step (person_id, domain, occurred_on);
create index rights_step_site on rights_step (site_id, domain, occurred_on) where deleted_at is null;
create index rights_step_sync on rights_step (change_xid, change_seq);
create trigger rights_step_change_xid before update on rights_step for each row execute function next_change_xid();

-- Facts for the indicator catalogue: each coverage obtained (AME, PUMa, CSS granted) on its day.
create view coverage_fact as
select s.site_id, s.occurred_on, s.person_id as person_key, s.kind
  from rights.rights_step s
 where s.deleted_at is null and s.domain = 'COVERAGE';

-- Facts for "people with rights open at their last visit": each person's last signed consultation
-- of each month, and whether a coverage granted on or before that day still held then (the latest
-- coverage step that day being a grant, not yet expired).
create view visit_rights_fact as
select v.site_id, v.occurred_on, v.person_id as person_key,
       (last.kind is not null and last.kind <> 'COVERAGE_NONE'
        and (last.valid_until is null or last.valid_until >= v.occurred_on)) as rights_open
  from (select distinct on (e.person_id, date_trunc('month', e.occurred_on))
               e.person_id, e.site_id, e.occurred_on
          from care.encounter e
         where e.status = 'SIGNED' and e.deleted_at is null
         order by e.person_id, date_trunc('month', e.occurred_on), e.occurred_on desc, e.created_at desc) v
  left join lateral (
        select g.kind, g.valid_until
          from rights.rights_step g
         where g.person_id = v.person_id and g.domain = 'COVERAGE' and g.deleted_at is null
           and g.occurred_on <= v.occurred_on
           and g.kind in ('AME_GRANTED', 'PUMA_GRANTED', 'CSS_GRANTED', 'EUROPEAN_CARD', 'OTHER_COVERAGE',
                          'COVERAGE_NONE')
         order by g.occurred_on desc, g.created_at desc
         limit 1) last on true;
