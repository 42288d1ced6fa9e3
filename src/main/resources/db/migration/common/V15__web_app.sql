-- A person's password for the web app (`mnemo user add NAME`): only its bcrypt hash is kept; updated_at is when it
-- was set (a session signed in before that ends). failed_attempts and locked_until count failed sign-ins from
-- anywhere; web_signin_failures counts them per client address.
CREATE TABLE web_accounts (
    user_id         VARCHAR(128) NOT NULL PRIMARY KEY,
    password_hash   VARCHAR(100) NOT NULL,
    failed_attempts INTEGER      NOT NULL DEFAULT 0,
    failed_at       BIGINT,
    locked_until    BIGINT,
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL
);

-- Failed sign-ins in a row to one account from one client (an IPv4 address, an IPv6 /64).
CREATE TABLE web_signin_failures (
    user_id         VARCHAR(128) NOT NULL,
    client          VARCHAR(64)  NOT NULL,
    failed_attempts INTEGER      NOT NULL,
    locked_until    BIGINT,
    updated_at      BIGINT       NOT NULL,
    PRIMARY KEY (user_id, client)
);

-- A person's own check-in settings (the web app's settings page); NULL: ASSISTANT_CHECKINS_* apply.
ALTER TABLE user_settings ADD COLUMN checkins_enabled INTEGER;
ALTER TABLE user_settings ADD COLUMN quiet_start VARCHAR(5);
ALTER TABLE user_settings ADD COLUMN quiet_end VARCHAR(5);

-- The web app's memory list, newest first, a page at a time: read from the index in order, not sorted whole.
CREATE INDEX memories_user_status_created ON memories (user_id, status, created_at);

-- One-time sign-in links sent through the person's channel: only the SHA-256 of the link's secret is kept.
-- slot is the minute it was asked for: one link per person per minute, even for requests made at once.
CREATE TABLE sign_in_links (
    token_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id    VARCHAR(128) NOT NULL,
    slot       BIGINT       NOT NULL,
    created_at BIGINT       NOT NULL,
    expires_at BIGINT       NOT NULL,
    used_at    BIGINT,
    UNIQUE (user_id, slot)
);
CREATE INDEX sign_in_links_user ON sign_in_links (user_id, created_at);
