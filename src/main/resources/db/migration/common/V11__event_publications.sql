-- Spring Modulith's event publication registry: one row per (event, listener) until the listener completed.
-- Times are epoch milliseconds and ids text, so the same table works on SQLite and PostgreSQL.
CREATE TABLE event_publications (
    id                     VARCHAR(36) PRIMARY KEY,
    listener_id            TEXT NOT NULL,
    event_type             TEXT NOT NULL,
    serialized_event       TEXT NOT NULL,
    publication_date       BIGINT NOT NULL,
    completion_date        BIGINT,
    status                 VARCHAR(16) NOT NULL,
    completion_attempts    INTEGER NOT NULL,
    last_resubmission_date BIGINT
);
CREATE INDEX event_publications_incomplete ON event_publications (completion_date, publication_date);
