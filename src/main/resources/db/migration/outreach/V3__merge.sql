-- When two person records are merged, the consultations of the merged one linked to sessions follow
-- the kept one (counted once per session under the kept person's key); merged_from remembers where
-- each came from, so that an unmerge gives them back.
alter table session_consultation add column merged_from uuid;
create index session_consultation_merged on session_consultation (merged_from) where merged_from is not null;
