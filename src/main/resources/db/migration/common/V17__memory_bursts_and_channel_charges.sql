-- A memory job is first read offline at once (NEW), then waits with the rest of its burst for the model (BURST).
ALTER TABLE memory_jobs ADD COLUMN stage VARCHAR(16) NOT NULL DEFAULT 'NEW';
CREATE INDEX memory_jobs_user_stage ON memory_jobs (user_id, stage, status);

-- What a channel's provider bills per message (Twilio: per SMS segment, both ways), apart from model calls.
CREATE TABLE channel_charges (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id      VARCHAR(128) NOT NULL,
    channel      VARCHAR(16)  NOT NULL,
    direction    VARCHAR(16)  NOT NULL,           -- INBOUND | OUTBOUND
    external_id  VARCHAR(64)  NOT NULL,           -- the provider's message id (Twilio's SID)
    segments     INT          NOT NULL,
    cost_nanos   BIGINT       NOT NULL,
    price_source VARCHAR(16)  NOT NULL,           -- CONFIGURED (per segment) | REPORTED (the provider's price)
    created_at   BIGINT       NOT NULL,
    UNIQUE (channel, external_id, direction)
);
CREATE INDEX channel_charges_user_time ON channel_charges (user_id, created_at);
