-- Every message that must reach a person goes through the outbox, written in the transaction that decided it:
-- replies, notices, files. A row keeps whom it is for as one key (a recipient's messages go out one at a time, in
-- id order), what it asks about (topic), a file when it carries one (dropped once sent), and, once sent, the
-- channel's reference of the message (Telegram: "chat:message"), so that a reply to it can be matched to its topic.
-- bytea is binary varying in H2 (up to 1 GB) and bytea in PostgreSQL.
alter table outbox_message add column recipient_key varchar(140);
update outbox_message set recipient_key = case when member_id is not null then 'member:' || cast(member_id as varchar(20))
                                               else channel || ':' || address end;
alter table outbox_message alter column recipient_key set not null;
alter table outbox_message add column topic varchar(200);
alter table outbox_message add column attachment_name varchar(255);
alter table outbox_message add column attachment bytea;
alter table outbox_message add column sent_channel varchar(20);
alter table outbox_message add column sent_ref varchar(100);

-- Waiting messages are found through ix_outbox_pending (sent_at, id): few rows have no sent_at. The sent
-- reference is looked up when a person replies to a message of the bot.
create index ix_outbox_sent_ref on outbox_message (sent_channel, sent_ref);
