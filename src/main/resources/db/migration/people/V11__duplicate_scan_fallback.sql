-- Why a scan's weights are not EM's (too few persons, EM did not settle, EM implausible), and how many
-- merges of the review queue there were to learn from; m may now be learnt from those merges.
alter table duplicate_scan add column fallback text
    check (fallback in ('TOO_FEW_PERSONS', 'NOT_CONVERGED', 'IMPLAUSIBLE'));
alter table duplicate_scan add column merges_learnt_from bigint;
alter table duplicate_scan drop constraint duplicate_scan_model_check;
alter table duplicate_scan add constraint duplicate_scan_model_check
    check (model in ('REGISTRY', 'LABELLED', 'MEASURED', 'DEFAULT'));
