-- The record-linkage engine's blocking keys of each person (phonetic keys of their names with the
-- birth year, pairs of name keys, birth day and month), as keyed hashes like the name tokens: a
-- registration finds likely existing persons through them without names stored in clear.
create table person_match_key (
    key        bytea not null,
    person_id  uuid not null references person (id) on delete cascade,
    primary key (key, person_id)
);

create index person_match_key_person on person_match_key (person_id);
