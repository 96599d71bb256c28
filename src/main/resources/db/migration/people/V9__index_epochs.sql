-- The epoch of the index key each name token and match key was computed with: after a rotation of
-- the index key, the persons are indexed again under the new key and the old entries deleted.
alter table person_token add column epoch integer not null default 1;
alter table person_match_key add column epoch integer not null default 1;
