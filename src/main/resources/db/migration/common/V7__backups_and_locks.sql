-- Every backup attempt: the time of the last good one is an alert and a health check, shared by all instances.
CREATE TABLE backup_runs (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    started_at  BIGINT       NOT NULL,
    finished_at BIGINT,
    status      VARCHAR(16)  NOT NULL,            -- RUNNING | OK | FAILED
    location    VARCHAR(500),
    bytes       BIGINT,
    error       VARCHAR(500)
);
CREATE INDEX backup_runs_status ON backup_runs (status, finished_at);

-- ShedLock: a scheduled job runs on one instance at a time.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
