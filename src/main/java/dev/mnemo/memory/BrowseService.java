package dev.mnemo.memory;

import dev.mnemo.memory.store.Memories;
import dev.mnemo.memory.store.MemoryStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link MemoryBrowsing} on the memory tables. */
@Service
class BrowseService implements MemoryBrowsing {
    private final Memories memories;
    private final JdbcClient jdbc;

    BrowseService(Memories memories, JdbcClient jdbc) {
        this.memories = memories;
        this.jdbc = jdbc;
    }

    @Override
    public Page page(String userId, Query query) {
        List<Memory> rows = memories.toMemories(memories.page(userId,
                query.pruned() ? MemoryStatus.PRUNED : MemoryStatus.ACTIVE, query.kind().map(Enum::name).orElse(null),
                blankToNull(query.tag()), blankToNull(query.person()), query.sort(), query.offset(), query.limit() + 1));
        boolean more = rows.size() > query.limit();
        return new Page(more ? rows.subList(0, query.limit()) : rows, query.offset(), more);
    }

    @Override
    public List<Source> sources(String userId, String memoryId) {
        return memories.sources(userId, memoryId).stream()
                .map(row -> new Source(row.messageId(), row.channel(), row.text(), row.at())).toList();
    }

    @Override
    public List<SleepCompleted> sleeps(String userId, int limit) {
        return jdbc.sql("SELECT trigger, started_at, finished_at, decayed, merged, summarised, pruned, purged "
                        + "FROM memory_sleep_runs WHERE user_id = ? ORDER BY finished_at DESC LIMIT ?")
                .params(userId, limit)
                .query((rs, n) -> new SleepCompleted(userId, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                        Instant.ofEpochMilli(rs.getLong(3)), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                        rs.getInt(8)))
                .list();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
