package dev.mnemo.memory.store;

import dev.mnemo.memory.embedding.Vectors;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each memory's embedding, per embedding model (so a model change re-embeds in the background). */
@Repository
public class MemoryVectors {
    private final JdbcClient jdbc;

    public MemoryVectors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's active memories' vectors of one model, by memory id (memories without one are absent). */
    public Map<String, float[]> of(String userId, String model) {
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

    // ---- changing (MemoryChanges only)

    void put(String memoryId, String model, float[] vector) {
        jdbc.sql("INSERT INTO memory_vectors (memory_id, model, dim, vector) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (memory_id, model) DO UPDATE SET dim = excluded.dim, vector = excluded.vector")
                .params(memoryId, model, vector.length, Vectors.toBytes(vector)).update();
    }

    /**
     * The memory's text changed: its one vector is now this one, and vectors of other models (which encode
     * the old text) are dropped, to be re-embedded if that model comes back.
     */
    void replace(String memoryId, String model, float[] vector) {
        jdbc.sql("DELETE FROM memory_vectors WHERE memory_id = ? AND model <> ?").params(memoryId, model).update();
        put(memoryId, model, vector);
    }

    void delete(String memoryId) {
        jdbc.sql("DELETE FROM memory_vectors WHERE memory_id = ?").param(memoryId).update();
    }
}
