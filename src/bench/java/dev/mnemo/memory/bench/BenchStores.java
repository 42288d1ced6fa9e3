package dev.mnemo.memory.bench;

import dev.mnemo.memory.MemoryProperties;
import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.index.IndexRegistry;
import dev.mnemo.memory.read.Retriever;
import dev.mnemo.memory.store.Generations;
import dev.mnemo.memory.store.Memories;
import dev.mnemo.memory.store.MemoryChanges;
import dev.mnemo.memory.store.MemoryHistory;
import dev.mnemo.memory.store.MemoryTables;
import dev.mnemo.memory.store.MemoryVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The read path's real parts on a fresh SQLite file, wired by hand for benchmarks. */
final class BenchStores {
    final JdbcClient jdbc;
    final Memories memories;
    final MemoryChanges changes;
    final IndexRegistry indexes;
    final Retriever retriever;

    BenchStores(Embedder embedder, Clock clock) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        try {
            dataSource.setUrl("jdbc:sqlite:" + Files.createTempDirectory("mnemo-bench").resolve("bench.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite").load().migrate();
        MemoryProperties properties = new MemoryProperties(embedder.modelId(), 5, 100, null, null, null,
                Duration.ofDays(30), Duration.ofMinutes(30), "0 0 3 * * *", 0.05, 3, Duration.ofDays(30),
                Duration.ofDays(7), Duration.ofSeconds(5), false, Duration.ZERO);
        this.jdbc = JdbcClient.create(dataSource);
        JdbcTemplate batches = new JdbcTemplate(dataSource);
        this.memories = new Memories(jdbc, batches, clock, properties, new NoCache());
        MemoryVectors vectors = new MemoryVectors(jdbc);
        Generations generations = new Generations(jdbc);
        this.indexes = new IndexRegistry(memories, vectors, generations, embedder);
        this.changes = new MemoryChanges(new MemoryTables(memories, new MemoryHistory(jdbc, batches, clock), vectors,
                generations), List.of(indexes), new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                event -> { }, clock);
        this.retriever = new Retriever(indexes, embedder, memories, clock, properties);
    }

    static Path out(String name) throws IOException {
        Path out = Path.of("target", "bench", name);
        Files.createDirectories(out.getParent());
        return out;
    }
}
