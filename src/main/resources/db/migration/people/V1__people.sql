-- Persons, the other names they are known by, and a blind index of their names.
-- Names and phone numbers are sealed (AES-256-GCM) with the person's own key, kept in the key vault:
-- destroying that key makes them unreadable in every copy of this database.

create sequence person_change_seq;

create table person (
    id                    uuid primary key,
    patient_code          text not null unique check (patient_code ~ '^[0-9A-HJKMNP-TV-Z]{8}$'),
    chosen_name           bytea not null,
    sex                   text not null check (sex in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    birth_date            date,
    birth_date_precision  text check (birth_date_precision in ('EXACT', 'MONTH', 'YEAR', 'ESTIMATED')),
    estimated_age         integer check (estimated_age between 0 and 120),
    age_estimated_on      date,
    languages             text[] not null default '{}',
    country_of_origin     text check (country_of_origin ~ '^[A-Z]{2}$'),
    phone                 bytea,
    flags                 text[] not null default '{}',
    registered_site_id    uuid not null,
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

create index person_change on person (change_seq);

create table person_name (
    id             uuid primary key,
    person_id      uuid not null references person (id) on delete cascade,
    name           bytea not null,
    kind           text not null check (kind in ('ALIAS', 'SPELLING', 'ORIGINAL_SCRIPT', 'PREVIOUS', 'OFFICIAL')),
    script         text check (script in ('LATIN', 'ARABIC', 'ETHIOPIC', 'OTHER')),
    language       text,
    given_at_site  uuid,
    recorded_on    date not null default current_date,
    position       integer not null
);

create index person_name_person on person_name (person_id, position);

-- Keyed hashes of the folded words of every name and of their prefixes: names are found without
-- being stored in clear.
create table person_token (
    token      bytea not null,
    person_id  uuid not null references person (id) on delete cascade,
    primary key (token, person_id)
);

create index person_token_person on person_token (person_id);

-- Every insert or update takes the next change number so devices can pull what changed since.
create function next_change() returns trigger language plpgsql as $$
begin
    new.change_seq := nextval(tg_table_schema || '.' || tg_table_name || '_change_seq');
    return new;
end;
$$;

create trigger person_change before update on person for each row execute function next_change();

-- Erasures: who erased which record, when and why. Nothing else of the person remains.
create table erasure (
    person_id   uuid primary key,
    erased_at   timestamptz not null default now(),
    erased_by   uuid not null,
    reason      text not null check (reason in ('PERSON_REQUEST', 'CREATED_IN_ERROR', 'RETENTION_ENDED', 'LEGAL_OBLIGATION', 'OTHER')),
    note        text check (length(note) <= 500)
);
