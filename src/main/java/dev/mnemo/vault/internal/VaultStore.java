package dev.mnemo.vault.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The vault's tables: its log of changes, what waits for the next sync, what it wrote, and how syncing went. */
@Repository
class VaultStore {
    private static final String NONE = "";
    /** The pending mark of a forget that asks for the git history to be rewritten. */
    static final String PURGE = "!purge";
    /** The pending mark of a sleep: every note is written again (strengths decayed). */
    static final String ALL = "!all";
    /** The pending mark of a reset to the remote under way: a sync that stopped before its end is finished by the poll. */
    static final String RESET = "!reset";

    private final JdbcClient jdbc;

    VaultStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: an event delivered twice is logged once. */
    void log(String userId, Instant at, Change change, String memoryId, int count) {
        jdbc.sql("INSERT INTO vault_log (user_id, at, change, memory_id, count) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(userId, at.toEpochMilli(), change.name(), memoryId == null ? NONE : memoryId, count).update();
    }

    /** The forgotten memories leave the log: their ids, and any link to them, are gone. */
    void unlog(String userId, Collection<String> memoryIds) {
        memoryIds.forEach(id -> jdbc.sql("DELETE FROM vault_log WHERE user_id = ? AND memory_id = ?").params(userId, id).update());
    }

    List<LoggedChange> logOf(String userId) {
        return jdbc.sql("SELECT at, change, memory_id, count FROM vault_log WHERE user_id = ? ORDER BY at, change, memory_id")
                .param(userId)
                .query((rs, n) -> new LoggedChange(Instant.ofEpochMilli(rs.getLong(1)), Change.valueOf(rs.getString(2)),
                        rs.getString(3).isEmpty() ? null : rs.getString(3), rs.getInt(4)))
                .list();
    }

    /** Counts of the changes no commit message has counted yet; they are then counted. */
    Map<Change, Integer> countUncommitted(String userId) {
        Map<Change, Integer> counts = new EnumMap<>(Change.class);
        List<Object[]> rows = jdbc.sql("SELECT at, change, memory_id, count FROM vault_log WHERE user_id = ? AND committed = 0")
                .param(userId).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)})
                .list();
        for (Object[] row : rows) {
            counts.merge(Change.valueOf((String) row[1]), ((String) row[2]).isEmpty() ? (Integer) row[3] : 1, Integer::sum);
            jdbc.sql("UPDATE vault_log SET committed = 1 WHERE user_id = ? AND at = ? AND change = ? AND memory_id = ?")
                    .params(userId, row[0], row[1], row[2]).update();
        }
        return counts;
    }

    /** Marks the memories for the next sync ('' when only the linking notes need it); a mark made again counts up. */
    void pending(String userId, Collection<String> memoryIds, Instant at) {
        for (String id : memoryIds.isEmpty() ? List.of(NONE) : memoryIds) {
            jdbc.sql("INSERT INTO vault_pending (user_id, memory_id, since, latest, mark) VALUES (?, ?, ?, ?, 0) "
                            + "ON CONFLICT (user_id, memory_id) DO UPDATE SET mark = vault_pending.mark + 1, latest = "
                            + "CASE WHEN excluded.latest > vault_pending.latest THEN excluded.latest ELSE vault_pending.latest END")
                    .params(userId, id, at.toEpochMilli(), at.toEpochMilli()).update();
        }
    }

    /** The marks waiting for a sync, memory id → its count of marks. */
    Map<String, Long> pending(String userId) {
        Map<String, Long> marks = new TreeMap<>();
        jdbc.sql("SELECT memory_id, mark FROM vault_pending WHERE user_id = ?").param(userId)
                .query((rs, n) -> marks.put(rs.getString(1), rs.getLong(2))).list();
        return marks;
    }

    /**
     * True when something waits and either nothing changed for {@code quiet}, or the first change has waited
     * {@code longest}: changes that keep coming do not hold the vault back for ever.
     */
    boolean settled(String userId, Duration quiet, Duration longest, Instant now) {
        return jdbc.sql("SELECT MIN(since), MAX(latest) FROM vault_pending WHERE user_id = ?").param(userId)
                .query((rs, n) -> rs.getObject(1) != null
                        && (rs.getLong(2) + quiet.toMillis() <= now.toEpochMilli()
                        || rs.getLong(1) + longest.toMillis() <= now.toEpochMilli()))
                .single();
    }

    void unmark(String userId, String mark) {
        jdbc.sql("DELETE FROM vault_pending WHERE user_id = ? AND memory_id = ?").params(userId, mark).update();
    }

    /** True when a mark was made (or made again) after {@code at}. */
    boolean markedAfter(String userId, Instant at) {
        return jdbc.sql("SELECT COUNT(*) FROM vault_pending WHERE user_id = ? AND latest > ?").params(userId, at.toEpochMilli())
                .query(Long.class).single() > 0;
    }

    /** Clears the marks a sync has seen; a mark made since (a higher count) stays for the next one. */
    void donePending(String userId, Map<String, Long> marks) {
        marks.forEach((id, mark) -> {
            jdbc.sql("DELETE FROM vault_pending WHERE user_id = ? AND memory_id = ? AND mark = ?")
                    .params(userId, id, mark).update();
            // A mark that stays was made during the sync: it waits from then, not from before the sync.
            jdbc.sql("UPDATE vault_pending SET since = latest WHERE user_id = ? AND memory_id = ?").params(userId, id).update();
        });
    }

    /** Path → what Mnemo last wrote there. */
    Map<String, WrittenFile> files(String userId) {
        Map<String, WrittenFile> files = new HashMap<>();
        jdbc.sql("SELECT path, memory_id, hash FROM vault_files WHERE user_id = ?").param(userId)
                .query((rs, n) -> files.put(rs.getString(1), new WrittenFile(rs.getString(1), rs.getString(2), rs.getString(3))))
                .list();
        return files;
    }

    void wrote(String userId, String path, String memoryId, String hash) {
        jdbc.sql("DELETE FROM vault_files WHERE user_id = ? AND path = ?").params(userId, path).update();
        jdbc.sql("INSERT INTO vault_files (user_id, path, memory_id, hash) VALUES (?, ?, ?, ?)")
                .params(userId, path, memoryId, hash).update();
    }

    void removed(String userId, String path) {
        jdbc.sql("DELETE FROM vault_files WHERE user_id = ? AND path = ?").params(userId, path).update();
    }

    Optional<SyncState> state(String userId) {
        return jdbc.sql("SELECT synced_at, pushed_at, remote_error FROM vault_state WHERE user_id = ?").param(userId)
                .query((rs, n) -> new SyncState(instant(rs.getObject(1)), instant(rs.getObject(2)), rs.getString(3)))
                .optional();
    }

    void saveState(String userId, SyncState state) {
        jdbc.sql("DELETE FROM vault_state WHERE user_id = ?").param(userId).update();
        jdbc.sql("INSERT INTO vault_state (user_id, synced_at, pushed_at, remote_error) VALUES (?, ?, ?, ?)")
                .params(userId, millis(state.syncedAt()), millis(state.pushedAt()), state.remoteError()).update();
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    /** A file as Mnemo wrote it: a memory's note has its id and the hash of its content, others the hash of the file. */
    record WrittenFile(String path, String memoryId, String hash) {
    }

    /** When the vault last synced and last reached its remote; the remote's last refusal, null when it answered. */
    record SyncState(Instant syncedAt, Instant pushedAt, String remoteError) {
    }
}
