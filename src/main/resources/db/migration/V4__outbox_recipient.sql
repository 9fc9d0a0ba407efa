-- Outgoing messages are addressed to a member (the channel edge finds the chat when it sends), or, for a person
-- the bot does not know yet, to a channel address. Waiting messages keep the chat they were written for.
alter table outbox_message add column member_id bigint;
alter table outbox_message add column channel varchar(20);
alter table outbox_message add column address varchar(100);
update outbox_message set channel = 'telegram', address = cast(chat_id as varchar(100));
alter table outbox_message drop column chat_id;
