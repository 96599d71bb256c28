-- Entries wait for the sealer in audit_pending. A line written alone queues itself as before; a batch
-- of lines written in one statement (a device's push or pull, an import: hundreds of lines in one
-- COPY) is queued by one insert for the statement, not by one trigger call and insert per line.
drop trigger audit_event_pending on audit_event;
drop function queue_for_sealing();

create function queue_inserted_for_sealing() returns trigger language plpgsql
    set search_path = audit, pg_catalog as $$
begin
    insert into audit.audit_pending (event_id) select id from inserted;
    return null;
end;
$$;

create trigger audit_event_pending after insert on audit_event
    referencing new table as inserted
    for each statement execute function queue_inserted_for_sealing();
