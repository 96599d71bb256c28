-- The sites where each person is in care: where they were registered and every site that has
-- seen them since. A user's site scope reaches a person's file through this table, and the last
-- contact tells retention when a person has not been seen for long.
create table person_site (
    person_id         uuid not null references person (id) on delete cascade,
    site_id           uuid not null,
    first_contact_on  date not null,
    last_contact_on   date not null,
    primary key (person_id, site_id),
    check (last_contact_on >= first_contact_on)
);

create index person_site_site on person_site (site_id, person_id);

insert into person_site (person_id, site_id, first_contact_on, last_contact_on)
select id, registered_site_id, created_at::date, greatest(created_at, updated_at)::date from person;

-- Installations that already hold consultations: each site that saw a person has them in care.
do $$
begin
    if to_regclass('care.encounter') is not null then
        insert into person_site (person_id, site_id, first_contact_on, last_contact_on)
        select e.person_id, e.site_id, min(e.occurred_on), max(e.occurred_on)
        from care.encounter e join person p on p.id = e.person_id
        group by e.person_id, e.site_id
        on conflict (person_id, site_id) do update
            set first_contact_on = least(person_site.first_contact_on, excluded.first_contact_on),
                last_contact_on = greatest(person_site.last_contact_on, excluded.last_contact_on);
    end if;
end;
$$;
