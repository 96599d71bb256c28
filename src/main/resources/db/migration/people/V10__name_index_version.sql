-- The version of the entries the name index holds for every person: when a new version indexes
-- more of each name (version 2: the sound of its words, not only their beginnings), the server
-- indexes every person again on its next start and records the version here. A registry still
-- empty needs no such re-indexing.
create table name_index_version (
    version integer not null
);

insert into name_index_version (version)
select case when exists (select 1 from person) then 1 else 2 end;
