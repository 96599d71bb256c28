-- Versioned form definitions, the structured answers of each consultation, its signed revisions,
-- its coded diagnoses and its prescriptions.
--
-- Free text stays sealed with the person's key (erased with them); structured answers (choices,
-- numbers, yes/no, dates, codes) are kept plain in `coded` so that indicators can count them.
create table form_definition (
    code          text not null check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
    version       integer not null check (version > 0),
    discipline    text not null check (discipline in ('MEDICAL', 'NURSING', 'MENTAL_HEALTH', 'SOCIAL', 'LEGAL')),
    compartment   text not null check (compartment in ('GENERAL', 'MENTAL_HEALTH', 'SGBV', 'LEGAL')),
    subject       text not null check (subject in ('PERSON', 'GROUP')),
    definition    jsonb not null,
    status        text not null check (status in ('DRAFT', 'PUBLISHED', 'RETIRED')),
    built_in      boolean not null default false,
    created_at    timestamptz not null default now(),
    created_by    uuid,
    published_at  timestamptz,
    primary key (code, version)
);

-- At most one published version of a form: the one new consultations use.
create unique index form_definition_published on form_definition (code) where status = 'PUBLISHED';

alter table encounter
    alter column person_id drop not null,
    add column form_code     text,
    add column form_version  integer,
    add column answers       bytea,                          -- free-text answers, sealed with the person's key
    add column coded         jsonb not null default '{}',    -- structured answers by field code
    add column attendees     integer check (attendees between 1 and 10000), -- group sessions only
    add column revision      integer not null default 1,
    add column signed_at     timestamptz,
    add column signed_by     uuid;

-- Consultations recorded before forms existed: the form of their discipline, signed when written.
update encounter
   set form_code = case discipline
                       when 'MEDICAL' then 'medical-consultation'
                       when 'NURSING' then 'nursing-care'
                       when 'MENTAL_HEALTH' then 'mental-health-session'
                       when 'SOCIAL' then 'social-assessment'
                       else 'legal-consultation'
                   end,
       form_version = 1,
       signed_at = case when status = 'SIGNED' then created_at end,
       signed_by = case when status = 'SIGNED' then provider_id end;

alter table encounter
    alter column form_code set not null,
    alter column form_version set not null,
    add constraint encounter_person_or_group check ((person_id is null) = (attendees is not null)),
    add constraint encounter_signed check ((status = 'SIGNED') = (signed_at is not null));

create index encounter_form on encounter (form_code, occurred_on);

-- Every signed version of a consultation. Amending a signed consultation adds a revision; none is
-- ever overwritten.
create table encounter_revision (
    encounter_id    uuid not null references encounter (id) on delete cascade,
    revision        integer not null check (revision > 0),
    form_version    integer not null,
    occurred_on     date not null,
    answers         bytea,
    coded           jsonb not null,
    reason          bytea, -- why it was amended, sealed with the person's key
    signed_at       timestamptz not null,
    signed_by       uuid not null,
    signed_by_name  text not null,
    primary key (encounter_id, revision)
);

-- The ICD-10 codes of a consultation's current revision, for counting and searching.
create table encounter_diagnosis (
    encounter_id  uuid not null references encounter (id) on delete cascade,
    position      smallint not null check (position >= 0),
    code          text not null check (code ~ '^[A-Z][0-9]{2}(\.[0-9A-Z]{1,2})?$'),
    primary key (encounter_id, position)
);

create index encounter_diagnosis_code on encounter_diagnosis (code);

-- The medicines prescribed in a consultation's current revision. Doses are in the medicine's unit
-- (tablets, millilitres, ...) at each time of day.
create table prescription_line (
    encounter_id   uuid not null references encounter (id) on delete cascade,
    line           smallint not null check (line >= 0),
    medicine_code  text not null,
    morning        numeric(6, 2) not null default 0 check (morning >= 0),
    noon           numeric(6, 2) not null default 0 check (noon >= 0),
    evening        numeric(6, 2) not null default 0 check (evening >= 0),
    night          numeric(6, 2) not null default 0 check (night >= 0),
    days           integer check (days between 1 and 365),
    instructions   bytea, -- sealed with the person's key
    primary key (encounter_id, line)
);

create index prescription_line_medicine on prescription_line (medicine_code);
