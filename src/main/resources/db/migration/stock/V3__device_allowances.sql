-- A device's allowance: goods of a place (a mobile clinic's bag) set aside for one enrolled device,
-- so that what the devices of a team hand out without network can never exceed what the place
-- holds. An allowance is kept as a place of its own beside its place (same site, same name), so
-- that its lots, its balance and its ledger lines follow the same rules as any place's: never below
-- zero, written once. Goods go in and back out by allowance movements, which are not consumption.
-- Kits assembled at a place: their components go out (KIT_OUT) and the kits come in (KIT_IN), in one
-- operation.
alter table location add column parent_id uuid references location (id);
alter table location add column device_id uuid;
alter table location add column change_xid xid8 not null default pg_current_xact_id();
alter table location add constraint location_allowance check ((parent_id is null) = (device_id is null));

drop index location_name_at_site;
create unique index location_name_at_site on location (site_id, lower(name))
    where deleted_at is null and device_id is null;
create unique index location_allowance_of_device on location (parent_id, device_id) where deleted_at is null;
create index location_sync on location (change_xid, change_seq);

create function next_change_xid() returns trigger language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id();
    return new;
end;
$$;

create trigger location_change_xid before update on location
    for each row execute function next_change_xid();

alter table movement drop constraint movement_kind_check;
alter table movement add constraint movement_kind_check
    check (kind in ('RECEIPT', 'TRANSFER_OUT', 'TRANSFER_IN', 'DISPENSING', 'DISTRIBUTION', 'LOSS', 'EXPIRY',
                    'ADJUSTMENT', 'INVENTORY_COUNT', 'ALLOWANCE_OUT', 'ALLOWANCE_IN', 'KIT_OUT', 'KIT_IN'));
alter table movement drop constraint movement_check;
alter table movement add constraint movement_check
    check (case
             when kind in ('RECEIPT', 'TRANSFER_IN', 'ALLOWANCE_IN', 'KIT_IN') then quantity > 0
             when kind in ('TRANSFER_OUT', 'DISPENSING', 'DISTRIBUTION', 'LOSS', 'EXPIRY', 'ALLOWANCE_OUT', 'KIT_OUT')
                 then quantity < 0
             when kind = 'ADJUSTMENT' then quantity <> 0
             else counted is not null
           end);

-- A place is out of stock of an item when neither it nor the allowances set aside from it hold any.
create or replace view stockout_day_fact as
with daily as (
    select m.site_id, coalesce(l.parent_id, m.location_id) as location_id, m.item_code,
           (m.occurred_at at time zone 'UTC')::date as day, sum(m.quantity) as change
      from movement m
      join location l on l.id = m.location_id
     group by m.site_id, coalesce(l.parent_id, m.location_id), m.item_code, (m.occurred_at at time zone 'UTC')::date
), running as (
    select site_id, location_id, item_code, day,
           sum(change) over (partition by site_id, location_id, item_code order by day) as closing,
           lead(day) over (partition by site_id, location_id, item_code order by day) as next_day
      from daily
)
select r.site_id, day.day::date as occurred_on, r.location_id, r.item_code
  from running r
 cross join lateral generate_series(r.day, coalesce(r.next_day - 1, current_date), interval '1 day') as day (day)
 where r.closing = 0;
