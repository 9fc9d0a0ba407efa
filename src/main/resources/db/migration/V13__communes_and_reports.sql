-- Many communes and reports in one deployment. Every row already names its commune (and a period its report), so the
-- data of a single-commune deployment stays as it is; what is new is what a person chose to act for.

-- The report a member acts in when their department owes several at once. A member who was in the middle of a period
-- keeps acting in that period's report.
alter table member add column report_code varchar(40);
update member set report_code = (select p.report_code from conversation_state s
                                   join reporting_period p on p.id = s.period_id
                                  where s.member_id = member.id);

-- Which membership a person (one identity on one channel) acts for when they have several: two communes, two
-- departments. One row per person; nothing is chosen for anyone until they choose.
create table acting_membership (
    channel     varchar(20)  not null,
    user_ref    varchar(100) not null,
    member_id   bigint       not null references member (id),
    chosen_at   timestamp(6) with time zone not null,
    primary key (channel, user_ref)
);
