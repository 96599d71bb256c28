-- When two person records are merged, the cases of the merged one follow the kept one; merged_from
-- remembers where each came from, so that an unmerge gives them back.
alter table outbreak_case add column merged_from uuid;
