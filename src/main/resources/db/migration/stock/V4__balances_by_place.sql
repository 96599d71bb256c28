-- A place's balances, read in the order they are shown (item, then first expiring first, then lot),
-- from the index alone: the rows of a place's lots are scattered over the table as goods arrive, so
-- reading them from the table took a page per lot (734 pages for a place of 1,000 lots in a ledger of
-- 10,000,000 movements) and a sort.
create index balance_held on balance (location_id, item_code, expires_on, lot) include (quantity);
