-- The office console's one-time form tokens (a form sent twice acts once), kept here instead of in one process's
-- memory, so that a page served by one instance may be sent to another. Only the SHA-256 of a token is kept (hex),
-- as for sessions and login links; a token is spent by deleting its row, which one request only can do.
create table console_form_token (
    token_hash  varchar(64)  not null primary key,
    member_id   bigint       not null,
    expires_at  timestamp(6) with time zone not null
);
create index ix_console_form_token_expiry on console_form_token (expires_at);
