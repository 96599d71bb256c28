-- A vaccine dose given to a person takes its lot out of a place's stock: a movement of its own kind,
-- written under the id of the dose the vaccination module records (its operation id), so that the
-- ledger names the dose and not the person, and counted as the place's consumption like a dispensing.
-- The new checks only widen the old ones, which every line already meets: they are added without
-- reading the whole ledger again ("not valid" applies them to every line written from now on).
alter table movement drop constraint movement_kind_check;
alter table movement add constraint movement_kind_check
    check (kind in ('RECEIPT', 'TRANSFER_OUT', 'TRANSFER_IN', 'DISPENSING', 'DISTRIBUTION', 'LOSS', 'EXPIRY',
                    'ADJUSTMENT', 'INVENTORY_COUNT', 'ALLOWANCE_OUT', 'ALLOWANCE_IN', 'KIT_OUT', 'KIT_IN',
                    'ADMINISTERED')) not valid;
alter table movement drop constraint movement_check;
alter table movement add constraint movement_check
    check (case
             when kind in ('RECEIPT', 'TRANSFER_IN', 'ALLOWANCE_IN', 'KIT_IN') then quantity > 0
             when kind in ('TRANSFER_OUT', 'DISPENSING', 'DISTRIBUTION', 'LOSS', 'EXPIRY', 'ALLOWANCE_OUT', 'KIT_OUT',
                           'ADMINISTERED')
                 then quantity < 0
             when kind = 'ADJUSTMENT' then quantity <> 0
             else counted is not null
           end) not valid;
