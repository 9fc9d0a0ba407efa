-- The hot queries of a turn, on a province's worth of data, with their plans (docs/QUERY_PLANS.md).
-- Run on an empty database the application has migrated (Flyway), e.g.:
--   psql -h 127.0.0.1 -p 5433 -U postgres -d plans -f docs/postgresql/plans.sql
-- 40 communes, 10 periods each, 240 answers a period (96,000 answers, two changes each), 2,000 members,
-- 1,000,000 processed updates and 500,000 sent messages, 50 still waiting.
\set ON_ERROR_STOP on
truncate answer_change, answer, submission, submission_event, reminder_log, conversation_state, member_identity,
         invite, outbox_message, processed_delivery, reporting_period, member restart identity cascade;

insert into reporting_period (commune_code, report_code, period_key, starts_on, ends_on, deadline, status, opened_at)
select 'xa-' || c, 'cchc', (2021 + p / 2) || '-H' || (p % 2 + 1),
       date '2021-01-01' + (p * 182), date '2021-01-01' + (p * 182 + 181), timestamptz '2021-06-18' + (p * 182) * interval '1 day',
       case when p = 9 then 'OPEN' else 'CLOSED' end, now()
from generate_series(1, 40) c, generate_series(0, 9) p;

insert into member (commune_code, display_name, department_code, office_admin, active, created_at)
select 'xa-' || (m % 40 + 1), 'Người ' || m, (array['kinh-te','van-phong','van-hoa-xa-hoi','trung-tam-hcc'])[m % 4 + 1], m % 50 = 0, true, now()
from generate_series(1, 2000) m;
insert into member_identity (member_id, channel, user_ref, address, unreachable)
select id, 'telegram', cast(100000 + id as varchar), cast(100000 + id as varchar), false from member;
insert into conversation_state (member_id, mode, updated_at) select id, 'ANSWERING', now() from member;

insert into answer (period_id, question_id, department_code, value_number, skipped, updated_by, updated_at)
select rp.id, 'q' || q, (array['kinh-te','van-phong','van-hoa-xa-hoi','trung-tam-hcc'])[q % 4 + 1], q * 10, false, 1, now()
from reporting_period rp, generate_series(1, 240) q;
insert into answer_change (answer_id, period_id, question_id, old_value, new_value, changed_by, changed_at)
select a.id, a.period_id, a.question_id, null, '1', 1, now() from answer a, generate_series(1, 2);
insert into submission (period_id, department_code, status, submitted_by, submitted_at)
select rp.id, d, 'SUBMITTED', 1, now() from reporting_period rp,
       unnest(array['kinh-te','van-phong','van-hoa-xa-hoi','trung-tam-hcc']) d;

insert into processed_delivery (channel, delivery_id, processed_at)
select 'telegram', cast(u as varchar), now() from generate_series(1, 1000000) u;
insert into outbox_message (member_id, recipient_key, text, created_at, sent_at, outcome, sent_channel, sent_ref)
select o % 2000 + 1, 'member:' || (o % 2000 + 1), 'Đã lưu', now(), now(), 'SENT', 'telegram', (100000 + o % 2000 + 1) || ':' || o
from generate_series(1, 500000) o;
insert into outbox_message (member_id, recipient_key, text, created_at)
select o % 2000 + 1, 'member:' || (o % 2000 + 1), '⏰ Nhắc', now() from generate_series(1, 50) o;
analyze;

\echo '--- an update is claimed once (ProcessedDelivery)'
explain (analyze, costs off, timing off, summary off)
select count(*) from processed_delivery pd1_0 where pd1_0.channel = 'telegram' and pd1_0.delivery_id = '777777';
\echo '--- who wrote (AccessService.recognise)'
explain (analyze, costs off, timing off, summary off)
select mi1_0.id, mi1_0.member_id from member_identity mi1_0 where mi1_0.channel = 'telegram' and mi1_0.user_ref = '100777' order by mi1_0.id;
\echo '--- where they are (ConversationState)'
explain (analyze, costs off, timing off, summary off)
select * from conversation_state cs1_0 where cs1_0.member_id = 777;
\echo '--- the commune''s open period'
explain (analyze, costs off, timing off, summary off)
select * from reporting_period rp1_0 where rp1_0.commune_code = 'xa-17' and rp1_0.report_code = 'cchc' and rp1_0.status = 'OPEN'
order by rp1_0.starts_on desc fetch first 1 rows only;
\echo '--- one answer'
explain (analyze, costs off, timing off, summary off)
select * from answer a1_0 where a1_0.period_id = 170 and a1_0.question_id = 'q77';
\echo '--- a department''s part is submitted?'
explain (analyze, costs off, timing off, summary off)
select * from submission s1_0 where s1_0.period_id = 170 and s1_0.department_code = 'kinh-te';
\echo '--- a department''s answers (review, progress)'
explain (analyze, costs off, timing off, summary off)
select * from answer a1_0 where a1_0.period_id = 170 and a1_0.department_code = 'kinh-te';
\echo '--- a period''s progress: submissions of the period'
explain (analyze, costs off, timing off, summary off)
select * from submission s1_0 where s1_0.period_id = 170;
\echo '--- an answer''s history'
explain (analyze, costs off, timing off, summary off)
select * from answer_change where answer_id = 40000;
\echo '--- does this person have a message waiting? (Outbox.record)'
explain (analyze, costs off, timing off, summary off)
select id, recipient_key from outbox_message where sent_at is null and recipient_key in ('member:777');
\echo '--- the message a reply answers (Outbox.topicOf)'
explain (analyze, costs off, timing off, summary off)
select topic from outbox_message where sent_channel = 'telegram' and sent_ref = '100778:776' fetch first 1 rows only;
\echo '--- the drainer''s next messages, one per recipient'
explain (analyze, costs off, timing off, summary off)
select om1_0.id from outbox_message om1_0 where om1_0.sent_at is null and (om1_0.claimed_until is null or om1_0.claimed_until < now())
and not exists (select om2_0.id from outbox_message om2_0 where om2_0.recipient_key = om1_0.recipient_key and om2_0.sent_at is null
  and (om2_0.id < om1_0.id or (om2_0.claimed_by is not null and om2_0.claimed_until >= now()))) order by om1_0.id fetch first 50 rows only;
