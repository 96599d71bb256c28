-- The version of the entries the name index holds for every person: when a new version indexes
-- more of each name (the sound of its words, not only their beginnings), the server indexes every
-- person again on its next start and records the version here.
create table name_index_version (
    version integer not null
);

insert into name_index_version (version) values (1);
