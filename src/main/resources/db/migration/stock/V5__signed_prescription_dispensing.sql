-- What signing a consultation with a prescription asked of the stock, when the clinician named the
-- place to hand it out from: for each line, the ledger's operation that dispensed it, or why it was
-- not dispensed (the problem's code, and what the place held of the item then). One row per line of
-- a consultation, written in the signing transaction; a row is never changed. The lines name the
-- consultation, not the person, as the ledger's do. Not pulled by devices: the outcome of an online
-- signing, read with the consultation.
create table prescription_dispensing (
    encounter_id  uuid not null,
    line          smallint not null check (line >= 0),
    location_id   uuid not null references location (id),
    item_code     text not null,
    quantity      integer not null check (quantity >= 0),
    operation_id  uuid,
    refusal       text check (length(refusal) <= 60),
    held          integer check (held >= 0),
    recorded_at   timestamptz not null,
    recorded_by   uuid not null,
    primary key (encounter_id, line),
    check ((operation_id is null) <> (refusal is null))
);
