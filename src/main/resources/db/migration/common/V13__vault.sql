-- The vault's bookkeeping (vault module). What happened to memories, for the daily notes: a change to one memory,
-- or a count of memories forgotten or purged (memory_id '' then: their ids and words are gone).
CREATE TABLE vault_log (
    user_id   VARCHAR(64)  NOT NULL,
    at        BIGINT       NOT NULL,
    change    VARCHAR(16)  NOT NULL,
    memory_id VARCHAR(64)  NOT NULL,
    count     INTEGER      NOT NULL,
    committed INTEGER      NOT NULL DEFAULT 0,   -- 1 once a commit message counted it
    PRIMARY KEY (user_id, at, change, memory_id)
);

-- Memories changed since the last sync ('' when only the linking notes change; '!purge' when a forget asks for the
-- git history to be rewritten).
CREATE TABLE vault_pending (
    user_id   VARCHAR(64)  NOT NULL,
    memory_id VARCHAR(64)  NOT NULL,
    since     BIGINT       NOT NULL,
    PRIMARY KEY (user_id, memory_id)
);

-- Every file Mnemo wrote in the vault: what a memory's note said when written (hash of text, kind, importance,
-- tags), so that an edit made in Obsidian, and one made on both sides, can be told apart.
CREATE TABLE vault_files (
    user_id   VARCHAR(64)   NOT NULL,
    path      VARCHAR(1000) NOT NULL,
    memory_id VARCHAR(64),
    hash      VARCHAR(64)   NOT NULL,
    PRIMARY KEY (user_id, path)
);

CREATE TABLE vault_state (
    user_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    synced_at    BIGINT,
    pushed_at    BIGINT,
    remote_error VARCHAR(500)
);
