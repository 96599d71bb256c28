-- A consultation moved to another person by a merge remembers whose it was, for an unmerge.
alter table encounter add column merged_from uuid;

create index encounter_merged_from on encounter (merged_from) where merged_from is not null;
