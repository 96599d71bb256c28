-- Referrals made from the "referred-to" answer of a signed consultation: at most one per
-- consultation, so turning the same answer into a referral twice gives back the first.
alter table referrals.referral add column from_answer boolean not null default false;
create unique index referral_from_answer on referrals.referral (encounter_id) where from_answer;
