-- A memory marked again while a sync runs must stay marked: each mark counts up, and a sync clears only the marks it
-- saw. The debounce waits for the latest change, "since" (the first) bounds how long changes may keep it waiting.
ALTER TABLE vault_pending ADD COLUMN mark BIGINT NOT NULL DEFAULT 0;
ALTER TABLE vault_pending ADD COLUMN latest BIGINT NOT NULL DEFAULT 0;
UPDATE vault_pending SET latest = since;
