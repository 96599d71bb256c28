-- When two person records are merged, the doses of the merged one follow the kept one; merged_from
-- remembers where each came from, so that an unmerge gives them back. A dose the kept person already
-- holds (the same vaccine and dose number) is set aside by the merge (removed_by_merge, with its
-- tombstone), so that the person is counted once; an unmerge brings it back.
alter table dose add column merged_from uuid;
alter table dose add column removed_by_merge boolean not null default false;
