-- Each consultation lives in a compartment that decides who may read it: mental-health and legal
-- consultations in their own, sexual-violence care in its own whatever the discipline, the rest in
-- the general compartment the care team shares.
alter table encounter add column compartment text;

update encounter
   set compartment = case discipline
                         when 'MENTAL_HEALTH' then 'MENTAL_HEALTH'
                         when 'LEGAL' then 'LEGAL'
                         else 'GENERAL'
                     end;

alter table encounter
    alter column compartment set not null,
    add constraint encounter_compartment check (compartment in ('GENERAL', 'MENTAL_HEALTH', 'SGBV', 'LEGAL'));
