-- Merging duplicates, reversibly. The merged record stays, marked as merged into the kept one, so
-- that an unmerge can give it back everything it had; its names are copied to the kept record
-- (sealed with the kept person's key) and remembered as brought by the merge.
alter table person add column merged_into uuid references person (id);

create index person_merged_into on person (merged_into) where merged_into is not null;

alter table person_name add column merged_from uuid;

create table person_merge (
    id           uuid primary key,
    kept_id      uuid not null references person (id) on delete cascade,
    merged_id    uuid not null references person (id) on delete cascade,
    merged_at    timestamptz not null,
    merged_by    uuid not null,
    unmerged_at  timestamptz,
    unmerged_by  uuid,
    check (kept_id <> merged_id),
    check ((unmerged_at is null) = (unmerged_by is null))
);

create index person_merge_kept on person_merge (kept_id);
create index person_merge_merged on person_merge (merged_id);

-- Pairs a data officer judged to be two different people: never proposed again as duplicates.
create table not_duplicate (
    person_a    uuid not null references person (id) on delete cascade,
    person_b    uuid not null references person (id) on delete cascade,
    decided_by  uuid not null,
    decided_at  timestamptz not null default now(),
    primary key (person_a, person_b),
    check (person_a < person_b)
);
