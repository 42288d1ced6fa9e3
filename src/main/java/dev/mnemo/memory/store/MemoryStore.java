package dev.mnemo.memory.store;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryProperties;
import dev.mnemo.memory.MemoryVersion;
import dev.mnemo.memory.embedding.Vectors;
import dev.mnemo.system.Ids;
import dev.mnemo.system.SharedCache;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Memories, their provenance, history and vectors, in SQLite or PostgreSQL through the same SQL. */
@Repository
public class MemoryStore {
    public static final String ACTIVE = "ACTIVE";
    public static final String PRUNED = "PRUNED";
    private static final String COLUMNS = "id, user_id, text, kind, importance, tags, created_at, updated_at, "
            + "last_accessed_at, access_count, strength, strength_at, occurred_at, status";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StrengthModel strength;
    private final HotMemories hot;

    public MemoryStore(JdbcClient jdbc, Clock clock, MemoryProperties properties, SharedCache cache) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.strength = new StrengthModel(properties.halfLife());
        this.hot = new HotMemories(cache);
    }

    // ---- memories

    public void insert(StoredMemory m, Collection<String> sources) {
        jdbc.sql("INSERT INTO memories (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(m.id(), m.userId(), m.text(), m.kind().name(), m.importance(), String.join(",", m.tags()),
                        m.createdAt(), m.updatedAt(), m.lastAccessedAt(), m.accessCount(), m.strength(),
                        m.strengthAt(), m.occurredAt(), m.status())
                .update();
        addSources(m.id(), sources);
    }

    /** Writes text, kind, importance, tags and updated time. */
    public void updateContent(StoredMemory m) {
        hot.evict(m.id());
        jdbc.sql("UPDATE memories SET text = ?, kind = ?, importance = ?, tags = ?, updated_at = ? WHERE id = ?")
                .params(m.text(), m.kind().name(), m.importance(), String.join(",", m.tags()), m.updatedAt(), m.id())
                .update();
    }

    public Optional<String> ownerOf(String id) {
        return jdbc.sql("SELECT user_id FROM memories WHERE id = ? AND status IN ('ACTIVE', 'PRUNED')").param(id)
                .query(String.class).optional();
    }

    public Optional<StoredMemory> find(String userId, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM memories WHERE id = ? AND user_id = ?")
                .params(id, userId).query(ROW).optional();
    }

    /** The user's active memories with these ids, in no particular order; served from the hot cache when there. */
    public List<StoredMemory> findAll(String userId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<StoredMemory> found = new ArrayList<>();
        Map<String, StoredMemory> cached = hot.getAll(ids);
        List<Object> missing = new ArrayList<>();
        for (String id : ids) {
            StoredMemory row = cached.get(id);
            if (row == null) {
                missing.add(id);
            } else if (row.userId().equals(userId) && ACTIVE.equals(row.status())) {
                found.add(row);
            }
        }
        if (!missing.isEmpty()) {
            String marks = missing.stream().map(i -> "?").collect(Collectors.joining(","));
            List<StoredMemory> rows = jdbc.sql("SELECT " + COLUMNS + " FROM memories WHERE id IN (" + marks + ")")
                    .params(missing).query(ROW).list();
            hot.putAll(rows);
            rows.stream().filter(r -> r.userId().equals(userId) && ACTIVE.equals(r.status())).forEach(found::add);
        }
        return found;
    }

    public List<StoredMemory> active(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM memories WHERE user_id = ? AND status = 'ACTIVE' ORDER BY id")
                .param(userId).query(ROW).list();
    }

    /** Pruned (not yet purged) memories whose text contains one of the words: a /forget must reach them too. */
    public List<StoredMemory> prunedContaining(String userId, List<String> words) {
        List<StoredMemory> found = new ArrayList<>();
        for (StoredMemory m : jdbc.sql("SELECT " + COLUMNS + " FROM memories WHERE user_id = ? AND status = 'PRUNED'")
                .param(userId).query(ROW).list()) {
            String text = m.text().toLowerCase(Locale.ROOT);
            if (words.stream().anyMatch(text::contains)) {
                found.add(m);
            }
        }
        return found;
    }

    public List<StoredMemory> recent(String userId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM memories WHERE user_id = ? AND status = 'ACTIVE' ORDER BY updated_at DESC, id DESC LIMIT ?")
                .params(userId, limit).query(ROW).list();
    }

    /** Ids of the user's active or pruned memories starting with {@code prefix} (ids are lower-case hex). */
    public List<String> idsStartingWith(String userId, String prefix) {
        return jdbc.sql("SELECT id FROM memories WHERE user_id = ? AND status IN ('ACTIVE', 'PRUNED') AND id LIKE ? ORDER BY id LIMIT 20")
                .params(userId, prefix.replace("%", "").replace("_", "") + "%").query(String.class).list();
    }

    public Memory toMemory(StoredMemory m) {
        return toMemories(List.of(m)).getFirst();
    }

    /** Like {@link #toMemory}, with every memory's provenance read in one query. */
    public List<Memory> toMemories(List<StoredMemory> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> sources = new HashMap<>();
        String marks = rows.stream().map(r -> "?").collect(Collectors.joining(","));
        jdbc.sql("SELECT memory_id, message_id FROM memory_sources WHERE memory_id IN (" + marks + ") ORDER BY message_id")
                .params(rows.stream().map(StoredMemory::id).toList())
                .query(rs -> {
                    sources.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        long now = clock.millis();
        return rows.stream().map(m -> new Memory(m.id(), m.userId(), m.text(), m.kind(), m.importance(), m.tags(),
                Instant.ofEpochMilli(m.createdAt()), Instant.ofEpochMilli(m.updatedAt()),
                m.lastAccessedAt() == null ? null : Instant.ofEpochMilli(m.lastAccessedAt()), m.accessCount(),
                currentStrength(m, now), sources.getOrDefault(m.id(), List.of()))).toList();
    }

    public double currentStrength(StoredMemory m, long now) {
        return strength.at(m.strength(), m.strengthAt(), now, m.accessCount(), m.importance());
    }

    /** Records a use of each memory: last access, count, and strength reinforced. */
    public void recordAccess(Collection<StoredMemory> used, long now) {
        for (StoredMemory m : used) {
            hot.evict(m.id());
            double reinforced = StrengthModel.reinforced(currentStrength(m, now));
            jdbc.sql("UPDATE memories SET last_accessed_at = ?, access_count = access_count + 1, strength = ?, strength_at = ? WHERE id = ?")
                    .params(now, reinforced, now, m.id()).update();
        }
    }

    /** Reinforces a memory the person said again (without counting it as a recall). */
    public void reinforce(StoredMemory m, long now) {
        hot.evict(m.id());
        jdbc.sql("UPDATE memories SET strength = ?, strength_at = ? WHERE id = ?")
                .params(StrengthModel.reinforced(currentStrength(m, now)), now, m.id()).update();
    }

    /** Stores the decayed strength as of now (so the table tells the truth without the formula). */
    public void persistStrength(StoredMemory m, double value, long now) {
        hot.evict(m.id());
        jdbc.sql("UPDATE memories SET strength = ?, strength_at = ? WHERE id = ?").params(value, now, m.id()).update();
    }

    public void setStatus(String id, String status, long now) {
        hot.evict(id);
        jdbc.sql("UPDATE memories SET status = ?, status_at = ? WHERE id = ?").params(status, now, id).update();
    }

    /** Pruned memories whose grace period ended. */
    public List<String> prunedBefore(String userId, long before) {
        return jdbc.sql("SELECT id FROM memories WHERE user_id = ? AND status = 'PRUNED' AND status_at < ?")
                .params(userId, before).query(String.class).list();
    }

    /** Deletes the memory with its provenance, history and vectors. */
    public void delete(String id) {
        hot.evict(id);
        jdbc.sql("DELETE FROM memory_vectors WHERE memory_id = ?").param(id).update();
        jdbc.sql("DELETE FROM memory_versions WHERE memory_id = ?").param(id).update();
        jdbc.sql("DELETE FROM memory_sources WHERE memory_id = ?").param(id).update();
        jdbc.sql("DELETE FROM memories WHERE id = ?").param(id).update();
    }

    // ---- provenance and history

    public void addSources(String memoryId, Collection<String> messageIds) {
        for (String messageId : new LinkedHashSet<>(messageIds)) {
            if (messageId != null) {
                jdbc.sql("INSERT INTO memory_sources (memory_id, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                        .params(memoryId, messageId).update();
            }
        }
    }

    public List<String> sources(String memoryId) {
        return jdbc.sql("SELECT message_id FROM memory_sources WHERE memory_id = ? ORDER BY message_id")
                .param(memoryId).query(String.class).list();
    }

    /** Keeps {@code old} as a version believed from its last update until now. */
    public void addVersion(StoredMemory old, String reason, long now) {
        jdbc.sql("INSERT INTO memory_versions (id, memory_id, text, kind, importance, valid_from, valid_to, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Ids.newId(clock), old.id(), old.text(), old.kind().name(), old.importance(), old.updatedAt(),
                        now, reason)
                .update();
    }

    /** Moves the history of {@code from} onto {@code to} (when two memories become one). */
    public void moveHistory(String from, String to) {
        jdbc.sql("UPDATE memory_versions SET memory_id = ? WHERE memory_id = ?").params(to, from).update();
        for (String source : sources(from)) {
            addSources(to, List.of(source));
        }
    }

    public List<MemoryVersion> history(String memoryId) {
        return jdbc.sql("SELECT text, kind, importance, valid_from, valid_to, reason FROM memory_versions WHERE memory_id = ? ORDER BY valid_to DESC, id DESC")
                .param(memoryId)
                .query((rs, n) -> new MemoryVersion(rs.getString("text"), MemoryKind.parse(rs.getString("kind")),
                        rs.getInt("importance"), Instant.ofEpochMilli(rs.getLong("valid_from")),
                        Instant.ofEpochMilli(rs.getLong("valid_to")), rs.getString("reason")))
                .list();
    }

    // ---- vectors

    public void putVector(String memoryId, String model, float[] vector) {
        jdbc.sql("INSERT INTO memory_vectors (memory_id, model, dim, vector) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (memory_id, model) DO UPDATE SET dim = excluded.dim, vector = excluded.vector")
                .params(memoryId, model, vector.length, Vectors.toBytes(vector)).update();
    }

    /**
     * The memory's text changed: its one vector is now this one, and vectors of other models (which encode
     * the old text) are dropped, to be re-embedded if that model comes back.
     */
    public void replaceVectors(String memoryId, String model, float[] vector) {
        jdbc.sql("DELETE FROM memory_vectors WHERE memory_id = ? AND model <> ?").params(memoryId, model).update();
        putVector(memoryId, model, vector);
    }

    /** The user's active memories' vectors of one model, by memory id (memories without one are absent). */
    public Map<String, float[]> vectors(String userId, String model) {
        Map<String, float[]> vectors = new HashMap<>();
        jdbc.sql("""
                SELECT v.memory_id, v.vector FROM memory_vectors v JOIN memories m ON m.id = v.memory_id
                WHERE m.user_id = ? AND m.status = 'ACTIVE' AND v.model = ?""")
                .params(userId, model)
                .query(rs -> {
                    vectors.put(rs.getString(1), Vectors.fromBytes(rs.getBytes(2)));
                });
        return vectors;
    }

    /** Active memories (of any user) with no vector of {@code model} yet: the re-embedding backlog. */
    public List<StoredMemory> withoutVector(String model, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM memories m WHERE status = 'ACTIVE' AND NOT EXISTS "
                        + "(SELECT 1 FROM memory_vectors v WHERE v.memory_id = m.id AND v.model = ?) ORDER BY id LIMIT ?")
                .params(model, limit).query(ROW).list();
    }

    // ---- generations: one counter per user, bumped by every change

    public long generation(String userId) {
        return jdbc.sql("SELECT generation FROM memory_generations WHERE user_id = ?").param(userId)
                .query(Long.class).optional().orElse(0L);
    }

    public long bumpGeneration(String userId) {
        jdbc.sql("INSERT INTO memory_generations (user_id, generation) VALUES (?, 1) "
                        + "ON CONFLICT (user_id) DO UPDATE SET generation = memory_generations.generation + 1")
                .param(userId).update();
        return generation(userId);
    }

    // ---- forget requests

    public void saveForgetRequest(String userId, List<String> ids, long expiresAt) {
        jdbc.sql("INSERT INTO memory_forget_requests (user_id, memory_ids, expires_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (user_id) DO UPDATE SET memory_ids = excluded.memory_ids, expires_at = excluded.expires_at")
                .params(userId, String.join(",", ids), expiresAt).update();
    }

    /** Takes (and removes) the pending request if it has not expired. */
    public List<String> takeForgetRequest(String userId, long now) {
        List<String> ids = jdbc.sql("SELECT memory_ids FROM memory_forget_requests WHERE user_id = ? AND expires_at >= ?")
                .params(userId, now).query(String.class).optional()
                .map(s -> s.isEmpty() ? List.<String>of() : Arrays.asList(s.split(","))).orElse(List.of());
        jdbc.sql("DELETE FROM memory_forget_requests WHERE user_id = ?").param(userId).update();
        return ids;
    }

    private static final RowMapper<StoredMemory> ROW = MemoryStore::row;

    private static StoredMemory row(ResultSet rs, int n) throws SQLException {
        String tags = rs.getString("tags");
        long lastAccess = rs.getLong("last_accessed_at");
        Long lastAccessed = rs.wasNull() ? null : lastAccess;
        long occurred = rs.getLong("occurred_at");
        Long occurredAt = rs.wasNull() ? null : occurred;
        return new StoredMemory(rs.getString("id"), rs.getString("user_id"), rs.getString("text"),
                MemoryKind.parse(rs.getString("kind")), rs.getInt("importance"),
                tags == null || tags.isBlank() ? List.of() : List.of(tags.split(",")),
                rs.getLong("created_at"), rs.getLong("updated_at"), lastAccessed, rs.getInt("access_count"),
                rs.getDouble("strength"), rs.getLong("strength_at"), occurredAt, rs.getString("status"));
    }

    /** How many memories have this status, over all users (a metric). */
    public long count(String status) {
        return jdbc.sql("SELECT COUNT(*) FROM memories WHERE status = ?").param(status).query(Long.class).single();
    }
}
