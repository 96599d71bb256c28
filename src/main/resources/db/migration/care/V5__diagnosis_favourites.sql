-- The diagnoses each site codes most, listed first when its clinicians look for a diagnosis.
-- Codes are checked against the ICD-10 catalogue by the application; the table only keeps their form.
create table diagnosis_favourite (
    site_id   uuid not null,
    code      text not null check (code ~ '^[A-Z][0-9]{2}(\.[0-9A-Z]{1,2})?$'),
    position  integer not null check (position >= 0),
    added_at  timestamptz not null default now(),
    added_by  uuid not null,
    primary key (site_id, code)
);

create index diagnosis_favourite_order on diagnosis_favourite (site_id, position);
