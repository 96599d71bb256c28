-- The cases of each disease counted by site, place (the outreach location, else the site), day of
-- onset and classification, kept by the database in the transaction of every change to a case
-- (recorded, reclassified, moved to another day, removed by its tombstone, deleted by retention), so
-- that the epidemic curve and the alerts read a few thousand counts instead of every case of the line
-- list: at 200,000 cases the curve grouped all of them on every read.
create table case_day_count (
    disease         text not null,
    site_id         uuid not null,
    onset_on        date not null,
    classification  text not null,
    place_id        uuid not null,
    cases           integer not null check (cases >= 0),
    primary key (disease, site_id, onset_on, classification, place_id)
);

create function count_case_day() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null then
        update outbreaks.case_day_count set cases = cases - 1
         where disease = old.disease and site_id = old.site_id and onset_on = old.onset_on
           and classification = old.classification
           and place_id = coalesce(old.outreach_location_id, old.site_id);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null then
        insert into outbreaks.case_day_count (disease, site_id, onset_on, classification, place_id, cases)
        values (new.disease, new.site_id, new.onset_on, new.classification,
                coalesce(new.outreach_location_id, new.site_id), 1)
        on conflict (disease, site_id, onset_on, classification, place_id)
        do update set cases = outbreaks.case_day_count.cases + 1;
    end if;
    return null;
end;
$$;

create trigger outbreak_case_counted after insert or delete on outbreak_case
    for each row execute function count_case_day();
create trigger outbreak_case_recounted after update on outbreak_case
    for each row
    when ((old.disease, old.site_id, old.outreach_location_id, old.onset_on, old.classification, old.deleted_at is null)
          is distinct from
          (new.disease, new.site_id, new.outreach_location_id, new.onset_on, new.classification, new.deleted_at is null))
    execute function count_case_day();

insert into case_day_count (disease, site_id, onset_on, classification, place_id, cases)
select disease, site_id, onset_on, classification, coalesce(outreach_location_id, site_id), count(*)
  from outbreak_case
 where deleted_at is null
 group by 1, 2, 3, 4, 5;
