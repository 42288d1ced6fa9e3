-- Messages Mnemo sends through a channel (replies on SMS/Discord, reminders, check-ins) and what became of
-- them; web and terminal deliveries wait here (QUEUED) until the person's client collects them.
CREATE TABLE deliveries (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id     VARCHAR(128) NOT NULL,
    channel     VARCHAR(16)  NOT NULL,
    address     VARCHAR(128),
    text        TEXT         NOT NULL,
    kind        VARCHAR(16)  NOT NULL,            -- REPLY | REMINDER | CHECK_IN
    status      VARCHAR(16)  NOT NULL,            -- QUEUED | SENT | DELIVERED | FAILED | COLLECTED (+ provider statuses)
    external_id VARCHAR(64),                      -- e.g. Twilio's MessageSid of the (first) part
    error       VARCHAR(200),
    created_at  BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL
);
CREATE INDEX deliveries_external ON deliveries (external_id);
CREATE INDEX deliveries_inbox ON deliveries (user_id, channel, status);

-- A provider's message id seen once: Twilio retries a webhook it thinks failed; it is answered once.
CREATE TABLE inbound_receipts (
    channel     VARCHAR(16) NOT NULL,
    external_id VARCHAR(64) NOT NULL,
    received_at BIGINT      NOT NULL,
    PRIMARY KEY (channel, external_id)
);

-- STOP on SMS: nothing more is sent to that address until START.
CREATE TABLE opt_outs (
    channel      VARCHAR(16)  NOT NULL,
    address      VARCHAR(128) NOT NULL,
    opted_out_at BIGINT       NOT NULL,
    PRIMARY KEY (channel, address)
);

ALTER TABLE user_settings ADD COLUMN preferred_channel VARCHAR(16);

-- Delivery: a reminder is SENDING while one instance delivers it; a refused one is retried at retry_at without
-- moving its occurrence; repeating ones are computed from the first occurrence's local time (anchor), so
-- "monthly on the 31st" and "daily at 02:30" across DST do not drift.
ALTER TABLE reminders ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE reminders ADD COLUMN claimed_at BIGINT;
ALTER TABLE reminders ADD COLUMN retry_at BIGINT;
ALTER TABLE reminders ADD COLUMN anchor VARCHAR(32);

-- One row per check-in sent; the key makes "at most N a day" hold across restarts and instances.
CREATE TABLE checkins (
    user_id    VARCHAR(128) NOT NULL,
    local_date VARCHAR(10)  NOT NULL,
    seq        INTEGER      NOT NULL,
    memory_id  VARCHAR(36),
    sent_at    BIGINT       NOT NULL,
    PRIMARY KEY (user_id, local_date, seq)
);
