-- The additive cells are kept by difference, as the tallies are: a change takes away the part of
-- the facts it touches as they were and adds it as they are now, instead of counting again every
-- site-month those facts fall in. Each cell is therefore one row.
create unique index additive_month_cell
    on additive_month (source, site_id, month, sex, age_group, discipline, visit) nulls not distinct;
