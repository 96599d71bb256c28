-- Taking into care at another site: a carer brings a person followed only elsewhere into their own
-- site's care, with a reason and the person's card in front of them. Each such taking into care is
-- listed for review beside the break-the-glass grants, in the same table; it opens nothing by
-- itself (it expires as it is made), the site's care does.
alter table emergency_access add column kind text not null default 'EMERGENCY'
    check (kind in ('EMERGENCY', 'TAKEN_INTO_CARE'));

do $$
declare
    expiry text;
begin
    select conname into expiry from pg_constraint
     where conrelid = 'emergency_access'::regclass and contype = 'c'
       and pg_get_constraintdef(oid) like '%expires_at > granted_at%';
    execute format('alter table emergency_access drop constraint %I', expiry);
end;
$$;

alter table emergency_access add constraint emergency_access_expiry
    check (expires_at > granted_at or (kind = 'TAKEN_INTO_CARE' and expires_at = granted_at));
