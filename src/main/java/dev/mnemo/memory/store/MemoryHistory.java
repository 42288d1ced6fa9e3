package dev.mnemo.memory.store;

import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryVersion;
import dev.mnemo.memory.VersionReason;
import dev.mnemo.system.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a memory was before (its versions, with when each was believed) and the messages it came from. */
@Repository
public class MemoryHistory {
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;

    public MemoryHistory(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    public List<MemoryVersion> versions(String memoryId) {
        return jdbc.sql("SELECT text, kind, importance, valid_from, valid_to, reason FROM memory_versions "
                        + "WHERE memory_id = ? ORDER BY valid_to DESC, id DESC")
                .param(memoryId)
                .query((rs, n) -> new MemoryVersion(rs.getString("text"), MemoryKind.parse(rs.getString("kind")),
                        rs.getInt("importance"), Instant.ofEpochMilli(rs.getLong("valid_from")),
                        Instant.ofEpochMilli(rs.getLong("valid_to")), VersionReason.valueOf(rs.getString("reason"))))
                .list();
    }

    public List<String> sources(String memoryId) {
        return jdbc.sql("SELECT message_id FROM memory_sources WHERE memory_id = ? ORDER BY message_id")
                .param(memoryId).query(String.class).list();
    }

    // ---- changing (MemoryChanges only)

    void addSources(String memoryId, Collection<String> messageIds) {
        List<Object[]> rows = new LinkedHashSet<>(messageIds).stream().filter(Objects::nonNull)
                .map(messageId -> new Object[] {memoryId, messageId}).toList();
        if (!rows.isEmpty()) {
            batches.batchUpdate("INSERT INTO memory_sources (memory_id, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    rows);
        }
    }

    /** An earlier version brought from elsewhere (an import), as it was given. */
    void addVersion(String memoryId, MemoryVersion version) {
        jdbc.sql("INSERT INTO memory_versions (id, memory_id, text, kind, importance, valid_from, valid_to, reason) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Ids.newId(clock), memoryId, version.text(), version.kind().name(), version.importance(),
                        version.validFrom().toEpochMilli(), version.validTo().toEpochMilli(), version.reason().name())
                .update();
    }

    /** Keeps {@code old} as a version believed from its last update until now. */
    void addVersion(StoredMemory old, VersionReason reason, long now) {
        jdbc.sql("INSERT INTO memory_versions (id, memory_id, text, kind, importance, valid_from, valid_to, reason) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Ids.newId(clock), old.id(), old.text(), old.kind().name(), old.importance(), old.updatedAt(),
                        now, reason.name())
                .update();
    }

    /** Moves the history and provenance of {@code from} onto {@code to} (when two memories become one). */
    void move(String from, String to) {
        jdbc.sql("UPDATE memory_versions SET memory_id = ? WHERE memory_id = ?").params(to, from).update();
        addSources(to, sources(from));
        jdbc.sql("DELETE FROM memory_sources WHERE memory_id = ?").param(from).update();
    }

    void delete(String memoryId) {
        jdbc.sql("DELETE FROM memory_versions WHERE memory_id = ?").param(memoryId).update();
        jdbc.sql("DELETE FROM memory_sources WHERE memory_id = ?").param(memoryId).update();
    }
}
