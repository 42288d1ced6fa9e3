package dev.mnemo.memory.store;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryBrowsing;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryProperties;
import dev.mnemo.system.SharedCache;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Memory rows, in SQLite or PostgreSQL through the same SQL, with recently used rows in the shared cache.
 * Changing methods are for {@code MemoryChanges} only: a change made anywhere else would miss the generation,
 * the indexes and the events.
 */
@Repository
public class Memories {
    private static final String COLUMNS = "id, user_id, text, kind, importance, tags, created_at, updated_at, "
            + "last_accessed_at, access_count, strength, strength_at, occurred_at, status, context";
    private static final RowMapper<StoredMemory> ROW = Memories::row;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;
    private final StrengthModel strength;
    private final HotMemories hot;

    public Memories(JdbcClient jdbc, JdbcTemplate batches, Clock clock, MemoryProperties properties, SharedCache cache) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.strength = new StrengthModel(properties.halfLife());
        this.hot = new HotMemories(cache);
    }

    // ---- reading

    public Optional<StoredMemory> find(String userId, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM memories WHERE id = ? AND user_id = ?")
                .params(id, userId).query(ROW).optional();
    }

    /**
     * The user's active memories taken from this message alone and never changed since (no earlier version): what an
     * offline first reading stored from it, for the model's reading to restate.
     */
    public List<StoredMemory> untouchedFrom(String userId, String messageId) {
        return jdbc.sql("SELECT " + COLUMNS + " " + """
                FROM memories WHERE user_id = ? AND status = 'ACTIVE'
                  AND id IN (SELECT memory_id FROM memory_sources WHERE message_id = ?)
                  AND NOT EXISTS (SELECT 1 FROM memory_sources o WHERE o.memory_id = memories.id AND o.message_id <> ?)
                  AND NOT EXISTS (SELECT 1 FROM memory_versions v WHERE v.memory_id = memories.id)""")
                .params(userId, messageId, messageId).query(ROW).list();
    }

    /**
     * Whether the person edited a memory taken from this message after {@code since} (epoch ms), or it is no longer
     * active (pruned).
     */
    public boolean changedByPersonFrom(String userId, String messageId, long since) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM memories WHERE user_id = ?
                  AND id IN (SELECT memory_id FROM memory_sources WHERE message_id = ?)
                  AND (status <> 'ACTIVE' OR EXISTS (SELECT 1 FROM memory_versions v
                       WHERE v.memory_id = memories.id AND v.reason = 'EDITED' AND v.valid_to >= ?))""")
                .params(userId, messageId, since).query(Long.class).single() > 0;
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
            } else if (row.userId().equals(userId) && row.active()) {
                found.add(row);
            }
        }
        if (!missing.isEmpty()) {
            List<StoredMemory> rows = jdbc.sql("SELECT " + COLUMNS + " FROM memories WHERE id IN (" + marks(missing) + ")")
                    .params(missing).query(ROW).list();
            hot.putAll(rows);
            rows.stream().filter(r -> r.userId().equals(userId) && r.active()).forEach(found::add);
        }
        return found;
    }

    /** The user's active memories with these ids as the database has them now (not the hot cache). */
    List<StoredMemory> findCurrent(String userId, Collection<String> ids) {
        List<Object> params = new ArrayList<>(List.of(userId));
        params.addAll(ids);
        return jdbc.sql("SELECT " + COLUMNS + " FROM memories WHERE user_id = ? AND status = 'ACTIVE' AND id IN ("
                        + marks(ids) + ")")
                .params(params).query(ROW).list();
    }

    public List<StoredMemory> active(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM memories WHERE user_id = ? AND status = 'ACTIVE' ORDER BY id")
                .param(userId).query(ROW).list();
    }

    /**
     * Pruned (not yet purged) memories whose text contains one of the lower-case words: a /forget must reach
     * them too. The database narrows — {@code LOWER} folds only ASCII letters in SQLite (and in PostgreSQL under
     * a C locale), so each word is also looked for as written, capitalised and in capitals ("élodie", "Élodie",
     * "ÉLODIE") — and Java decides, folding every letter.
     */
    public List<StoredMemory> prunedContaining(String userId, List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        List<String> patterns = new ArrayList<>();
        for (String word : words) {
            patterns.addAll(containing(word));
        }
        String any = patterns.stream().map(p -> "LOWER(text) LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\'")
                .collect(Collectors.joining(" OR "));
        List<Object> params = new ArrayList<>(List.of(userId));
        patterns.forEach(p -> {
            params.add(p);
            params.add(p);
        });
        return jdbc.sql("SELECT " + COLUMNS + " FROM memories WHERE user_id = ? AND status = 'PRUNED' AND (" + any
                        + ") ORDER BY id")
                .params(params).query(ROW).list().stream()
                .filter(m -> words.stream().anyMatch(m.text().toLowerCase(Locale.ROOT)::contains))
                .toList();
    }

    /**
     * One page of the user's memories in {@code status}: of {@code kind} and with {@code tag} when given, naming
     * {@code person} (in the tags or the text) when given; sorted by {@code sort} (NEWEST, STRONGEST, IMPORTANT).
     */
    public List<StoredMemory> page(String userId, MemoryStatus status, String kind, String tag, String person, MemoryBrowsing.Sort sort,
                                   int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM memories WHERE user_id = :user AND status = :status");
        Map<String, Object> params = new HashMap<>(Map.of("user", userId, "status", status.name(), "limit", limit,
                "offset", offset, "now", clock.millis()));
        if (kind != null) {
            sql.append(" AND kind = :kind");
            params.put("kind", kind);
        }
        if (tag != null) {
            sql.append(" AND (',' || tags || ',') LIKE :tag ESCAPE '\\'");
            params.put("tag", "%," + likeEscaped(tag) + ",%");
        }
        if (person != null) {
            // LOWER folds only ASCII in SQLite: the name is also looked for capitalised and in capitals ("Élodie").
            sql.append(" AND ((',' || tags || ',') LIKE :personTag ESCAPE '\\' OR LOWER(text) LIKE :personText ESCAPE '\\'"
                    + " OR text LIKE :personCapital ESCAPE '\\' OR text LIKE :personCapitals ESCAPE '\\')");
            List<String> name = containing(person);
            params.put("personTag", "%," + likeEscaped(person) + ",%");
            params.put("personText", name.get(0));
            params.put("personCapital", name.get(1));
            params.put("personCapitals", name.get(2));
        }
        sql.append(switch (sort) {
            case STRONGEST -> " ORDER BY " + strength.sql() + " DESC, id DESC";
            case IMPORTANT -> " ORDER BY importance DESC, created_at DESC, id DESC";
            case NEWEST -> " ORDER BY created_at DESC, id DESC";
        });
        sql.append(" LIMIT :limit OFFSET :offset");
        return jdbc.sql(sql.toString()).params(params).query(ROW).list();
    }

    /** A message a memory came from. */
    public record SourceMessage(String messageId, String channel, String text, Instant at) {
    }

    /** The messages the user's memory (active or pruned) came from, oldest first. */
    public List<SourceMessage> sources(String userId, String memoryId) {
        return jdbc.sql("""
                        SELECT m.id, m.channel, m.text, m.created_at FROM memory_sources s
                        JOIN memories mem ON mem.id = s.memory_id AND mem.user_id = ?
                        JOIN messages m ON m.id = s.message_id AND m.user_id = ?
                        WHERE s.memory_id = ? ORDER BY m.id LIMIT 50""")
                .params(userId, userId, memoryId)
                .query((rs, n) -> new SourceMessage(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))))
                .list();
    }

    /**
     * LIKE patterns for text containing {@code word} (lower case) as written, capitalised and in capitals: {@code
     * LOWER} folds only ASCII letters in SQLite (and in PostgreSQL under a C locale).
     */
    private static List<String> containing(String word) {
        String escaped = likeEscaped(word);
        return List.of("%" + escaped + "%",
                "%" + escaped.substring(0, 1).toUpperCase(Locale.ROOT) + escaped.substring(1) + "%",
                "%" + escaped.toUpperCase(Locale.ROOT) + "%");
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public List<StoredMemory> recent(String userId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM memories WHERE user_id = ? AND status = 'ACTIVE' "
                        + "ORDER BY updated_at DESC, id DESC LIMIT ?")
                .params(userId, limit).query(ROW).list();
    }

    /** Ids of the user's active or pruned memories starting with {@code prefix} (ids are lower-case hex). */
    public List<String> idsStartingWith(String userId, String prefix) {
        return jdbc.sql("SELECT id FROM memories WHERE user_id = ? AND status IN ('ACTIVE', 'PRUNED') AND id LIKE ? "
                        + "ORDER BY id LIMIT 20")
                .params(userId, prefix.replace("%", "").replace("_", "") + "%").query(String.class).list();
    }

    public Optional<String> ownerOf(String id) {
        return jdbc.sql("SELECT user_id FROM memories WHERE id = ? AND status IN ('ACTIVE', 'PRUNED')").param(id)
                .query(String.class).optional();
    }

    /** Pruned memories whose grace period ended. */
    public List<StoredMemory> prunedBefore(String userId, long before) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM memories WHERE user_id = ? AND status = 'PRUNED' AND status_at < ?")
                .params(userId, before).query(ROW).list();
    }

    /** Active memories (of any user) with no vector of {@code model} yet: the re-embedding backlog. */
    public List<StoredMemory> withoutVector(String model, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM memories m WHERE status = 'ACTIVE' AND NOT EXISTS "
                        + "(SELECT 1 FROM memory_vectors v WHERE v.memory_id = m.id AND v.model = ?) ORDER BY id LIMIT ?")
                .params(model, limit).query(ROW).list();
    }

    /** How many memories have this status, over all users (a metric). */
    public long count(MemoryStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM memories WHERE status = ?").param(status.name()).query(Long.class).single();
    }

    public double currentStrength(StoredMemory m, long now) {
        return strength.at(m.strength(), m.strengthAt(), now, m.accessCount(), m.importance());
    }

    /** The public views, with every memory's provenance read in one query and the strength as of now. */
    public List<Memory> toMemories(List<StoredMemory> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> sources = new HashMap<>();
        jdbc.sql("SELECT memory_id, message_id FROM memory_sources WHERE memory_id IN (" + marks(rows)
                        + ") ORDER BY message_id")
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

    public Memory toMemory(StoredMemory m) {
        return toMemories(List.of(m)).getFirst();
    }

    // ---- changing (MemoryChanges only)

    void insert(StoredMemory m) {
        jdbc.sql("INSERT INTO memories (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(m.id(), m.userId(), m.text(), m.kind().name(), m.importance(), String.join(",", m.tags()),
                        m.createdAt(), m.updatedAt(), m.lastAccessedAt(), m.accessCount(), m.strength(),
                        m.strengthAt(), m.occurredAt(), m.status().name(), m.context())
                .update();
    }

    /** Writes text, kind, importance, tags, context and updated time. */
    void updateContent(StoredMemory m) {
        hot.evict(m.id());
        jdbc.sql("UPDATE memories SET text = ?, kind = ?, importance = ?, tags = ?, context = ?, updated_at = ? WHERE id = ?")
                .params(m.text(), m.kind().name(), m.importance(), String.join(",", m.tags()), m.context(),
                        m.updatedAt(), m.id())
                .update();
    }

    /** Clears the context of the user's memories taken from these messages; returns how many had one. */
    int clearContext(String userId, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return 0;
        }
        List<String> ids = jdbc.sql("SELECT DISTINCT m.id FROM memories m JOIN memory_sources s ON s.memory_id = m.id "
                        + "WHERE m.user_id = ? AND m.context IS NOT NULL AND s.message_id IN (" + marks(messageIds) + ")")
                .params(concat(userId, messageIds)).query(String.class).list();
        ids.forEach(hot::evict);
        ids.forEach(id -> jdbc.sql("UPDATE memories SET context = NULL WHERE id = ?").param(id).update());
        return ids.size();
    }

    private static List<Object> concat(Object first, Collection<?> rest) {
        List<Object> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** Records a use of each memory, in one batch: last access, count, and strength reinforced. */
    void recordAccess(Collection<StoredMemory> used, long now) {
        if (used.isEmpty()) {
            return;
        }
        used.forEach(m -> hot.evict(m.id()));
        batches.batchUpdate("UPDATE memories SET last_accessed_at = ?, access_count = access_count + 1, strength = ?, "
                        + "strength_at = ? WHERE id = ?",
                used.stream().map(m -> new Object[] {now, StrengthModel.reinforced(currentStrength(m, now)), now, m.id()})
                        .toList());
    }

    /** Reinforces a memory the person said again (without counting it as a recall). */
    void reinforce(StoredMemory m, long now) {
        setStrength(m, StrengthModel.reinforced(currentStrength(m, now)), now);
    }

    /** Stores the strength as of now (so the table tells the truth without the formula). */
    void setStrength(StoredMemory m, double value, long now) {
        hot.evict(m.id());
        jdbc.sql("UPDATE memories SET strength = ?, strength_at = ? WHERE id = ?").params(value, now, m.id()).update();
    }

    void setStatus(String id, MemoryStatus status, long now) {
        hot.evict(id);
        jdbc.sql("UPDATE memories SET status = ?, status_at = ? WHERE id = ?").params(status.name(), now, id).update();
    }

    /** Deletes the row; its history, provenance and vectors go with it ({@code MemoryChanges} deletes those first). */
    void delete(String id) {
        hot.evict(id);
        jdbc.sql("DELETE FROM memories WHERE id = ?").param(id).update();
    }

    private static String marks(Collection<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(","));
    }

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
                rs.getDouble("strength"), rs.getLong("strength_at"), occurredAt, MemoryStatus.valueOf(rs.getString("status")),
                rs.getString("context"));
    }
}
