-- One bearer token per person and device. Only the SHA-256 of a token is kept: it is shown once, at creation.
CREATE TABLE api_tokens (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id      VARCHAR(128) NOT NULL,
    name         VARCHAR(64)  NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL UNIQUE,
    created_at   BIGINT       NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
