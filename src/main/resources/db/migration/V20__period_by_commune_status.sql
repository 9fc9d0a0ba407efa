-- A turn reads its commune's open periods (all reports at once) and, for the outlier check, the last closed
-- period before the open one: both by commune and status, newest first, so neither reads the commune's history.
create index ix_period_commune_status on reporting_period (commune_code, status, starts_on);
