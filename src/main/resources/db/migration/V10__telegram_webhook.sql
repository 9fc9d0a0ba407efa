-- Webhook mode. Every update Telegram posts is written here before the application answers 200, so an update
-- Telegram considers delivered survives a crash; workers of every instance then handle them. chat_key groups one
-- chat's updates (an update without a chat has a key of its own): a chat's oldest unhandled update is the only one
-- of that chat that may be taken, so a person's updates are applied in update_id order whichever instance got them.
-- A taken update is held by claimed_by until claimed_until (a lease): one whose instance died is taken again when
-- its lease runs out (handling it twice applies it once: processed_delivery). The body is dropped once handled;
-- handled rows are forgotten after telegram.webhook.keep-handled. 262144 characters: the web's 256 KB body limit.
create table telegram_update (
    update_id     bigint       not null primary key,
    chat_key      varchar(40)  not null,
    body          varchar(262144),
    received_at   timestamp(6) with time zone not null,
    claimed_by    varchar(80),
    claimed_until timestamp(6) with time zone,
    handled_at    timestamp(6) with time zone,
    outcome       varchar(20)
);
create index ix_telegram_update_waiting on telegram_update (handled_at, update_id);
create index ix_telegram_update_chat on telegram_update (chat_key, update_id);

-- The webhook as registered with Telegram, one row: whichever instance holds this row's lock (select ... for update)
-- compares it and Telegram's getWebhookInfo with its own settings and calls setWebhook only when they differ, so
-- several instances starting together register once. The secret is kept as its SHA-256 only.
create table telegram_webhook (
    id              int          not null primary key,
    url             varchar(2048),
    secret_sha256   varchar(64),
    max_connections int,
    allowed_updates varchar(200),
    registered_at   timestamp(6) with time zone,
    registered_by   varchar(80)
);
insert into telegram_webhook (id) values (1);
