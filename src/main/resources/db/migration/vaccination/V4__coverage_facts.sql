-- Facts for the coverage indicators (declared in reporting/indicators/vaccination.json): the people a
-- campaign aims to reach at each site and age group, dated on the campaign's first day, the
-- denominator of coverage whose numerator is the persons vaccinated in campaigns (dose_fact) and the
-- doses counted without names (tally_fact).
create view campaign_target_fact as
select t.site_id, c.starts_on as occurred_on, c.vaccine_code, t.campaign_id, t.age_group, t.people as attendees
  from campaign_target t
  join campaign c on c.id = t.campaign_id
 where c.deleted_at is null;
