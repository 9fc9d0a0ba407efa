-- Issue 14: a warning kept needs a reason. The reason a member gave for keeping a value that breaks a warning rule
-- or moves too far against last period is stored with the change it explains (the answer's history row).
-- Outlier limits are read from report.yaml and need no table.
alter table answer_change add column reason varchar(1000);
