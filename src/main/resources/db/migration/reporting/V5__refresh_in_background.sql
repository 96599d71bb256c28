-- The facts are brought up to date in the background, batch by batch, while reports read what is
-- there. They follow each source by (transaction, change number), as devices do (see people's sync
-- horizon migration): a change number alone can be skipped by a transaction that took it early and
-- commits late. A batch takes the next changes of transactions older than every one still running.
alter table refresh_state add column last_xid xid8 not null default '0';

-- Carried over from the change number: every change up to last_seq was counted, so start just before
-- the oldest transaction holding a change after it (changes counted again are harmless: a person's
-- facts are rebuilt, their part in the roll-ups taken away and added back).
update refresh_state r
   set last_xid = coalesce(
           (select (min(e.change_xid)::text::numeric - 1)::text::xid8 from care.encounter e where e.change_seq > r.last_seq),
           (select max(e.change_xid) from care.encounter e), '0'),
       last_seq = 9223372036854775807
 where r.source = 'care.encounter' and r.last_seq > 0;

update refresh_state r
   set last_xid = coalesce(
           (select (min(p.change_xid)::text::numeric - 1)::text::xid8 from people.person p where p.change_seq > r.last_seq),
           (select max(p.change_xid) from people.person p), '0'),
       last_seq = 9223372036854775807
 where r.source = 'people.person' and r.last_seq > 0;

-- Where the background work stands, for reports (how fresh their figures are) and administrators
-- (progress), and what it measured: the cost of a change folded in and of a full rebuild, which
-- decide between the two.
create table refresh_progress (
    id                   integer primary key check (id = 1),
    caught_up_at         timestamptz,          -- every change made before this was counted
    phase                text not null default 'IDLE' check (phase in ('IDLE', 'CATCHING_UP', 'REBUILDING')),
    step                 text,                 -- during a rebuild: FACTS, REGISTRATIONS, ROLLUPS
    run_started_at       timestamptz,
    run_total            bigint not null default 0,   -- changes pending when the run started
    run_done             bigint not null default 0,
    last_batch_changes   bigint not null default 0,
    last_batch_ms        bigint not null default 0,
    micros_per_change    double precision,     -- measured on batches folded in
    micros_per_row       double precision,     -- measured on the last rebuild, per consultation and person
    rebuilt_at           timestamptz,
    rebuild_ms           bigint
);

insert into refresh_progress (id, caught_up_at) values (1, null);
