-- Erasures nobody asked for: when the retention period of a person's record ends, the retention job
-- erases it by itself. Such an erasure has no user to name, so erased_by is left empty rather than
-- filled with a made-up "system" user that would have to exist, or be kept out of, the user accounts.
-- Only the reason RETENTION_ENDED may lack a user: every other erasure still names who carried it out.
alter table erasure alter column erased_by drop not null;
alter table erasure add constraint erasure_names_who_erased check (erased_by is not null or reason = 'RETENTION_ENDED');

-- Retention finds the erasures whose own period has ended.
create index erasure_erased_at on erasure (erased_at);
