-- Distinct persons over a calendar year and over a month, counted ahead for each programme and for
-- the whole organisation: how many persons each indicator counts in total and in each category of
-- its disaggregations. They are kept by taking away a changed person's part as it was and adding
-- it as it is now, so that a programme-year report reads a few hundred rows instead of grouping the
-- persons of a year.
create table person_tally (
    source      text not null,
    period      text not null,   -- a year (2025) or a month (2025-03)
    scope       uuid not null,   -- a programme, or the nil uuid for all the organisation's sites
    indicator   text not null,
    dimension   text not null,   -- TOTAL, SEX, AGE_GROUP, DISCIPLINE, MONTH, SITE, PROGRAMME
    category    text not null,   -- '' for TOTAL
    persons     bigint not null,
    primary key (source, period, scope, indicator, dimension, category)
);

-- The programme of each site as the tallies counted it; a site moved to another programme has the
-- tallies counted again.
create table tally_site (
    site_id       uuid primary key,
    programme_id  uuid not null
);

-- the roll-ups are rebuilt, tallies included, at the next catch-up
update refresh_state set last_seq = 0 where source = 'catalogue';
