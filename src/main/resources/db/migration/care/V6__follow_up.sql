-- Follow-up programmes: a person enrolled in pregnancy follow-up, mental-health follow-up, chronic
-- disease care or care after sexual violence, followed by a site, with the next visit due.
create sequence follow_up_change_seq;

create table follow_up (
    id              uuid primary key,
    person_id       uuid not null,
    site_id         uuid not null,
    programme       text not null check (programme in ('PREGNANCY', 'MENTAL_HEALTH', 'CHRONIC', 'SGBV')),
    compartment     text not null check (compartment in ('GENERAL', 'MENTAL_HEALTH', 'SGBV', 'LEGAL')),
    started_on      date not null,
    last_visit_on   date,
    next_visit_on   date,
    due_date        date,          -- pregnancy: expected date of delivery
    condition_code  text check (condition_code ~ '^[A-Z][0-9]{2}(\.[0-9A-Z]{1,2})?$'), -- chronic care: ICD-10
    risk_flags      text[] not null default '{}',
    status          text not null default 'ACTIVE' check (status in ('ACTIVE', 'CLOSED')),
    closed_on       date,
    closed_reason   text check (closed_reason in
                        ('COMPLETED', 'DELIVERED', 'TRANSFERRED', 'LOST_TO_FOLLOW_UP', 'DIED', 'OTHER')),
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    created_by      uuid,
    updated_by      uuid,
    change_seq      bigint not null default nextval('follow_up_change_seq'),
    merged_from     uuid,
    check ((status = 'CLOSED') = (closed_on is not null and closed_reason is not null))
);

-- One active follow-up per person and programme.
create unique index follow_up_active on follow_up (person_id, programme) where status = 'ACTIVE';
create index follow_up_due on follow_up (site_id, next_visit_on) where status = 'ACTIVE';
create index follow_up_person on follow_up (person_id);

create trigger follow_up_change before update on follow_up for each row execute function next_change();
