-- The batch duplicate scan and its review queue. A scan compares the whole registry with the
-- record-linkage engine and proposes the likely duplicates to a data officer, who merges them or
-- says they are different people. Nothing here holds a name: pairs, probabilities and which level
-- each field reached.

create table duplicate_scan (
    id               uuid primary key,
    started_at       timestamptz not null,
    finished_at      timestamptz,
    started_by       uuid,
    status           text not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    -- 'REGISTRY' when the weights were estimated by EM on this registry, 'DEFAULT' otherwise
    model            text check (model in ('REGISTRY', 'DEFAULT')),
    prior            double precision,
    fields           text[] not null default '{}',
    persons          integer,
    proposed         integer,
    load_millis      bigint,
    train_millis     bigint,
    compare_millis   bigint,
    check ((finished_at is null) = (status = 'RUNNING'))
);

create index duplicate_scan_started on duplicate_scan (started_at desc);

-- The weights the scan used, per field and level: what the model learnt from the registry.
create table duplicate_scan_weight (
    scan_id   uuid not null references duplicate_scan (id) on delete cascade,
    field     text not null,
    level     text not null,
    position  integer not null,
    m         double precision not null,
    u         double precision not null,
    primary key (scan_id, field, level)
);

create table duplicate_candidate (
    id           uuid primary key,
    person_a     uuid not null references person (id) on delete cascade,
    person_b     uuid not null references person (id) on delete cascade,
    scan_id      uuid not null references duplicate_scan (id),
    found_at     timestamptz not null,
    probability  double precision not null check (probability between 0 and 1),
    score        double precision not null,
    -- per field of the scan, in its order: the level reached and the weight it added
    levels       text[] not null,
    weights      double precision[] not null,
    status       text not null check (status in ('PENDING', 'MERGED', 'REJECTED')),
    decided_by   uuid,
    decided_at   timestamptz,
    unique (person_a, person_b),
    check (person_a < person_b),
    check ((status = 'PENDING') = (decided_at is null)),
    check ((decided_at is null) = (decided_by is null))
);

create index duplicate_candidate_pending on duplicate_candidate (probability desc, id) where status = 'PENDING';
create index duplicate_candidate_person_b on duplicate_candidate (person_b);

-- One scan at a time.
create unique index duplicate_scan_one_running on duplicate_scan ((true)) where status = 'RUNNING';
