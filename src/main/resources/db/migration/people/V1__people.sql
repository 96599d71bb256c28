-- Persons, the other names they are known by, and a simple name index.
create extension if not exists pg_trgm with schema people;

create sequence person_change_seq;

create table person (
    id                    uuid primary key,
    patient_code          text not null unique check (patient_code ~ '^[0-9A-HJKMNP-TV-Z]{8}$'),
    chosen_name           text not null check (length(chosen_name) between 1 and 200),
    sex                   text not null check (sex in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    birth_date            date,
    birth_date_precision  text check (birth_date_precision in ('EXACT', 'MONTH', 'YEAR', 'ESTIMATED')),
    estimated_age         integer check (estimated_age between 0 and 120),
    age_estimated_on      date,
    languages             text[] not null default '{}',
    country_of_origin     text check (country_of_origin ~ '^[A-Z]{2}$'),
    phone                 text,
    flags                 text[] not null default '{}',
    registered_site_id    uuid not null,
    search_text           text not null,
    version               bigint not null default 0,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    created_by            uuid,
    updated_by            uuid,
    change_seq            bigint not null default nextval('person_change_seq'),
    deleted_at            timestamptz,
    check ((birth_date is null) = (birth_date_precision is null)),
    check ((birth_date_precision = 'ESTIMATED') = (estimated_age is not null and age_estimated_on is not null))
);

create index person_search_text on person using gin (search_text gin_trgm_ops);
create index person_change on person (change_seq);

create table person_name (
    id             uuid primary key,
    person_id      uuid not null references person (id) on delete cascade,
    name           text not null check (length(name) between 1 and 200),
    kind           text not null check (kind in ('ALIAS', 'SPELLING', 'ORIGINAL_SCRIPT', 'PREVIOUS', 'OFFICIAL')),
    script         text check (script in ('LATIN', 'ARABIC', 'ETHIOPIC', 'OTHER')),
    language       text,
    given_at_site  uuid,
    recorded_on    date not null default current_date,
    position       integer not null
);

create index person_name_person on person_name (person_id, position);

-- Every insert or update takes the next change number so devices can pull what changed since.
create function next_change() returns trigger language plpgsql as $$
begin
    new.change_seq := nextval(tg_table_schema || '.' || tg_table_name || '_change_seq');
    return new;
end;
$$;

create trigger person_change before update on person for each row execute function next_change();
