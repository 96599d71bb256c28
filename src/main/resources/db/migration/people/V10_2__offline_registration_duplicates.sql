-- A registration pushed by a device that worked offline is compared with the registry when it
-- arrives; the likely duplicates join the review queue without a scan, marked as registered offline
-- (on which device, when the device named itself).
alter table duplicate_candidate
    alter column scan_id drop not null,
    add column registered_offline boolean not null default false,
    add column offline_device_id uuid,
    add column reason_fields text[];
