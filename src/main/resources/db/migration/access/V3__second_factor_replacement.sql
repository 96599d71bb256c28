-- A user moving to a new authenticator app: the new secret (encrypted like the current one) waits
-- here until a first code from the new app confirms it; until then the current secret keeps working.
alter table second_factor
    add column replacement_secret     bytea,
    add column replacement_created_at timestamptz;
