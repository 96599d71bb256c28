-- A scan may also use the hand-set m with the u measured on the registry, when EM cannot estimate m.
alter table duplicate_scan drop constraint duplicate_scan_model_check;
alter table duplicate_scan add constraint duplicate_scan_model_check check (model in ('REGISTRY', 'MEASURED', 'DEFAULT'));
