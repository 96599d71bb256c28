-- Each site that saw a person for a consultation has them in care (people.person_site), as every
-- consultation recorded since tells the people module. This fills it for consultations recorded
-- before that table existed; it was done by the people module's own migration, which should read
-- no other module's schema. Running it again changes nothing.
insert into people.person_site (person_id, site_id, first_contact_on, last_contact_on)
select e.person_id, e.site_id, min(e.occurred_on), max(e.occurred_on)
from encounter e
where e.person_id in (select id from people.person)
group by e.person_id, e.site_id
on conflict (person_id, site_id) do update
    set first_contact_on = least(people.person_site.first_contact_on, excluded.first_contact_on),
        last_contact_on = greatest(people.person_site.last_contact_on, excluded.last_contact_on);
