-- Consultations of every discipline. Free texts are sealed with the person's own key.
create sequence encounter_change_seq;

create table encounter (
    id             uuid primary key,
    person_id      uuid not null,
    site_id        uuid not null,
    discipline     text not null check (discipline in ('MEDICAL', 'NURSING', 'MENTAL_HEALTH', 'SOCIAL', 'LEGAL')),
    occurred_on    date not null,
    provider_id    uuid not null,
    provider_name  text not null,
    note           bytea, -- sealed with the person's key
    diagnosis      bytea, -- sealed with the person's key
    interpreter    boolean not null default false,
    language       text,
    status         text not null default 'SIGNED' check (status in ('DRAFT', 'SIGNED')),
    version        bigint not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    created_by     uuid,
    updated_by     uuid,
    change_seq     bigint not null default nextval('encounter_change_seq'),
    deleted_at     timestamptz
);

create index encounter_person on encounter (person_id, occurred_on desc);
create index encounter_site_month on encounter (site_id, occurred_on);
create index encounter_change on encounter (change_seq);

create function next_change() returns trigger language plpgsql as $$
begin
    new.change_seq := nextval(tg_table_schema || '.' || tg_table_name || '_change_seq');
    return new;
end;
$$;

create trigger encounter_change before update on encounter for each row execute function next_change();
