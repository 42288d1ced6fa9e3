-- Reminders set by the tool agent (and later /remind). Delivery (proactive module) claims due rows.
CREATE TABLE reminders (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id           VARCHAR(128) NOT NULL,
    text              VARCHAR(500) NOT NULL,
    due_at            BIGINT       NOT NULL,            -- epoch ms (UTC); the person's zone is in time_zone
    time_zone         VARCHAR(64)  NOT NULL,            -- recurrences keep local wall-clock time across DST
    recurrence        VARCHAR(16)  NOT NULL,            -- NONE | DAILY | WEEKLY | MONTHLY
    status            VARCHAR(16)  NOT NULL,            -- PENDING | SENT | CANCELLED
    created_at        BIGINT       NOT NULL,
    updated_at        BIGINT       NOT NULL,
    source_message_id VARCHAR(36)
);
CREATE INDEX reminders_due ON reminders (status, due_at);
CREATE INDEX reminders_user ON reminders (user_id, status, due_at);

-- Per-person settings; a person without a row uses the configured defaults.
CREATE TABLE user_settings (
    user_id    VARCHAR(128) NOT NULL PRIMARY KEY,
    time_zone  VARCHAR(64),
    updated_at BIGINT       NOT NULL
);
