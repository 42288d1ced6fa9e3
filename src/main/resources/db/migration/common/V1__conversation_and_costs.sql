-- Portable across SQLite and PostgreSQL: times are epoch milliseconds (UTC), money is integer nano-USD.

CREATE TABLE messages (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id       VARCHAR(128) NOT NULL,
    channel       VARCHAR(16)  NOT NULL,
    direction     VARCHAR(3)   NOT NULL,            -- IN (from the person) or OUT (from Mnemo)
    text          TEXT         NOT NULL,
    created_at    BIGINT       NOT NULL,
    status        VARCHAR(16)  NOT NULL,            -- IN: UNANSWERED | ANSWERED; OUT: SENT
    in_reply_to   VARCHAR(36),
    route         VARCHAR(16),
    route_reason  VARCHAR(200),
    model         VARCHAR(128),                     -- OUT: the model that wrote it; null for commands and notices
    input_tokens  BIGINT,
    output_tokens BIGINT,
    cost_nanos    BIGINT
);
-- Ids are time-ordered (UUIDv7), so (user_id, id) serves "the last N messages" without a sort.
CREATE INDEX messages_user_id ON messages (user_id, id);
CREATE INDEX messages_unanswered ON messages (status, created_at);

CREATE TABLE model_calls (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id            VARCHAR(128) NOT NULL,
    message_id         VARCHAR(36),
    purpose            VARCHAR(32)  NOT NULL,
    provider           VARCHAR(32)  NOT NULL,
    model              VARCHAR(128) NOT NULL,
    input_tokens       BIGINT       NOT NULL,
    output_tokens      BIGINT       NOT NULL,
    cache_read_tokens  BIGINT       NOT NULL,
    cache_write_tokens BIGINT       NOT NULL,
    cost_nanos         BIGINT,                      -- null: the model had no price (unknown, not free)
    latency_ms         BIGINT       NOT NULL,
    created_at         BIGINT       NOT NULL
);
CREATE INDEX model_calls_user_time ON model_calls (user_id, created_at);

CREATE TABLE budget_alerts (
    user_id    VARCHAR(128) NOT NULL,
    month      VARCHAR(7)   NOT NULL,
    percent    INT          NOT NULL,
    created_at BIGINT       NOT NULL,
    PRIMARY KEY (user_id, month, percent)
);
