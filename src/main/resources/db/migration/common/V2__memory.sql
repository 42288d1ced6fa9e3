-- Long-term memory. Times are epoch milliseconds (UTC).

CREATE TABLE memories (
    id               VARCHAR(36)      NOT NULL PRIMARY KEY,
    user_id          VARCHAR(128)     NOT NULL,
    text             TEXT             NOT NULL,
    kind             VARCHAR(16)      NOT NULL,   -- FACT | PREFERENCE | PERSON | EVENT | PLAN
    importance       INT              NOT NULL,   -- 1..10
    tags             TEXT             NOT NULL,   -- comma-separated, lower case: topics and people
    created_at       BIGINT           NOT NULL,
    updated_at       BIGINT           NOT NULL,
    last_accessed_at BIGINT,
    access_count     INT              NOT NULL,
    strength         DOUBLE PRECISION NOT NULL,   -- as of strength_at; decays continuously (StrengthModel)
    strength_at      BIGINT           NOT NULL,
    occurred_at      BIGINT,                      -- when the remembered thing happened, when known
    status           VARCHAR(16)      NOT NULL,   -- ACTIVE | PRUNED (restorable) | SUMMARISED
    status_at        BIGINT
);
CREATE INDEX memories_user_status ON memories (user_id, status);

-- Provenance: the messages a memory came from.
CREATE TABLE memory_sources (
    memory_id  VARCHAR(36) NOT NULL,
    message_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (memory_id, message_id)
);
CREATE INDEX memory_sources_message ON memory_sources (message_id);

-- Earlier versions: what was believed, from when until when, and why it changed.
CREATE TABLE memory_versions (
    id          VARCHAR(36) NOT NULL PRIMARY KEY,
    memory_id   VARCHAR(36) NOT NULL,
    text        TEXT        NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    importance  INT         NOT NULL,
    valid_from  BIGINT      NOT NULL,
    valid_to    BIGINT      NOT NULL,
    reason      VARCHAR(16) NOT NULL              -- CORRECTED | MERGED | EDITED | SUMMARISED
);
CREATE INDEX memory_versions_memory ON memory_versions (memory_id, valid_to);

-- Bumped by every change to a user's memories, so each instance knows when its in-memory index is stale.
CREATE TABLE memory_generations (
    user_id    VARCHAR(128) NOT NULL PRIMARY KEY,
    generation BIGINT       NOT NULL
);

-- The durable write path: one job per exchange, done after the reply, survives restarts.
CREATE TABLE memory_jobs (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id     VARCHAR(128) NOT NULL,
    message_id  VARCHAR(36)  NOT NULL,
    user_text   TEXT         NOT NULL,
    reply_text  TEXT,
    status      VARCHAR(16)  NOT NULL,            -- PENDING | RUNNING | FAILED (done jobs are deleted)
    attempts    INT          NOT NULL,
    run_after   BIGINT       NOT NULL,
    claimed_at  BIGINT,
    created_at  BIGINT       NOT NULL,
    last_error  VARCHAR(300)
);
CREATE INDEX memory_jobs_due ON memory_jobs (status, run_after);

-- What each consolidation ("sleep") did.
CREATE TABLE memory_sleep_runs (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id     VARCHAR(128) NOT NULL,
    trigger     VARCHAR(16)  NOT NULL,            -- IDLE | NIGHTLY | MANUAL
    started_at  BIGINT       NOT NULL,
    finished_at BIGINT       NOT NULL,
    decayed     INT          NOT NULL,
    merged      INT          NOT NULL,
    summarised  INT          NOT NULL,
    pruned      INT          NOT NULL,
    purged      INT          NOT NULL
);
CREATE INDEX memory_sleep_runs_user ON memory_sleep_runs (user_id, finished_at);

-- A /forget waiting for the person's confirmation.
CREATE TABLE memory_forget_requests (
    user_id    VARCHAR(128) NOT NULL PRIMARY KEY,
    memory_ids TEXT         NOT NULL,
    expires_at BIGINT       NOT NULL
);

-- When each user last used memory (a message, a recall) and last had it consolidated: idle detection.
CREATE TABLE memory_activity (
    user_id        VARCHAR(128) NOT NULL PRIMARY KEY,
    last_active_at BIGINT       NOT NULL,
    last_sleep_at  BIGINT
);
