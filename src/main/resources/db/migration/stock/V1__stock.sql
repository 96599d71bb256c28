-- Stock: the places goods are kept (each at a site), an append-only ledger of every movement of an
-- item's lot in or out of a place, and the balance of each lot at each place that the ledger
-- implies, kept in the same transaction as each movement. The catalogue of items is data read at
-- startup (resource files), so items are named here by their stable code.
create sequence location_change_seq;
create sequence movement_change_seq;
create sequence distribution_change_seq;

create table location (
    id          uuid primary key,
    site_id     uuid not null,
    kind        text not null check (kind in ('WAREHOUSE', 'PHARMACY', 'MOBILE_BAG', 'SHELTER_STORE')),
    name        text not null check (length(name) between 1 and 80),
    version     bigint not null default 1,
    change_seq  bigint not null default nextval('location_change_seq'),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    created_by  uuid not null,
    updated_by  uuid not null,
    deleted_at  timestamptz
);

create index location_site on location (site_id);
create unique index location_name_at_site on location (site_id, lower(name)) where deleted_at is null;

-- One line of the ledger: a signed quantity of one lot of one item at one place. A request from a
-- client (an operation, with the client's id) writes one or more lines: a transfer writes its
-- line out and its line in, a dispensing taken from two lots writes two lines. Lines are never
-- changed nor removed (see the trigger below); a mistake is corrected by an adjustment.
create table movement (
    id               uuid primary key,
    operation_id     uuid not null,
    line             smallint not null check (line >= 0),
    kind             text not null check (kind in ('RECEIPT', 'TRANSFER_OUT', 'TRANSFER_IN', 'DISPENSING',
                                                   'DISTRIBUTION', 'LOSS', 'EXPIRY', 'ADJUSTMENT',
                                                   'INVENTORY_COUNT')),
    location_id      uuid not null references location (id),
    site_id          uuid not null,
    item_code        text not null,
    lot              text not null,
    expires_on       date,
    quantity         integer not null,
    counted          integer check (counted >= 0),
    other_location_id uuid references location (id),
    encounter_id     uuid,
    prescription_line smallint,
    distribution_id  uuid,
    reason           text check (length(reason) <= 200),
    occurred_at      timestamptz not null,
    recorded_at      timestamptz not null,
    recorded_by      uuid not null,
    version          bigint not null default 1,
    change_seq       bigint not null default nextval('movement_change_seq'),
    unique (operation_id, line),
    check (case
             when kind in ('RECEIPT', 'TRANSFER_IN') then quantity > 0
             when kind in ('TRANSFER_OUT', 'DISPENSING', 'DISTRIBUTION', 'LOSS', 'EXPIRY') then quantity < 0
             when kind = 'ADJUSTMENT' then quantity <> 0
             else counted is not null
           end)
);

create index movement_place on movement (location_id, item_code, occurred_at);
create index movement_change on movement (change_seq);
create index movement_encounter on movement (encounter_id) where encounter_id is not null;
create index movement_distribution on movement (distribution_id) where distribution_id is not null;

create function refuse_movement_change() returns trigger language plpgsql as $$
begin
    raise exception 'stock movements are append-only: % refused', tg_op using errcode = 'P0001';
end;
$$;

create trigger movement_append_only
    before update or delete on movement
    for each row execute function refuse_movement_change();

create trigger movement_no_truncate
    before truncate on movement
    for each statement execute function refuse_movement_change();

-- What the ledger implies for each lot at each place, kept by the same transaction as each line;
-- never below zero. The ledger is the truth: the balance is the sum of its lines.
create table balance (
    location_id  uuid not null references location (id),
    item_code    text not null,
    lot          text not null,
    expires_on   date,
    quantity     integer not null check (quantity >= 0),
    updated_at   timestamptz not null,
    primary key (location_id, item_code, lot)
);

-- A distribution of goods to a person (general compartment: what they received, never why) or
-- to a group counted by sex and age group without names. Its lines are movements of its id.
create table distribution (
    id           uuid primary key,
    location_id  uuid not null references location (id),
    site_id      uuid not null,
    person_id    uuid,
    occurred_at  timestamptz not null,
    version      bigint not null default 1,
    change_seq   bigint not null default nextval('distribution_change_seq'),
    created_at   timestamptz not null default now(),
    created_by   uuid not null,
    deleted_at   timestamptz
);

create index distribution_person on distribution (person_id, occurred_at) where person_id is not null;
create index distribution_change on distribution (change_seq);

create table distribution_count (
    distribution_id uuid not null references distribution (id),
    sex             text not null check (sex in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    age_group       text not null check (age_group in ('00-04', '05-14', '15-17', '18+', 'UNKNOWN')),
    people          integer not null check (people between 1 and 10000),
    primary key (distribution_id, sex, age_group)
);
