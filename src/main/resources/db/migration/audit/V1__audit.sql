-- Append-only record of who did what to which record, from where. Holds no personal data:
-- records are named by type and id, never by content, and search terms are not kept.
create table audit_event (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null default clock_timestamp(),
    actor_id     uuid,
    actor_name   text not null,
    action       text not null,
    record_type  text,
    record_id    uuid,
    site_id      uuid,
    outcome      text not null default 'SUCCESS'
);

create index audit_event_record on audit_event (record_id, occurred_at desc) where record_id is not null;
create index audit_event_actor on audit_event (actor_id, occurred_at desc);

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only' using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function refuse_change();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function refuse_change();
