-- The office's one tap under a period's proposal opens the period once: the first tap (of two admins, a double tap, or
-- two instances) claims the proposal's row by setting opened_at where it is still null; every later tap finds it set.
alter table period_proposal add column opened_at timestamp(6) with time zone;
alter table period_proposal add column opened_by bigint;
