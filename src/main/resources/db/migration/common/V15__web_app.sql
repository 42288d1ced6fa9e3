-- A person's password for the web app (`mnemo user add NAME`): only its bcrypt hash is kept. Repeated failed
-- sign-ins lock the account until locked_until.
CREATE TABLE web_accounts (
    user_id         VARCHAR(128) NOT NULL PRIMARY KEY,
    password_hash   VARCHAR(100) NOT NULL,
    failed_attempts INTEGER      NOT NULL DEFAULT 0,
    locked_until    BIGINT,
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL
);

-- A person's own check-in settings (the web app's settings page); NULL: ASSISTANT_CHECKINS_* apply.
ALTER TABLE user_settings ADD COLUMN checkins_enabled INTEGER;
ALTER TABLE user_settings ADD COLUMN quiet_start VARCHAR(5);
ALTER TABLE user_settings ADD COLUMN quiet_end VARCHAR(5);

-- The web app's memory list, newest first, a page at a time: read from the index in order, not sorted whole.
CREATE INDEX memories_user_status_created ON memories (user_id, status, created_at);
