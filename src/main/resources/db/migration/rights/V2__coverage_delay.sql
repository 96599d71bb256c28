-- Facts for "time from first visit to coverage": each person's first coverage obtained (AME, PUMa,
-- CSS granted), on its day and at the site that recorded it, with the days since the person's first
-- signed consultation anywhere (null when the coverage came before any consultation).
create view coverage_delay_fact as
select g.site_id, g.occurred_on, g.person_id as person_key,
       (g.occurred_on - (select min(e.occurred_on)
                           from care.encounter e
                          where e.person_id = g.person_id and e.status = 'SIGNED' and e.deleted_at is null
                            and e.occurred_on <= g.occurred_on)) as days_to_coverage
  from (select distinct on (s.person_id) s.person_id, s.site_id, s.occurred_on
          from rights.rights_step s
         where s.deleted_at is null and s.kind in ('AME_GRANTED', 'PUMA_GRANTED', 'CSS_GRANTED')
         order by s.person_id, s.occurred_on, s.created_at) g;
