-- Roll-ups of reporting's own facts, so that a programme-year report reads thousands of rows rather
-- than hundreds of thousands. Both are derived from the facts and rebuilt with them; the position
-- of a figure in the arrays is the position of its indicator among those of the same source and
-- measure kind in the catalogue (its signature is kept in refresh_state: a changed catalogue
-- rebuilds them).

-- Additive figures (rows, head counts) per site, month and disaggregation cell.
create table additive_month (
    source      text not null,
    site_id     uuid not null,
    month       date not null,
    sex         text,
    age_group   text,
    discipline  text,
    visit       text,
    counts      bigint[] not null
);

create index additive_month_site on additive_month (source, site_id, month);

-- One row per person, site and calendar year, for distinct persons over a year: for each indicator
-- counting persons, the youngest age group of the person's matching facts (the age at the first),
-- and bit masks of the disciplines (MEDICAL, NURSING, MENTAL_HEALTH, SOCIAL, LEGAL) and months
-- (January = bit 0) of those facts; 0 when none matches.
create table person_year (
    source       text not null,
    person_key   uuid not null,
    site_id      uuid not null,
    year         integer not null,
    sex          text not null,
    ages         text[] not null,
    disciplines  integer[] not null,
    months       integer[] not null
);

create index person_year_site on person_year (source, site_id, year);
create index person_year_person on person_year (person_key);

insert into refresh_state (source, last_seq) values ('catalogue', 0);
