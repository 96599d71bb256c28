-- Reporting keeps counts-ready facts derived from the care and people schemas, so that a report
-- over a programme and a year reads narrow rows instead of joining persons and consultations.
-- Facts are derived data: they are rebuilt from the source whenever the source changes (see the
-- change sequences in refresh_state) and never edited by hand.
--
-- person_key is the person's id while the person exists; after an erasure it is replaced by an
-- anonymous key, so that the figures already reported stay the same without pointing to anyone.

create table encounter_fact (
    encounter_id  uuid primary key,
    site_id       uuid not null,
    occurred_on   date not null,
    person_key    uuid,            -- none for an anonymous group session
    discipline    text not null,
    form_code     text not null,
    compartment   text not null,
    sex           text not null,   -- FEMALE, MALE, OTHER, UNKNOWN
    age_group     text not null,   -- 00-04, 05-14, 15-17, 18+, unknown: sorts youngest first
    visit         text not null check (visit in ('NEW', 'REPEAT', 'GROUP')),
    referred      boolean not null,
    attendees     integer not null
);

create index encounter_fact_site_day on encounter_fact (site_id, occurred_on);
create index encounter_fact_person on encounter_fact (person_key);

-- Registrations: one row per registered person not merged into another.
create table registration_fact (
    person_key     uuid primary key,
    site_id        uuid not null,
    occurred_on    date not null,
    sex            text not null,
    age_group      text not null
);

create index registration_fact_site_day on registration_fact (site_id, occurred_on);

-- How far the facts have followed each source's change sequence.
create table refresh_state (
    source    text primary key,
    last_seq  bigint not null
);

insert into refresh_state (source, last_seq) values ('care.encounter', 0), ('people.person', 0);

-- The DHIS2 mapping an administrator edits: which data element and category option combination
-- receive an indicator's figure (or one of its disaggregations), and which org unit a site is.
create table dhis2_data_element (
    indicator               text not null,
    disaggregation          text not null,   -- TOTAL or a disaggregation (SEX, AGE_GROUP, ...)
    category                text not null,   -- '' for TOTAL, else the disaggregation's value
    data_element            text not null,
    category_option_combo   text,
    category_option         text,            -- for ADX: the category option code
    primary key (indicator, disaggregation, category)
);

create table dhis2_org_unit (
    site_id   uuid primary key,
    org_unit  text not null
);

-- The DHIS2 server; the password is sealed with the reporting key and never returned.
create table dhis2_server (
    id                integer primary key check (id = 1),
    base_url          text not null,
    username          text not null,
    password          bytea,
    data_set          text,
    adx_categories    jsonb not null default '{}',  -- disaggregation -> DHIS2 category code, for ADX
    updated_at        timestamptz not null default now(),
    updated_by        uuid
);
