-- Pass de ville: care by partner city doctors, pharmacies, labs and radiology paid by the
-- organisation while a person waits for health coverage. Social and legal workers decide who is
-- eligible and issue vouchers (a provider of the directory, a care type, a ceiling in cents, a code
-- the provider reads out over the phone); the providers' claims are entered in integer cents; each
-- programme has a budget. When coverage is granted (AME, PUMa), the open vouchers are closed and
-- the person's care is handed over to ordinary coverage. Amounts are integer cents, never floats.
create sequence pass_eligibility_change_seq;
create sequence pass_voucher_change_seq;
create sequence pass_claim_change_seq;

-- Decisions on a person's eligibility, newest wins; HANDED_OVER is written when coverage is granted.
create table pass_eligibility (
    id              uuid primary key,
    person_id       uuid not null,
    site_id         uuid not null,
    decision        text not null check (decision in ('ELIGIBLE', 'NOT_ELIGIBLE', 'HANDED_OVER')),
    decided_on      date not null,
    merged_from     uuid,
    version         bigint not null default 1,
    change_seq      bigint not null default nextval('pass_eligibility_change_seq'),
    change_xid      xid8 not null default pg_current_xact_id(),
    created_at      timestamptz not null default now(),
    created_by      uuid not null,
    created_by_name text not null,
    deleted_at      timestamptz
);
create index pass_eligibility_person on pass_eligibility (person_id, decided_on desc, created_at desc);
create index pass_eligibility_sync on pass_eligibility (change_xid, change_seq);
create trigger pass_eligibility_change_xid before update on pass_eligibility
    for each row execute function next_change_xid();

create table pass_voucher (
    id              uuid primary key,
    code            text not null unique check (code ~ '^[0-9A-HJKMNP-TV-Z]{8}$'),
    person_id       uuid not null,
    site_id         uuid not null,
    programme_id    uuid not null,
    provider_id     uuid not null, -- a service of the partner directory
    care_type       text not null,
    ceiling_cents   bigint not null check (ceiling_cents > 0),
    issued_on       date not null,
    valid_until     date not null check (valid_until >= issued_on),
    status          text not null default 'OPEN' check (status in ('OPEN', 'USED', 'CANCELLED', 'HANDED_OVER')),
    closed_on       date,
    merged_from     uuid,
    version         bigint not null default 1,
    change_seq      bigint not null default nextval('pass_voucher_change_seq'),
    change_xid      xid8 not null default pg_current_xact_id(),
    created_at      timestamptz not null default now(),
    created_by      uuid not null,
    created_by_name text not null,
    deleted_at      timestamptz
);
create index pass_voucher_person on pass_voucher (person_id, issued_on desc);
create index pass_voucher_programme on pass_voucher (programme_id, status);
create index pass_voucher_sync on pass_voucher (change_xid, change_seq);
create trigger pass_voucher_change_xid before update on pass_voucher
    for each row execute function next_change_xid();

-- A provider's claim on a voucher: what the care cost, in cents, on the day it was given.
create table pass_claim (
    id              uuid primary key,
    voucher_id      uuid not null references pass_voucher (id),
    amount_cents    bigint not null check (amount_cents > 0),
    care_on         date not null,
    invoice_ref     text check (length(invoice_ref) <= 60),
    version         bigint not null default 1,
    change_seq      bigint not null default nextval('pass_claim_change_seq'),
    change_xid      xid8 not null default pg_current_xact_id(),
    created_at      timestamptz not null default now(),
    created_by      uuid not null,
    created_by_name text not null,
    deleted_at      timestamptz
);
create index pass_claim_voucher on pass_claim (voucher_id);
create index pass_claim_sync on pass_claim (change_xid, change_seq);
create trigger pass_claim_change_xid before update on pass_claim
    for each row execute function next_change_xid();

-- The Pass de ville budget of a programme, in cents, set by its coordinators.
create table pass_budget (
    programme_id    uuid primary key,
    amount_cents    bigint not null check (amount_cents >= 0),
    version         bigint not null default 1,
    updated_at      timestamptz not null default now(),
    updated_by      uuid not null
);

-- Facts for the indicator catalogue. Each voucher issued, on its day (person_key: the person).
create view pass_voucher_fact as
select v.site_id, v.issued_on as occurred_on, v.person_id as person_key, v.status, v.care_type,
       exists (select 1 from rights.pass_claim c where c.voucher_id = v.id and c.deleted_at is null) as used
  from rights.pass_voucher v
 where v.deleted_at is null;

-- Each claim, on the day of the care, at the voucher's site; attendees holds the amount in cents
-- (reporting sums that column), person_key the person, so spend per person is the ratio of two figures.
create view pass_claim_fact as
select v.site_id, c.care_on as occurred_on, v.person_id as person_key, c.amount_cents::integer as attendees,
       v.care_type
  from rights.pass_claim c
  join rights.pass_voucher v on v.id = c.voucher_id
 where c.deleted_at is null and v.deleted_at is null;
