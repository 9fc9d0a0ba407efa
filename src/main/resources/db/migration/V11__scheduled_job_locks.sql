-- ShedLock's table: one row per scheduled job (reminders, clean-ups). An instance runs a job only after taking its
-- row until lock_until, so with several instances on this database each job runs on one of them at a time.
-- Times are the database's own (ShedLock's usingDbTime: UTC on PostgreSQL, CURRENT_TIMESTAMP on H2), so the
-- instances' clocks need not agree.
create table shedlock (
    name        varchar(64)  not null primary key,
    lock_until  timestamp(3) not null,
    locked_at   timestamp(3) not null,
    locked_by   varchar(255) not null
);
